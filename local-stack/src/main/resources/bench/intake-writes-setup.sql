-- Copies of the tables intake writes per complaint, for pgbench: same columns, defaults, indexes,
-- unique and check constraints ("including all"), and the same foreign keys (added by hand: "like"
-- does not copy them). Copies keep pgbench's rows away from intake's relay and its queries.
drop table if exists bench_outbox_events, bench_complaint_history, bench_complaints, bench_ticket_counters;
create table bench_ticket_counters (like ticket_counters including all);
create table bench_complaints (like complaints including all);
alter table bench_complaints add foreign key (category) references categories (code);
create table bench_complaint_history (like complaint_history including all);
alter table bench_complaint_history add foreign key (complaint_id) references bench_complaints (id);
create table bench_outbox_events (like outbox_events including all);

-- SLA clocks, one row per complaint and clock kind. Durable: deadlines live here, not in memory.
create table sla_clocks (
    complaint_id  uuid        not null,
    clock         varchar(20) not null,
    province      varchar(8)  not null,
    priority      varchar(10) not null,
    started_at    timestamptz not null,
    due_at        timestamptz not null,
    state         varchar(10) not null,
    primary key (complaint_id, clock)
);
create index sla_clocks_running_due on sla_clocks (due_at) where state = 'RUNNING';

-- Escalations (逐级升级) of each complaint, one row per level reached, from ComplaintEscalated on
-- tousu.escalations: the weekly report counts the complaints escalated in a week. A redelivery
-- of the same level changes nothing.
create table complaint_escalations (
    complaint_id uuid        not null,
    to_level     integer     not null,
    province     varchar(8)  not null,
    reason       varchar(30),
    escalated_at timestamptz not null,
    primary key (complaint_id, to_level)
);
create index complaint_escalations_at on complaint_escalations (province, escalated_at);
create index complaint_facts_breach on complaint_facts (province, resolution_breach_due_at)
    where resolution_breach_due_at is not null;

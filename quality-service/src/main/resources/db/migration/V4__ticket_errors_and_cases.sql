-- Ticket errors (工单差错): recorded by inspectors, or automatically (source_key names the event that
-- revealed it, so a redelivered or re-examined event records the error once).
create table ticket_errors (
    id            uuid         primary key,
    complaint_id  uuid         not null,
    inspection_id uuid,
    province      varchar(8)   not null,
    error_type    varchar(40)  not null,
    agent_id      varchar(64),
    team_id       varchar(64),
    description   text         not null,
    recorded_by   varchar(64)  not null,
    recorded_at   timestamptz  not null,
    source_key    varchar(100) unique
);
create index ticket_errors_complaint on ticket_errors (complaint_id);
create index ticket_errors_agent on ticket_errors (agent_id, recorded_at);

-- Typical errors published as cases with a lesson (差错案例推送).
create table error_cases (
    id           uuid         primary key,
    error_id     uuid         not null unique references ticket_errors (id),
    title        varchar(200) not null,
    lesson       text         not null,
    published_by varchar(64)  not null,
    published_at timestamptz  not null
);

-- Read models of the key indicators, fed from every topic. Events of one complaint arrive on three
-- topics in no guaranteed order, so a fact row may be created by any of them: only the province
-- and the id are known for sure; ComplaintReceived fills in the rest whenever it comes.
alter table complaint_facts
    alter column ticket_no drop not null,
    alter column channel drop not null,
    alter column category drop not null,
    alter column priority drop not null,
    alter column received_at drop not null,
    add column repeat                   boolean not null default false,
    add column owner_id                 varchar(64),
    add column team_id                  varchar(64),
    add column handed_off               boolean not null default false,
    add column resolved_at              timestamptz,
    add column substantiated            boolean,
    add column responsibility           varchar(20),
    add column staff_id                 varchar(64),
    add column first_contact            boolean,
    add column reopen_count             integer not null default 0,
    -- due time of the earliest RESOLUTION clock breach (SlaBreached); null when never breached
    add column resolution_breach_due_at timestamptz,
    add column escalation_level         integer not null default 0,
    add column followed_up_at           timestamptz,
    add column satisfied                boolean;

create index complaint_facts_received on complaint_facts (province, received_at);
create index complaint_facts_resolved on complaint_facts (province, resolved_at) where resolved_at is not null;
create index complaint_facts_followed_up on complaint_facts (province, followed_up_at) where followed_up_at is not null;

-- Ticket errors (工单差错) found by quality; they count in the period they were recorded.
create table ticket_errors (
    error_id     varchar(64) primary key,
    complaint_id uuid        not null,
    province     varchar(8)  not null,
    error_type   varchar(40),
    agent_id     varchar(64),
    team_id      varchar(64),
    recorded_at  timestamptz not null
);
create index ticket_errors_recorded on ticket_errors (province, recorded_at);

-- Risk-rule hits (风险地雷库) found by audits.
create table risk_hits (
    hit_id       varchar(64) primary key,
    complaint_id uuid        not null,
    province     varchar(8)  not null,
    rule_code    varchar(64),
    minefield    varchar(40),
    severity     varchar(10),
    agent_id     varchar(64),
    team_id      varchar(64),
    recorded_at  timestamptz not null
);
create index risk_hits_recorded on risk_hits (province, recorded_at);

-- Scored inspections: the audited tickets, denominator of the risk anomaly rate.
create table inspections (
    inspection_id   varchar(64) primary key,
    complaint_id    uuid        not null,
    province        varchar(8)  not null,
    agent_id        varchar(64),
    score           numeric(10, 2),
    max_score       numeric(10, 2),
    critical_failed boolean     not null default false,
    scored_at       timestamptz not null
);
create index inspections_scored on inspections (province, scored_at);

-- Manual call volume (人工接入话务量) per province, day and city; city '' is a province-wide report.
-- A later report (by reported_at) for the same day and city replaces the earlier one.
create table call_volumes (
    province     varchar(8)  not null,
    day          date        not null,
    city         varchar(50) not null,
    manual_calls bigint      not null check (manual_calls >= 0),
    reported_at  timestamptz not null,
    primary key (province, day, city)
);

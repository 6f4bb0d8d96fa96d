-- The candidates of V1 are replaced by the complaint's whole event history (high-risk reasons are
-- derived from it when asked).
drop table inspection_candidates;

-- Every complaint and escalation event quality has seen, per complaint. The history quality works
-- from is folded from these rows in time order, so events arriving late or out of order still land
-- in their place.
create table complaint_events (
    seq          bigserial    primary key,
    event_id     uuid         not null unique,
    complaint_id uuid         not null,
    event_type   varchar(40)  not null,
    occurred_at  timestamptz  not null,
    envelope     text         not null
);
create index complaint_events_complaint on complaint_events (complaint_id, occurred_at, seq);

-- One sampling decision per complaint and resolution round (0, then 1 after the first reopen, ...).
create table sampling_decisions (
    complaint_id  uuid         not null,
    round         int          not null,
    province      varchar(8)   not null,
    agent_id      varchar(64),
    sampled       boolean      not null,
    reason        varchar(40)  not null,
    reasons       text         not null default '',
    high_risk     boolean      not null,
    draw          double precision not null,
    decided_at    timestamptz  not null,
    inspection_id uuid,
    primary key (complaint_id, round)
);

-- Inspections (质检): one per sampled decision; claimed and scored by an inspector.
create table inspections (
    id                uuid         primary key,
    complaint_id      uuid         not null,
    round             int          not null,
    ticket_no         varchar(32),
    province          varchar(8)   not null,
    channel           varchar(20),
    category          varchar(40),
    agent_id          varchar(64),
    team_id           varchar(64),
    reason            varchar(40)  not null,
    reasons           text         not null default '',
    high_risk         boolean      not null,
    sampled_at        timestamptz  not null,
    sample_month      varchar(7)   not null,
    status            varchar(12)  not null,
    inspector_id      varchar(64),
    claimed_at        timestamptz,
    scorecard_id      uuid,
    scorecard_version int,
    raw_score         numeric(6, 2),
    score             numeric(6, 2),
    max_score         numeric(6, 2),
    critical_failed   boolean,
    passed            boolean,
    item_scores       text,
    comment           text,
    scored_at         timestamptz,
    final_score       numeric(6, 2),
    version           bigint       not null default 0,
    unique (complaint_id, round)
);
create index inspections_queue on inspections (status, province, sampled_at);
create index inspections_agent_month on inspections (agent_id, sample_month);

-- Calibration: extra inspections of an already sampled complaint and round, scored by other
-- inspectors to compare their scores. They do not count toward the agent (not in the monthly
-- sampling quota, no InspectionScored, no appeal). Only the sampled inspection is unique per round.
alter table inspections add column calibration_of uuid references inspections (id);
alter table inspections drop constraint inspections_complaint_id_round_key;
create unique index inspections_one_sampled_per_round on inspections (complaint_id, round)
    where calibration_of is null;
create unique index inspections_one_calibration_per_inspector on inspections (calibration_of, inspector_id)
    where calibration_of is not null;
create index inspections_complaint on inspections (complaint_id);

-- Appeals (复核): the inspected agent appeals a score within the window; another inspector decides.
-- One appeal per inspection.
create table appeals (
    id              uuid          primary key,
    inspection_id   uuid          not null unique references inspections (id),
    complaint_id    uuid          not null,
    province        varchar(8)    not null,
    agent_id        varchar(64)   not null,
    reason          text          not null,
    status          varchar(12)   not null,
    original_score  numeric(6, 2) not null,
    appealed_at     timestamptz   not null,
    decided_by      varchar(64),
    upheld          boolean,
    final_score     numeric(6, 2),
    decision_reason text,
    decided_at      timestamptz,
    version         bigint        not null default 0
);
create index appeals_queue on appeals (status, province, appealed_at);

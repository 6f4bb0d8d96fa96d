-- SMART targets (e.g. complaint rate 5% -> 3% by 2026-12-31) of a province; status is computed on read.
create table targets (
    id            uuid primary key,
    province      varchar(8)     not null,
    indicator     varchar(40)    not null,
    baseline      numeric(14, 2) not null,
    baseline_date date           not null,
    target_value  numeric(14, 2) not null,
    deadline      date           not null,
    description   varchar(500),
    created_at    timestamptz    not null,
    check (deadline > baseline_date)
);
create index targets_province on targets (province, deadline);

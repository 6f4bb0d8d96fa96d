-- Hot-spot episodes (服务风险预警): one row per episode of a category or region of a province.
-- At most one open episode per key, so two replicas evaluating at once raise one warning.
create table hot_spots (
    id            uuid primary key,
    province      varchar(8)  not null,
    dimension     varchar(20) not null,
    hot_key       varchar(64) not null,
    detected_at   timestamptz not null,
    window_start  timestamptz not null,
    window_end    timestamptz not null,
    count         bigint      not null,
    baseline      numeric(12, 2) not null,
    peak_count    bigint      not null,
    last_count    bigint      not null,
    ended_at      timestamptz
);
create unique index hot_spots_open on hot_spots (province, dimension, hot_key) where ended_at is null;
create index hot_spots_province on hot_spots (province, detected_at desc);

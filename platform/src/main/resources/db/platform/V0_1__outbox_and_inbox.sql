-- Shared by every service (migrated from the tousu-platform jar before the service's own scripts).

-- Transactional outbox: a state change and its event are written in one transaction; the relay
-- publishes rows in id order and stamps sent_at.
create table outbox_events (
    id          bigserial primary key,
    event_id    uuid        not null unique,
    topic       varchar(100) not null,
    event_key   varchar(100),
    event_type  varchar(100) not null,
    envelope    text        not null,
    created_at  timestamptz not null default now(),
    sent_at     timestamptz
);
create index outbox_events_unsent on outbox_events (id) where sent_at is null;

-- Idempotent inbox: one row per (event, consumer) processed, written with the consumer's update.
create table processed_events (
    event_id     uuid        not null,
    consumer     varchar(100) not null,
    event_type   varchar(100) not null,
    processed_at timestamptz not null default now(),
    primary key (event_id, consumer)
);

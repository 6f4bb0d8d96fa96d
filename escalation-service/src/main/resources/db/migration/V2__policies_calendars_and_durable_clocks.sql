-- Escalation's own model: business calendars, SLA policies (seeded with defaults), the complaints
-- it tracks, durable clocks with their firing time, an append-only history, and events that
-- arrived before their complaint. V1's sla_clocks was never released; it is replaced here.
drop table sla_clocks;

-- Business calendars per province: working hours in the province's zone, holidays and make-up
-- working days (调休上班). Lists are comma-separated text (ISO dates, weekday names).
create table business_calendars (
    code              varchar(32)  primary key,
    name              varchar(100) not null,
    zone              varchar(64)  not null,
    work_start        time         not null,
    work_end          time         not null,
    working_days      varchar(100) not null,
    holidays          text         not null,
    make_up_workdays  text         not null,
    updated_at        timestamptz  not null default now()
);

-- Mainland China 2026, from the State Council General Office notice on the 2026 public holidays
-- (国务院办公厅关于2026年部分节假日安排的通知, published November 2025): New Year 1-3 Jan (work Sun 4 Jan);
-- Spring Festival 15-23 Feb (work Sat 14 Feb, Sat 28 Feb); Qingming 4-6 Apr; Labour Day 1-5 May
-- (work Sat 9 May); Dragon Boat 19-21 Jun; Mid-Autumn 25-27 Sep; National Day 1-7 Oct (work Sun
-- 20 Sep, Sat 10 Oct). Add each new year through PUT /api/v1/calendars/CN.
insert into business_calendars (code, name, zone, work_start, work_end, working_days, holidays, make_up_workdays) values
    ('CN', 'Mainland China, office hours 09:00-18:00', 'Asia/Shanghai', '09:00', '18:00',
     'MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY',
     '2026-01-01,2026-01-02,2026-01-03,'
     || '2026-02-15,2026-02-16,2026-02-17,2026-02-18,2026-02-19,2026-02-20,2026-02-21,2026-02-22,2026-02-23,'
     || '2026-04-04,2026-04-05,2026-04-06,'
     || '2026-05-01,2026-05-02,2026-05-03,2026-05-04,2026-05-05,'
     || '2026-06-19,2026-06-20,2026-06-21,'
     || '2026-09-25,2026-09-26,2026-09-27,'
     || '2026-10-01,2026-10-02,2026-10-03,2026-10-04,2026-10-05,2026-10-06,2026-10-07',
     '2026-01-04,2026-02-14,2026-02-28,2026-05-09,2026-09-20,2026-10-10');

-- SLA policies. A null selector field matches anything; the most specific matching policy wins.
-- chain: escalation levels in order, each with the time that level has (ISO-8601) before the next.
create table sla_policies (
    id                      bigserial    primary key,
    name                    varchar(100) not null,
    province                varchar(8),
    channel                 varchar(16),
    category                varchar(40),
    priority                varchar(10),
    first_response_seconds  bigint       not null check (first_response_seconds > 0),
    next_update_seconds     bigint       not null check (next_update_seconds > 0),
    resolution_seconds      bigint       not null check (resolution_seconds > 0),
    warn_before_percent     int          check (warn_before_percent between 1 and 99),
    warn_before_seconds     bigint       check (warn_before_seconds > 0),
    calendar_mode           varchar(16)  not null,
    calendar_code           varchar(32)  references business_calendars (code),
    chain                   text         not null,
    updated_at              timestamptz  not null default now(),
    check ((warn_before_percent is null) <> (warn_before_seconds is null)),
    check ((calendar_mode = 'BUSINESS_HOURS') = (calendar_code is not null))
);
create unique index sla_policies_selector on sla_policies
    (coalesce(province, ''), coalesce(channel, ''), coalesce(category, ''), coalesce(priority, ''));

-- Defaults: regulator-forwarded complaints (越级/工信部申诉) get the tightest clock; then by priority.
-- Targets run 24x7 except LOW, which counts office hours only.
insert into sla_policies (name, channel, priority, first_response_seconds, next_update_seconds, resolution_seconds,
        warn_before_percent, calendar_mode, calendar_code, chain) values
    ('Default',           null,        null,     4 * 3600, 24 * 3600, 72 * 3600, 20, 'ALWAYS', null,
        'TEAM_LEAD=PT8H,MANAGER=PT24H,CENTRE_DIRECTOR=PT48H,PROVINCE'),
    ('Urgent',            null,        'URGENT', 1 * 3600,  4 * 3600, 24 * 3600, 25, 'ALWAYS', null,
        'TEAM_LEAD=PT2H,MANAGER=PT4H,CENTRE_DIRECTOR=PT8H,PROVINCE'),
    ('High',              null,        'HIGH',   2 * 3600, 12 * 3600, 48 * 3600, 20, 'ALWAYS', null,
        'TEAM_LEAD=PT4H,MANAGER=PT12H,CENTRE_DIRECTOR=PT24H,PROVINCE'),
    ('Low',               null,        'LOW',    8 * 3600, 48 * 3600, 120 * 3600, 20, 'BUSINESS_HOURS', 'CN',
        'TEAM_LEAD=PT8H,MANAGER=PT24H,CENTRE_DIRECTOR=PT48H,PROVINCE'),
    ('Regulator appeals', 'REGULATOR', null,     1800,      2 * 3600, 24 * 3600, 25, 'ALWAYS', null,
        'TEAM_LEAD=PT1H,MANAGER=PT2H,CENTRE_DIRECTOR=PT4H,PROVINCE');

-- Who changed which policy when, with the policy as it was after the change.
create table sla_policy_audit (
    id                  bigserial    primary key,
    policy_id           bigint       not null,
    action              varchar(16)  not null,
    snapshot            text         not null,
    recomputed_clocks   int          not null default 0,
    at                  timestamptz  not null
);

-- The complaints escalation tracks (no phone numbers).
create table tracked_complaints (
    complaint_id        uuid         primary key,
    ticket_no           varchar(40)  not null,
    province            varchar(8)   not null,
    channel             varchar(16)  not null,
    category            varchar(40)  not null,
    priority            varchar(10)  not null,
    customer_tier       varchar(40),
    owner_id            varchar(64),
    team_id             varchar(64),
    owner_since         timestamptz,
    phase               varchar(10)  not null,
    phase_changed_at    timestamptz  not null,
    level               int          not null default 0,
    policy_id           bigint       not null references sla_policies (id),
    received_at         timestamptz  not null,
    first_contact_at    timestamptz,
    waiting_since       timestamptz,
    last_wait_ended_at  timestamptz,
    repeat_complaint    boolean      not null default false,
    sensitive_words     boolean      not null default false,
    premium_customer    boolean      not null default false,
    urge_count          int          not null default 0,
    breach_count        int          not null default 0,
    broken_promises     int          not null default 0,
    reopen_count        int          not null default 0,
    risk_score          int          not null default 0,
    risk_reasons        varchar(300) not null default '',
    risk_raised_at      timestamptz,
    updated_at          timestamptz  not null
);
create index tracked_complaints_at_risk on tracked_complaints (risk_score desc) where phase = 'OPEN';

-- Durable clocks. The firing loop claims rows with fire_at <= now (FOR UPDATE SKIP LOCKED).
create table sla_clocks (
    id                   bigserial    primary key,
    complaint_id         uuid         not null references tracked_complaints (complaint_id),
    kind                 varchar(20)  not null,
    ref                  varchar(64)  not null default '',
    province             varchar(8)   not null,
    category             varchar(40)  not null,
    state                varchar(10)  not null,
    started_at           timestamptz  not null,
    due_at               timestamptz  not null,
    warn_at              timestamptz,
    fire_at              timestamptz,
    remaining_seconds    bigint,
    warn_before_seconds  bigint       not null,
    calendar_code        varchar(32),
    first_breached_at    timestamptz,
    last_change_at       timestamptz  not null,
    unique (complaint_id, kind, ref)
);
create index sla_clocks_firing on sla_clocks (fire_at) where state = 'RUNNING';
create index sla_clocks_due on sla_clocks (due_at) where state in ('RUNNING', 'BREACHED');

-- Append-only history of every clock change and escalation.
create table clock_history (
    id            bigserial    primary key,
    complaint_id  uuid         not null,
    clock         varchar(90),
    action        varchar(16)  not null,
    level         int          not null,
    at            timestamptz  not null,
    detail        varchar(300)
);
create index clock_history_complaint on clock_history (complaint_id, id);

-- Events about a complaint whose ComplaintReceived has not arrived yet; applied when it does.
create table parked_events (
    event_id      uuid         primary key,
    complaint_id  uuid         not null,
    occurred_at   timestamptz  not null,
    envelope      text         not null
);
create index parked_events_complaint on parked_events (complaint_id, occurred_at);

-- The complaint taxonomy, seeded with the categories of DOMAIN.md; managed through /api/v1/categories.
create table categories (
    code     varchar(40) primary key,
    name_zh  varchar(100) not null,
    name_en  varchar(100) not null,
    active   boolean not null default true
);
insert into categories (code, name_zh, name_en) values
    ('BILLING_DISPUTE',      '扣费争议',         'Billing / fee dispute'),
    ('DATA_USAGE_DISPUTE',   '流量争议',         'Data-usage dispute'),
    ('VALUE_ADDED_SP',       '增值业务·SP',      'Value-added / SP services'),
    ('NETWORK_QUALITY',      '网络质量',         'Network quality'),
    ('BROADBAND_INSTALL',    '装维',             'Broadband install / repair'),
    ('MARKETING_VIOLATION',  '营销违规·三强',    'Marketing violation (forced subscription, bundling, consumption)'),
    ('BUSINESS_HANDLING',    '受理差错',         'Business-handling error'),
    ('STAFF_ATTITUDE',       '服务态度',         'Staff attitude'),
    ('OTHER',                '其他',             'Other');

create table subcategories (
    category  varchar(40) not null references categories (code),
    code      varchar(40) not null,
    name_zh   varchar(100) not null,
    name_en   varchar(100) not null,
    active    boolean not null default true,
    primary key (category, code)
);
insert into subcategories (category, code, name_zh, name_en) values
    ('BILLING_DISPUTE',     'DOUBLE_CHARGE',       '重复扣费',     'Charged twice'),
    ('BILLING_DISPUTE',     'PLAN_FEE',            '套餐资费',     'Plan fee'),
    ('BILLING_DISPUTE',     'ROAMING',             '漫游费用',     'Roaming charges'),
    ('DATA_USAGE_DISPUTE',  'UNEXPECTED_USAGE',    '流量异常',     'Unexpected data usage'),
    ('DATA_USAGE_DISPUTE',  'PACKAGE_NOT_APPLIED', '流量包未生效', 'Data package not applied'),
    ('VALUE_ADDED_SP',      'UNORDERED_SERVICE',   '未订购扣费',   'Charged for a service never ordered'),
    ('VALUE_ADDED_SP',      'UNSUBSCRIBE_FAILED',  '退订失败',     'Unsubscribe failed'),
    ('NETWORK_QUALITY',     'NO_SIGNAL',           '无信号',       'No signal'),
    ('NETWORK_QUALITY',     'SLOW_DATA',           '网速慢',       'Slow data'),
    ('BROADBAND_INSTALL',   'INSTALL_DELAY',       '装机延误',     'Installation delayed'),
    ('BROADBAND_INSTALL',   'REPAIR_DELAY',        '维修延误',     'Repair delayed'),
    ('MARKETING_VIOLATION', 'FORCED_SUBSCRIPTION', '强制订购',     'Forced subscription'),
    ('MARKETING_VIOLATION', 'FORCED_BUNDLING',     '强制捆绑',     'Forced bundling'),
    ('MARKETING_VIOLATION', 'FORCED_CONSUMPTION',  '强制消费',     'Forced consumption'),
    ('BUSINESS_HANDLING',   'WRONG_PLAN_CHANGE',   '办理错误',     'Plan changed wrongly'),
    ('STAFF_ATTITUDE',      'RUDE',                '态度恶劣',     'Rude staff');

-- Daily ticket sequences per province (province-local date).
create table ticket_counters (
    province  varchar(8) not null,
    day       date       not null,
    last_seq  integer    not null,
    primary key (province, day)
);

-- The system of record. The phone number is stored here in full, and nowhere else.
create table complaints (
    id                    uuid primary key,
    ticket_no             varchar(32)  not null unique,
    channel               varchar(20)  not null,
    channel_ref           varchar(100) not null,
    province              varchar(8)   not null,
    city                  varchar(50),
    msisdn                varchar(20)  not null,
    customer_id           varchar(64),
    customer_tier         varchar(30),
    category              varchar(40)  not null references categories (code),
    subcategory           varchar(40),
    description           text         not null,
    description_hash      varchar(64)  not null,
    attachments           text,
    contact_preference    varchar(20),
    contact_window        varchar(50),
    priority              varchar(10)  not null,
    priority_reasons      text         not null default '',
    status                varchar(30)  not null,
    status_before_wait    varchar(30),
    wait_started_at       timestamptz,
    owner_id              varchar(64),
    owner_name            varchar(100),
    team_id               varchar(64),
    office                varchar(10),
    front_owner_id        varchar(64),
    front_team_id         varchar(64),
    handed_off            boolean      not null default false,
    repeat_of             text         not null default '',
    suspected_malicious   boolean      not null default false,
    malicious_reasons     text         not null default '',
    urge_count            integer      not null default 0,
    last_urged_at         timestamptz,
    reopen_count          integer      not null default 0,
    first_contact_at      timestamptz,
    -- resolution (a pending one waits for compensation approval)
    substantiated         boolean,
    responsibility        varchar(20),
    staff_id              varchar(64),
    resolution_code       varchar(40),
    resolution_summary    text,
    compensation_amount   numeric(12, 2),
    compensation_approved boolean      not null default false,
    resolved_by           varchar(64),
    resolved_at           timestamptz,
    followed_up_at        timestamptz,
    satisfied             boolean,
    closed_at             timestamptz,
    received_at           timestamptz  not null,
    updated_at            timestamptz  not null,
    version               bigint       not null default 0,
    constraint complaints_channel_ref unique (channel, channel_ref)
);
create index complaints_province_received on complaints (province, received_at);
create index complaints_msisdn_category on complaints (msisdn, category, received_at);
create index complaints_msisdn_received on complaints (msisdn, received_at);
create index complaints_description_hash on complaints (description_hash, received_at);
create index complaints_owner on complaints (owner_id);
create index complaints_team on complaints (team_id);

-- Append-only history: who did what and when.
create table complaint_history (
    id            bigserial primary key,
    complaint_id  uuid        not null references complaints (id),
    at            timestamptz not null,
    actor_id      varchar(64) not null,
    actor_role    varchar(20) not null,
    action        varchar(30) not null,
    from_status   varchar(30),
    to_status     varchar(30),
    detail        text
);
create index complaint_history_complaint on complaint_history (complaint_id, id);

-- Promises made to the customer (call-back, progress notice) and their keeping.
create table promises (
    id            uuid primary key,
    complaint_id  uuid        not null references complaints (id),
    kind          varchar(20) not null,
    due_at        timestamptz not null,
    made_by       varchar(64) not null,
    made_at       timestamptz not null,
    kept_at       timestamptz,
    broken_at     timestamptz
);
create index promises_complaint on promises (complaint_id);

-- Customer self-service: suggestions left on the tracking page.
create table suggestions (
    id            uuid primary key,
    complaint_id  uuid        not null references complaints (id),
    text          text        not null,
    left_at       timestamptz not null
);

-- Failed tracking look-ups, per ticket and per client address, for rate limiting (shared by all replicas).
create table tracking_failures (
    id              bigserial primary key,
    ticket_no       varchar(32) not null,
    client_address  varchar(64) not null,
    failed_at       timestamptz not null
);
create index tracking_failures_ticket on tracking_failures (ticket_no, failed_at);
create index tracking_failures_client on tracking_failures (client_address, failed_at);

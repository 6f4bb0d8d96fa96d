-- The complaint taxonomy (configurable per province later; seeded with the categories of DOMAIN.md).
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

-- Daily ticket sequences per province (province-local date).
create table ticket_counters (
    province  varchar(8) not null,
    day       date       not null,
    last_seq  integer    not null,
    primary key (province, day)
);

create table complaints (
    id               uuid primary key,
    ticket_no        varchar(32)  not null unique,
    channel          varchar(20)  not null,
    channel_ref      varchar(100) not null,
    province         varchar(8)   not null,
    city             varchar(50),
    msisdn           varchar(20)  not null,
    category         varchar(40)  not null references categories (code),
    description      text         not null,
    priority         varchar(10)  not null,
    priority_reasons text         not null default '',
    status           varchar(30)  not null,
    received_at      timestamptz  not null,
    version          bigint       not null default 0,
    constraint complaints_channel_ref unique (channel, channel_ref)
);
create index complaints_province_received on complaints (province, received_at);
create index complaints_msisdn_category on complaints (msisdn, category, received_at);

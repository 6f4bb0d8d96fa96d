-- Read model: one row per complaint, built from tousu.complaints. Later indicators join on it.
create table complaint_facts (
    complaint_id  uuid primary key,
    ticket_no     varchar(32)  not null,
    province      varchar(8)   not null,
    city          varchar(50),
    channel       varchar(20)  not null,
    category      varchar(40)  not null,
    priority      varchar(10)  not null,
    received_at   timestamptz  not null
);
create index complaint_facts_province_category on complaint_facts (province, category);

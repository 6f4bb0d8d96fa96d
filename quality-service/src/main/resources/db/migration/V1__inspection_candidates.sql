-- What quality knows of each complaint before it is resolved: the facts sampling will need and the
-- high-risk reasons already visible at intake (regulator channel, repeat complaint).
create table inspection_candidates (
    complaint_id  uuid primary key,
    ticket_no     varchar(32)  not null,
    province      varchar(8)   not null,
    channel       varchar(20)  not null,
    category      varchar(40)  not null,
    high_risk     boolean      not null,
    risk_reasons  text         not null default '',
    received_at   timestamptz  not null
);

-- Every version of every risk rule, so that the version a hit records can be read back: what the
-- rule said when it was hit. Written with each create and change (enabling and disabling keep the
-- version).
create table risk_rule_versions (
    rule_id     uuid         not null references risk_rules (id),
    version     int          not null,
    code        varchar(60)  not null,
    name        varchar(200) not null,
    minefield   varchar(30)  not null,
    severity    varchar(10)  not null,
    description text,
    event_types text         not null,
    condition   text         not null,
    changed_at  timestamptz  not null,
    changed_by  varchar(64)  not null,
    primary key (rule_id, version)
);

insert into risk_rule_versions (rule_id, version, code, name, minefield, severity, description, event_types,
                                condition, changed_at, changed_by)
select id, version, code, name, minefield, severity, description, event_types, condition, updated_at, updated_by
from risk_rules;

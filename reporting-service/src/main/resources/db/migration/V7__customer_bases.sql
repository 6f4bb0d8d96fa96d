-- The customer base (客户规模) of a province per month, as the operator reports it: the denominator
-- of regulator complaints per 10k customers. A later report of the same month replaces the earlier.
create table customer_bases (
    province    varchar(8)  not null,
    month       date        not null check (extract(day from month) = 1),
    customers   bigint      not null check (customers > 0),
    reported_at timestamptz not null,
    primary key (province, month)
);

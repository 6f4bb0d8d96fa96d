-- Pre-aggregated counts of the complaint facts per province and UTC hour of each event time (received,
-- resolved, followed up), kept by a trigger on complaint_facts in the same transaction as every write,
-- so that the monthly table of a province (and any series grouped by province without filters) sums
-- at most 24 x 62 rows per event time instead of scanning every fact of two months. The trigger takes
-- a fact's old contribution out and puts its new one in, so the counts are those of the facts as they
-- stand whatever the order of their events, and a replay (an update that changes nothing) leaves
-- them alone. Hours add up exactly to the days and months of any zone whose offset is whole hours
-- (Asia/Shanghai); IndicatorQueries counts the facts themselves for other zones.
create table fact_hour_counts (
    province            varchar(8)  not null,
    hour                timestamptz not null,
    complaints          bigint      not null default 0,
    repeats             bigint      not null default 0,
    regulator           bigint      not null default 0,
    resolved            bigint      not null default 0,
    substantiated       bigint      not null default 0,
    staff_substantiated bigint      not null default 0,
    first_contact       bigint      not null default 0,
    on_time             bigint      not null default 0,
    followed_up         bigint      not null default 0,
    satisfied           bigint      not null default 0,
    primary key (province, hour)
);

-- The UTC hour of a time, whatever the session's time zone.
create function fact_hour(t timestamptz) returns timestamptz language sql immutable as $$
    select date_trunc('hour', t at time zone 'UTC') at time zone 'UTC'
$$;

-- Adds (sign 1) or takes out (sign -1) what a fact counts in the hour it was received. The conditions
-- are those of io.tousu.reporting.repository.FactSource.
create function fact_hour_received(f complaint_facts, sign integer) returns void language plpgsql as $$
begin
    if f.received_at is null then
        return;
    end if;
    insert into fact_hour_counts as c (province, hour, complaints, repeats, regulator)
    values (f.province, fact_hour(f.received_at), sign, sign * coalesce(f.repeat, false)::int,
            sign * coalesce(f.channel = 'REGULATOR', false)::int)
    on conflict (province, hour) do update set complaints = c.complaints + excluded.complaints,
        repeats = c.repeats + excluded.repeats, regulator = c.regulator + excluded.regulator;
end $$;

create function fact_hour_resolved(f complaint_facts, sign integer) returns void language plpgsql as $$
begin
    if f.resolved_at is null then
        return;
    end if;
    insert into fact_hour_counts as c (province, hour, resolved, substantiated, staff_substantiated, first_contact,
            on_time)
    values (f.province, fact_hour(f.resolved_at), sign,
            sign * coalesce(f.substantiated, false)::int,
            sign * coalesce(f.substantiated and f.responsibility = 'STAFF', false)::int,
            sign * coalesce(f.first_contact and not f.handed_off and f.reopen_count = 0 and not f.repeat, false)::int,
            sign * coalesce(f.resolution_breach_due_at is null or f.resolved_at < f.resolution_breach_due_at,
                    false)::int)
    on conflict (province, hour) do update set resolved = c.resolved + excluded.resolved,
        substantiated = c.substantiated + excluded.substantiated,
        staff_substantiated = c.staff_substantiated + excluded.staff_substantiated,
        first_contact = c.first_contact + excluded.first_contact, on_time = c.on_time + excluded.on_time;
end $$;

create function fact_hour_followed_up(f complaint_facts, sign integer) returns void language plpgsql as $$
begin
    if f.followed_up_at is null then
        return;
    end if;
    insert into fact_hour_counts as c (province, hour, followed_up, satisfied)
    values (f.province, fact_hour(f.followed_up_at), sign, sign * coalesce(f.satisfied, false)::int)
    on conflict (province, hour) do update set followed_up = c.followed_up + excluded.followed_up,
        satisfied = c.satisfied + excluded.satisfied;
end $$;

-- For each event time, only when what it counts changed: the old contribution out, the new one in.
create function complaint_facts_rollup() returns trigger language plpgsql as $$
declare
    o complaint_facts;
    n complaint_facts;
begin
    if tg_op <> 'INSERT' then
        o := old;
    end if;
    if tg_op <> 'DELETE' then
        n := new;
    end if;
    if (o.province, o.received_at, o.repeat, o.channel)
            is distinct from (n.province, n.received_at, n.repeat, n.channel) then
        perform fact_hour_received(o, -1);
        perform fact_hour_received(n, 1);
    end if;
    if (o.province, o.resolved_at, o.substantiated, o.responsibility, o.first_contact, o.handed_off, o.reopen_count,
            o.repeat, o.resolution_breach_due_at)
            is distinct from (n.province, n.resolved_at, n.substantiated, n.responsibility, n.first_contact,
            n.handed_off, n.reopen_count, n.repeat, n.resolution_breach_due_at) then
        perform fact_hour_resolved(o, -1);
        perform fact_hour_resolved(n, 1);
    end if;
    if (o.province, o.followed_up_at, o.satisfied) is distinct from (n.province, n.followed_up_at, n.satisfied) then
        perform fact_hour_followed_up(o, -1);
        perform fact_hour_followed_up(n, 1);
    end if;
    return null;
end $$;

create trigger complaint_facts_rollup after insert or update or delete on complaint_facts
    for each row execute function complaint_facts_rollup();

-- The facts already there.
insert into fact_hour_counts (province, hour, complaints, repeats, regulator)
select province, fact_hour(received_at), count(*), count(*) filter (where repeat),
       count(*) filter (where channel = 'REGULATOR')
from complaint_facts where received_at is not null group by 1, 2;

insert into fact_hour_counts as c (province, hour, resolved, substantiated, staff_substantiated, first_contact, on_time)
select province, fact_hour(resolved_at), count(*), count(*) filter (where substantiated),
       count(*) filter (where substantiated and responsibility = 'STAFF'),
       count(*) filter (where first_contact and not handed_off and reopen_count = 0 and not repeat),
       count(*) filter (where resolution_breach_due_at is null or resolved_at < resolution_breach_due_at)
from complaint_facts where resolved_at is not null group by 1, 2
on conflict (province, hour) do update set resolved = excluded.resolved, substantiated = excluded.substantiated,
    staff_substantiated = excluded.staff_substantiated, first_contact = excluded.first_contact,
    on_time = excluded.on_time;

insert into fact_hour_counts as c (province, hour, followed_up, satisfied)
select province, fact_hour(followed_up_at), count(*), count(*) filter (where satisfied)
from complaint_facts where followed_up_at is not null group by 1, 2
on conflict (province, hour) do update set followed_up = excluded.followed_up, satisfied = excluded.satisfied;

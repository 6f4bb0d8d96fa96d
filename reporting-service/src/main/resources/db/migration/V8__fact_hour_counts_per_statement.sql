-- The hourly counts of V6, kept per statement instead of per row: consumers write the facts of a
-- whole batch with a few multi-row upserts, and a row trigger would then still upsert the province's
-- current hour row once per fact (the same row hundreds of times in one transaction, which is also
-- where the complaint and escalation consumers ran into each other). Now each statement's old and new
-- images (its transition tables) are turned into contributions, summed per province and hour, and
-- applied with one upsert per hour touched, in hour order so that concurrent transactions lock hour
-- rows in the same order. A fact whose counted columns did not change adds and takes out the same
-- contribution, so a replay writes nothing.
drop trigger complaint_facts_rollup on complaint_facts;
drop function complaint_facts_rollup();
drop function fact_hour_received(complaint_facts, integer);
drop function fact_hour_resolved(complaint_facts, integer);
drop function fact_hour_followed_up(complaint_facts, integer);

-- What one fact counts, one row per event time it has (received, resolved, followed up). The
-- conditions are those of io.tousu.reporting.repository.FactSource.
create function fact_hour_contributions(f complaint_facts)
returns table (province varchar, hour timestamptz, complaints int, repeats int, regulator int, resolved int,
               substantiated int, staff_substantiated int, first_contact int, on_time int, followed_up int,
               satisfied int)
language sql immutable as $$
    select f.province, fact_hour(f.received_at), 1, coalesce(f.repeat, false)::int,
           coalesce(f.channel = 'REGULATOR', false)::int, 0, 0, 0, 0, 0, 0, 0
    where f.received_at is not null
    union all
    select f.province, fact_hour(f.resolved_at), 0, 0, 0, 1,
           coalesce(f.substantiated, false)::int,
           coalesce(f.substantiated and f.responsibility = 'STAFF', false)::int,
           coalesce(f.first_contact and not f.handed_off and f.reopen_count = 0 and not f.repeat, false)::int,
           coalesce(f.resolution_breach_due_at is null or f.resolved_at < f.resolution_breach_due_at, false)::int,
           0, 0
    where f.resolved_at is not null
    union all
    select f.province, fact_hour(f.followed_up_at), 0, 0, 0, 0, 0, 0, 0, 0, 1, coalesce(f.satisfied, false)::int
    where f.followed_up_at is not null
$$;

-- Adds summed contributions to the hour counts: one upsert per hour with anything to add, in hour
-- order (so concurrent transactions lock hour rows in the same order).
create function fact_hour_add(deltas fact_hour_counts[]) returns void language sql as $$
    insert into fact_hour_counts as c
    select * from unnest(deltas) d
    where d.complaints <> 0 or d.repeats <> 0 or d.regulator <> 0 or d.resolved <> 0 or d.substantiated <> 0
       or d.staff_substantiated <> 0 or d.first_contact <> 0 or d.on_time <> 0 or d.followed_up <> 0
       or d.satisfied <> 0
    order by d.province, d.hour
    on conflict (province, hour) do update set complaints = c.complaints + excluded.complaints,
        repeats = c.repeats + excluded.repeats, regulator = c.regulator + excluded.regulator,
        resolved = c.resolved + excluded.resolved, substantiated = c.substantiated + excluded.substantiated,
        staff_substantiated = c.staff_substantiated + excluded.staff_substantiated,
        first_contact = c.first_contact + excluded.first_contact, on_time = c.on_time + excluded.on_time,
        followed_up = c.followed_up + excluded.followed_up, satisfied = c.satisfied + excluded.satisfied
$$;

-- The statement's new images count +1, its old images -1, summed per province and hour. Each branch
-- names only the transition tables its event has (PL/pgSQL plans a statement when it first runs it).
create function complaint_facts_rollup() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform fact_hour_add(array(
            select row(x.province, x.hour, sum(x.complaints), sum(x.repeats), sum(x.regulator), sum(x.resolved),
                       sum(x.substantiated), sum(x.staff_substantiated), sum(x.first_contact), sum(x.on_time),
                       sum(x.followed_up), sum(x.satisfied))::fact_hour_counts
            from new_facts f cross join lateral fact_hour_contributions(f) x
            group by x.province, x.hour));
    elsif tg_op = 'UPDATE' then
        perform fact_hour_add(array(
            select row(d.province, d.hour, sum(d.s * d.complaints), sum(d.s * d.repeats), sum(d.s * d.regulator),
                       sum(d.s * d.resolved), sum(d.s * d.substantiated), sum(d.s * d.staff_substantiated),
                       sum(d.s * d.first_contact), sum(d.s * d.on_time), sum(d.s * d.followed_up),
                       sum(d.s * d.satisfied))::fact_hour_counts
            from (select 1 as s, x.* from new_facts f cross join lateral fact_hour_contributions(f) x
                  union all
                  select -1 as s, x.* from old_facts f cross join lateral fact_hour_contributions(f) x) d
            group by d.province, d.hour));
    else
        perform fact_hour_add(array(
            select row(x.province, x.hour, -sum(x.complaints), -sum(x.repeats), -sum(x.regulator),
                       -sum(x.resolved), -sum(x.substantiated), -sum(x.staff_substantiated),
                       -sum(x.first_contact), -sum(x.on_time), -sum(x.followed_up), -sum(x.satisfied))::fact_hour_counts
            from old_facts f cross join lateral fact_hour_contributions(f) x
            group by x.province, x.hour));
    end if;
    return null;
end $$;

create trigger complaint_facts_rollup_insert after insert on complaint_facts
    referencing new table as new_facts for each statement execute function complaint_facts_rollup();
create trigger complaint_facts_rollup_update after update on complaint_facts
    referencing old table as old_facts new table as new_facts for each statement execute function complaint_facts_rollup();
create trigger complaint_facts_rollup_delete after delete on complaint_facts
    referencing old table as old_facts for each statement execute function complaint_facts_rollup();

-- The peer's own schema: the computed fields PostGraphile exposes through peer-plugin.js. They
-- mirror the service's rules so that both sides compute the same thing per row.
\set ON_ERROR_STOP on
set client_min_messages = warning;
drop schema if exists bench_peer cascade;
create schema bench_peer;

-- An item's status as of today in the service zone (APP_ZONE, Asia/Shanghai): the service's own
-- database rule (V10 public.responsibility_status, the one ResponsibilityFilter.STATUS applies)
-- over the item's first completing report (public.responsibility_completed_on).
create function bench_peer.responsibility_status(r public.responsibility) returns varchar
    language sql stable as
$$
    select public.responsibility_status(r.deadline_kind, r.due_on, public.responsibility_completed_on(r.id),
                                        (now() at time zone 'Asia/Shanghai')::date)
$$;

-- An indicator's latest observation: the one of the latest period of the indicator's kind.
create function bench_peer.indicator_latest(i public.indicator) returns public.observation
    language sql stable as
$$
    select o.* from public.observation o
    where o.indicator_id = i.id and o.period_kind = i.period_kind
    order by o.period_start desc limit 1
$$;

-- An indicator's status, as cn.worksafety.planning.TargetEvaluation computes it, in numeric
-- (decimal) arithmetic like the service. Covers every comparator, averageYears and a baseline of
-- one period or of a range of years (2016..2020); a range of quarters or months (which the data
-- set has none of) is not expanded and gives NO_DATA.
create function bench_peer.indicator_status(i public.indicator) returns varchar
    language plpgsql stable as
$$
declare
    latest   public.observation;
    compared numeric;
    base     numeric;
    bound    numeric := i.target_value::numeric;
    first_key varchar;
    last_key  varchar;
    met      boolean;
begin
    latest := bench_peer.indicator_latest(i);
    if latest.id is null then
        return 'NO_DATA';
    end if;
    if coalesce(i.average_years, 1) <= 1 then
        compared := latest.value::numeric;
    else -- the mean of the N years ending with the latest one, all of them observed
        select case when count(*) = i.average_years then avg(o.value::numeric) end into compared
        from public.observation o
        where o.indicator_id = i.id and o.period_kind = 'YEAR'
          and o.period::int between latest.period::int - i.average_years + 1 and latest.period::int;
    end if;
    if compared is null then
        return 'NO_DATA';
    end if;
    if i.comparator in ('DECREASE_BY_PERCENT', 'INCREASE_BY_PERCENT') then
        first_key := split_part(i.baseline_period, '..', 1);
        last_key := coalesce(nullif(split_part(i.baseline_period, '..', 2), ''), first_key);
        if latest.period_start <= public.meeting_period_key_start(last_key) then
            return 'NO_DATA'; -- nothing observed after the baseline yet
        end if;
        if first_key = last_key then
            select o.value::numeric into base from public.observation o
            where o.indicator_id = i.id and o.period = first_key;
        elsif i.period_kind = 'YEAR' then
            select case when count(*) = last_key::int - first_key::int + 1 then avg(o.value::numeric) end into base
            from public.observation o
            where o.indicator_id = i.id and o.period_kind = 'YEAR' and o.period::int between first_key::int and last_key::int;
        end if;
        if base is null then
            return 'NO_DATA';
        end if;
        if i.comparator = 'DECREASE_BY_PERCENT' then
            met := compared * 100 <= base * (100 - bound);
        else
            met := compared * 100 >= base * (100 + bound);
        end if;
    else
        met := case i.comparator
            when 'LT' then compared < bound
            when 'LE' then compared <= bound
            when 'GT' then compared > bound
            when 'GE' then compared >= bound
            when 'EQ' then compared = bound
        end;
    end if;
    return case when met then 'MET' else 'NOT_MET' end;
end
$$;

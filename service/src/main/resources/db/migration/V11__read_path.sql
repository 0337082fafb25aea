-- Helpers of the compiled read path (cn.worksafety.read): PostgreSQL writes a query's JSON
-- answer itself as text, so values must come out exactly as the GraphQL layer writes them. Each
-- is a single expression, so the planner inlines it.

-- A DateTime as the GraphQL scalar writes it (ISO_OFFSET_DATE_TIME in UTC): seconds always,
-- the fraction without trailing zeros, 'Z'.
create function gql_datetime(t timestamptz) returns text
    language sql stable as
$$
    select to_char(t at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS')
        || coalesce('.' || nullif(rtrim(to_char(t at time zone 'UTC', 'US'), '0'), ''), '') || 'Z'
$$;

-- A Float as JSON text the way the GraphQL layer writes a Java double: whole numbers keep '.0'.
create function gql_float(v double precision) returns text
    language sql immutable as
$$
    select case when v = trunc(v) and abs(v) < 1e15 then trunc(v)::numeric::text || '.0' else v::text end
$$;

-- Opaque page cursors, byte for byte those of cn.worksafety.common.Cursor: base64url without
-- padding of 'i||<id>' (creation order) or 'u|<updatedAt>|<id>' ("changed since" order), the
-- instant written as java.time.OffsetDateTime#toString writes it in UTC.
create function gql_base64url(s text) returns text
    language sql immutable as
$$
    select rtrim(translate(encode(convert_to(s, 'UTF8'), 'base64'), E'+/\n', '-_'), '=')
$$;

create function gql_cursor(id bigint) returns text
    language sql immutable as
$$
    select gql_base64url('i||' || id)
$$;

create function gql_cursor(updated_at timestamptz, id bigint) returns text
    language sql stable as
$$
    select gql_base64url('u|'
        || to_char(updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI')
        || case
               when extract(microseconds from updated_at at time zone 'UTC') = 0 then ''
               when extract(microseconds from updated_at at time zone 'UTC')::bigint % 1000000 = 0
                   then to_char(updated_at at time zone 'UTC', ':SS')
               when extract(microseconds from updated_at at time zone 'UTC')::bigint % 1000 = 0
                   then to_char(updated_at at time zone 'UTC', ':SS.MS')
               else to_char(updated_at at time zone 'UTC', ':SS.US')
           end
        || 'Z|' || id)
$$;

-- Personal data masked as cn.worksafety.security.PersonalData masks it: keep_start and keep_end
-- characters kept, the rest starred; a value no longer than both is starred whole.
create function gql_mask(v text, keep_start int, keep_end int) returns text
    language sql immutable as
$$
    select case
        when v is null then null
        when length(v) <= keep_start + keep_end then repeat('*', length(v))
        else left(v, keep_start) || repeat('*', length(v) - keep_start - keep_end) || right(v, keep_end)
    end
$$;

-- RULES.md "Indicators", as cn.worksafety.planning.TargetEvaluation computes it, for the read path:
-- the latest observation (or the mean of the latest average_years years) against the target;
-- DECREASE/INCREASE_BY_PERCENT against the mean of the baseline period(s), which the latest
-- observation must come after; NO_DATA when an observation this needs is missing. Decimal
-- arithmetic on the values' shortest decimal forms, a mean rounded to 34 significant digits, as
-- Java's BigDecimal.valueOf and MathContext.DECIMAL128 give.
create function period_key_start(key text) returns date
    language sql immutable as
$$
    select case
        when key ~ '^[0-9]{4}$' then make_date(key::int, 1, 1)
        when key ~ '^[0-9]{4}-H[12]$' then make_date(left(key, 4)::int, (right(key, 1)::int - 1) * 6 + 1, 1)
        when key ~ '^[0-9]{4}-Q[1-4]$' then make_date(left(key, 4)::int, (right(key, 1)::int - 1) * 3 + 1, 1)
        when key ~ '^[0-9]{4}-[0-9]{2}$' then make_date(left(key, 4)::int, right(key, 2)::int, 1)
    end
$$;

-- The mean of an indicator's observations of every period of its kind from the one starting on
-- first_start to the one starting on last_start; null when one of them is missing.
create function indicator_period_mean(indicator_id bigint, kind varchar, first_start date, last_start date) returns numeric
    language plpgsql stable as
$$
declare
    months int := case kind when 'YEAR' then 12 when 'HALF' then 6 when 'QUARTER' then 3 else 1 end;
    expected int := ((extract(year from last_start) - extract(year from first_start)) * 12
                     + extract(month from last_start) - extract(month from first_start))::int / months + 1;
    present int;
    total numeric;
    mean numeric;
begin
    select count(*), sum(o.value::text::numeric) into present, total
      from observation o
     where o.indicator_id = indicator_period_mean.indicator_id and o.period_kind = kind
       and o.period_start between first_start and last_start;
    if present < expected then
        return null;
    end if;
    if expected = 1 then
        return total;
    end if;
    mean := (total + 0.0000000000000000000000000000000000000000) / expected;
    return case when mean = 0 then mean else round(mean, 33 - floor(log(abs(mean)))::int) end;
end
$$;

create function indicator_status(indicator_id bigint) returns varchar
    language plpgsql stable as
$$
declare
    i record;
    latest_start date;
    latest_value double precision;
    compared numeric;
    bound numeric;
    base numeric;
    first_key text;
    last_key text;
begin
    select * into i from indicator where id = indicator_status.indicator_id;
    select o.period_start, o.value into latest_start, latest_value
      from observation o
     where o.indicator_id = i.id and o.period_kind = i.period_kind
     order by o.period_start desc limit 1;
    if latest_start is null then
        return 'NO_DATA';
    end if;
    if i.average_years is null or i.average_years <= 1 then
        compared := latest_value::text::numeric;
    else
        compared := indicator_period_mean(i.id, i.period_kind,
            make_date(extract(year from latest_start)::int - i.average_years + 1, 1, 1), latest_start);
    end if;
    if compared is null then
        return 'NO_DATA';
    end if;
    bound := i.target_value::text::numeric;
    if i.comparator in ('DECREASE_BY_PERCENT', 'INCREASE_BY_PERCENT') then
        first_key := split_part(trim(i.baseline_period), '..', 1);
        last_key := coalesce(nullif(split_part(trim(i.baseline_period), '..', 2), ''), first_key);
        if latest_start <= period_key_start(last_key) then
            return 'NO_DATA';
        end if;
        base := indicator_period_mean(i.id, i.period_kind, period_key_start(first_key), period_key_start(last_key));
        if base is null then
            return 'NO_DATA';
        end if;
        if i.comparator = 'DECREASE_BY_PERCENT' then
            return case when compared * 100 <= base * (100 - bound) then 'MET' else 'NOT_MET' end;
        end if;
        return case when compared * 100 >= base * (100 + bound) then 'MET' else 'NOT_MET' end;
    end if;
    return case
        when i.comparator = 'LT' and compared < bound then 'MET'
        when i.comparator = 'LE' and compared <= bound then 'MET'
        when i.comparator = 'GT' and compared > bound then 'MET'
        when i.comparator = 'GE' and compared >= bound then 'MET'
        when i.comparator = 'EQ' and compared = bound then 'MET'
        else 'NOT_MET'
    end;
end
$$;

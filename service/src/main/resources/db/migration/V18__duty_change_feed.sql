-- Recurring duties in the data-exchange change feed (docs/exchange.md, docs/recurring-duties.md):
-- duty rules, duty events, inspections (with the hazards they found), emergency plans and drills.
-- As V17 does for SUPERVISION_ACTION: the types are added to whatever the record-type constraint
-- allows by now, and the triggers use functions of their own, so V12's change_region_path (which
-- parallel migrations replace whole) is left as it is.

do $$
declare
    def text;
begin
    select pg_get_constraintdef(oid) into def from pg_constraint
    where conname = 'change_log_record_type_check' and conrelid = 'change_log'::regclass;
    execute 'alter table change_log drop constraint change_log_record_type_check';
    execute 'alter table change_log add constraint change_log_record_type_check '
        || replace(def, 'ARRAY[', 'ARRAY[''DUTY_RULE''::character varying, ''DUTY_EVENT''::character varying, '
                              || '''INSPECTION''::character varying, ''EMERGENCY_PLAN''::character varying, ''DRILL''::character varying, ');
end
$$;

-- A duty rule's region in the feed: the deepest region holding the rule's region and the regions of
-- the units it names (a rule may name units of two towns of a county: the county). The feed also
-- hands a rule's changes to the readers of the regions below it (ChangeFeed), whose units it binds.
create function duty_rule_region_path(p_region_code varchar, p_unit_ids bigint[]) returns varchar
    language sql stable as
$$
    with paths as (
        select g.path from region g where g.code = p_region_code
        union all
        select unit_region_path(u) from unnest(p_unit_ids) as u
    )
    select g.path from region g
    where starts_with((select min(p.path) from paths p), g.path)
      and not exists (select 1 from paths p where p.path is null or not starts_with(p.path, g.path))
    order by length(g.path) desc
    limit 1
$$;

-- Rules by their region (above); events, inspections, plans and drills by their unit's region, as
-- the duty reads scope them.
create function record_duty_change() returns trigger
    language plpgsql as
$$
declare
    r jsonb := to_jsonb(case when tg_op = 'DELETE' then old else new end);
begin
    insert into change_log (record_type, record_id, operation, version, region_path)
    values (tg_argv[0], (r ->> 'id')::bigint, case when tg_op = 'DELETE' then 'DELETE' else 'UPSERT' end, (r ->> 'version')::integer,
            coalesce(case when tg_argv[0] = 'DUTY_RULE'
                          then duty_rule_region_path(r ->> 'region_code',
                                                     array(select jsonb_array_elements_text(r -> 'unit_ids'))::bigint[])
                          else unit_region_path((r ->> 'unit_id')::bigint) end, ''));
    return null;
end
$$;

-- A hazard linked to an inspection is an UPSERT of the inspection (its child, like a hazard's interviews).
create function record_inspection_hazard_change() returns trigger
    language plpgsql as
$$
begin
    insert into change_log (record_type, record_id, operation, version, region_path)
    select 'INSPECTION', i.id, 'UPSERT', i.version, coalesce(unit_region_path(i.unit_id), '')
    from inspection i where i.id = case when tg_op = 'DELETE' then old.inspection_id else new.inspection_id end;
    return null;
end
$$;

create trigger duty_rule_change after insert or update or delete on duty_rule
    for each row execute function record_duty_change('DUTY_RULE');
create trigger duty_event_change after insert or update or delete on duty_event
    for each row execute function record_duty_change('DUTY_EVENT');
create trigger inspection_change after insert or update or delete on inspection
    for each row execute function record_duty_change('INSPECTION');
create trigger inspection_hazard_change after insert or update or delete on inspection_hazard
    for each row execute function record_inspection_hazard_change();
create trigger emergency_plan_change after insert or update or delete on emergency_plan
    for each row execute function record_duty_change('EMERGENCY_PLAN');
create trigger drill_change after insert or update or delete on drill
    for each row execute function record_duty_change('DRILL');

-- Records that exist before this migration: one UPSERT each, as V12 and V15 did for their types.
insert into change_log (record_type, record_id, operation, version, region_path)
select t.record_type, t.id, 'UPSERT', t.version, coalesce(t.region_path, '')
from (
    select 'DUTY_RULE' as record_type, x.id, x.version, duty_rule_region_path(x.region_code, x.unit_ids) as region_path from duty_rule x
    union all select 'DUTY_EVENT', x.id, x.version, unit_region_path(x.unit_id) from duty_event x
    union all select 'INSPECTION', x.id, x.version, unit_region_path(x.unit_id) from inspection x
    union all select 'EMERGENCY_PLAN', x.id, x.version, unit_region_path(x.unit_id) from emergency_plan x
    union all select 'DRILL', x.id, x.version, unit_region_path(x.unit_id) from drill x
) t
order by t.record_type, t.id;

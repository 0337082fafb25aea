-- Hidden hazards and risk points in the data-exchange change feed (issue 17 item 8,
-- docs/exchange.md). Same mechanism as V12: record_change() triggers stamp each write with its
-- transaction id; a child row (an extension request, an interview) is an UPSERT of its hazard.
-- The remediation plan is columns of hazard: its changes are the hazard's own.

alter table change_log drop constraint change_log_record_type_check;
alter table change_log add constraint change_log_record_type_check check (record_type in ('UNIT', 'PERSON',
    'RESPONSIBILITY_LIST', 'RESPONSIBILITY', 'PROGRESS_REPORT', 'LINKAGE_MECHANISM', 'LINKAGE_ACTIVATION', 'PLAN', 'INDICATOR',
    'OBSERVATION', 'COMMITTEE', 'MEETING', 'TRAINING_RULE', 'TRAINING_RECORD', 'ALERT', 'HAZARD', 'RISK_POINT'));

-- V12's function with the two new types added (the whole function: create or replace).
create or replace function change_region_path(record_type varchar, r jsonb) returns varchar
    language sql stable as
$$
    select case record_type
        when 'UNIT' then region_code_path(r ->> 'region_code')
        when 'PERSON' then unit_region_path((r ->> 'unit_id')::bigint)
        when 'RESPONSIBILITY_LIST' then unit_region_path((r ->> 'issuer_id')::bigint)
        when 'RESPONSIBILITY' then
            (select unit_region_path(l.issuer_id) from responsibility_list l where l.id = (r ->> 'list_id')::bigint)
        when 'PROGRESS_REPORT' then
            (select unit_region_path(l.issuer_id) from responsibility i join responsibility_list l on l.id = i.list_id
              where i.id = (r ->> 'responsibility_id')::bigint)
        when 'LINKAGE_MECHANISM' then unit_region_path((r ->> 'lead_unit_id')::bigint)
        when 'LINKAGE_ACTIVATION' then
            (select unit_region_path(m.lead_unit_id) from linkage_mechanism m where m.id = (r ->> 'mechanism_id')::bigint)
        when 'PLAN' then region_code_path(r ->> 'region_code')
        when 'INDICATOR' then
            (select region_code_path(p.region_code) from plan p where p.id = (r ->> 'plan_id')::bigint)
        when 'OBSERVATION' then
            (select region_code_path(p.region_code) from indicator i join plan p on p.id = i.plan_id
              where i.id = (r ->> 'indicator_id')::bigint)
        when 'COMMITTEE' then unit_region_path((r ->> 'unit_id')::bigint)
        when 'MEETING' then
            (select unit_region_path(c.unit_id) from committee c where c.id = (r ->> 'committee_id')::bigint)
        -- A rule without a region applies everywhere: every reader sees it.
        when 'TRAINING_RULE' then coalesce(region_code_path(r ->> 'region_code'), '')
        when 'TRAINING_RECORD' then
            (select unit_region_path(p.unit_id) from person p where p.id = (r ->> 'person_id')::bigint)
        when 'ALERT' then unit_region_path((r ->> 'unit_id')::bigint)
        -- A hazard is scoped by the region it was recorded in (hazard.region_code), as the register is.
        when 'HAZARD' then region_code_path(r ->> 'region_code')
        when 'RISK_POINT' then unit_region_path((r ->> 'unit_id')::bigint)
    end
$$;

create trigger hazard_change after insert or update or delete on hazard
    for each row execute function record_change('HAZARD');
create trigger hazard_extension_change after insert or update or delete on hazard_extension
    for each row execute function record_change('HAZARD', 'hazard_id', 'hazard');
create trigger hazard_interview_change after insert or update or delete on hazard_interview
    for each row execute function record_change('HAZARD', 'hazard_id', 'hazard');
create trigger risk_point_change after insert or update or delete on risk_point
    for each row execute function record_change('RISK_POINT');

-- Hazards and risk points that exist before this migration: one UPSERT each, as V12 did for its types.
insert into change_log (record_type, record_id, operation, version, region_path)
select t.record_type, t.id, 'UPSERT', t.version, coalesce(change_region_path(t.record_type, t.r), '')
from (
    select 'RISK_POINT' as record_type, x.id, x.version, to_jsonb(x) as r from risk_point x
    union all select 'HAZARD', x.id, x.version, to_jsonb(x) from hazard x
) t
order by t.record_type desc, t.id;

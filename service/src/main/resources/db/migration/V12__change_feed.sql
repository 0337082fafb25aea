-- The data-exchange change feed (docs/exchange.md). Every write to an exchanged table adds a
-- row to change_log from a trigger, in the writing transaction, stamped with that transaction's
-- id. Readers only return rows of transactions older than their snapshot's xmin, so a position
-- (xid, id) is never passed while an earlier transaction is still in flight: ordering is by
-- transaction, never by a clock or an identity value taken before commit.

create table change_log (
    id          bigint generated always as identity primary key,
    xid         xid8         not null default pg_current_xact_id(),
    record_type varchar(30)  not null check (record_type in ('UNIT', 'PERSON', 'RESPONSIBILITY_LIST', 'RESPONSIBILITY',
                                 'PROGRESS_REPORT', 'LINKAGE_MECHANISM', 'LINKAGE_ACTIVATION', 'PLAN', 'INDICATOR',
                                 'OBSERVATION', 'COMMITTEE', 'MEETING', 'TRAINING_RULE', 'TRAINING_RECORD', 'ALERT')),
    record_id   bigint       not null,
    operation   varchar(6)   not null check (operation in ('UPSERT', 'DELETE')),
    version     integer,
    -- The region the record belonged to when it changed ('' for records of every region): the
    -- feed is scoped by it, so a tombstone is scoped like the record it replaces.
    region_path varchar(200) not null,
    changed_at  timestamptz  not null default clock_timestamp()
);
create index change_log_position_idx on change_log (xid, id);
create index change_log_record_idx on change_log (record_type, record_id, xid, id);
create index change_log_changed_idx on change_log (changed_at) where operation = 'DELETE';

-- The greatest position whose tombstones were pruned: a cursor before it may have missed a
-- deletion, so the feed refuses it (BAD_USER_INPUT: re-export). One row.
create table change_log_horizon (
    only_row boolean primary key default true check (only_row),
    xid      xid8    not null,
    id       bigint  not null
);
insert into change_log_horizon (xid, id) values ('0'::xid8, 0);

create function unit_region_path(unit_id bigint) returns varchar
    language sql stable as
$$
    select g.path from unit u join region g on g.code = u.region_code where u.id = unit_id
$$;

create function region_code_path(code varchar) returns varchar
    language sql stable as
$$
    select g.path from region g where g.code = region_code_path.code
$$;

-- The region of a record of the given type, from the record's row (as jsonb, so that the old
-- row of a deletion works as well as a new one).
create function change_region_path(record_type varchar, r jsonb) returns varchar
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
    end
$$;

-- The one trigger function of every exchanged table. Arguments: the record type, and for a
-- child table (an assignment, a participant, an attendee, a plan task ...) the column holding
-- the id of the record a consumer stores it with and that record's table. A child's change is
-- an UPSERT of its parent; the parent's own deletion is recorded by the parent's trigger.
create function record_change() returns trigger
    language plpgsql as
$$
declare
    v_type       varchar := tg_argv[0];
    v_parent_col varchar := tg_argv[1];
    v_parent     varchar := tg_argv[2];
    r            jsonb;
    rec_id       bigint;
    rec_version  integer;
    v_operation  varchar := 'UPSERT';
begin
    r := to_jsonb(case when tg_op = 'DELETE' then old else new end);
    if v_parent_col is null then
        rec_id := (r ->> 'id')::bigint;
        rec_version := (r ->> 'version')::integer;
        if tg_op = 'DELETE' then
            v_operation := 'DELETE';
        end if;
    else
        rec_id := (r ->> v_parent_col)::bigint;
        execute format('select to_jsonb(p) from %I p where p.id = $1', v_parent) into r using rec_id;
        if r is null then
            return null; -- the parent is being deleted: its own tombstone says so
        end if;
        rec_version := (r ->> 'version')::integer;
    end if;
    insert into change_log (record_type, record_id, operation, version, region_path)
    values (v_type, rec_id, v_operation, rec_version, coalesce(change_region_path(v_type, r), ''));
    -- A child moved from one parent to another changes the old parent as well.
    if v_parent_col is not null and tg_op = 'UPDATE' and (to_jsonb(old) ->> v_parent_col) is distinct from (to_jsonb(new) ->> v_parent_col) then
        rec_id := (to_jsonb(old) ->> v_parent_col)::bigint;
        execute format('select to_jsonb(p) from %I p where p.id = $1', v_parent) into r using rec_id;
        if r is not null then
            insert into change_log (record_type, record_id, operation, version, region_path)
            values (v_type, rec_id, 'UPSERT', (r ->> 'version')::integer, coalesce(change_region_path(v_type, r), ''));
        end if;
    end if;
    return null;
end
$$;

create trigger unit_change after insert or update or delete on unit
    for each row execute function record_change('UNIT');
create trigger person_change after insert or update or delete on person
    for each row execute function record_change('PERSON');
create trigger responsibility_list_change after insert or update or delete on responsibility_list
    for each row execute function record_change('RESPONSIBILITY_LIST');
create trigger responsibility_change after insert or update or delete on responsibility
    for each row execute function record_change('RESPONSIBILITY');
create trigger responsibility_assignment_change after insert or update or delete on responsibility_assignment
    for each row execute function record_change('RESPONSIBILITY', 'responsibility_id', 'responsibility');
create trigger progress_report_change after insert or update or delete on progress_report
    for each row execute function record_change('PROGRESS_REPORT');
create trigger linkage_mechanism_change after insert or update or delete on linkage_mechanism
    for each row execute function record_change('LINKAGE_MECHANISM');
create trigger linkage_participant_change after insert or update or delete on linkage_participant
    for each row execute function record_change('LINKAGE_MECHANISM', 'mechanism_id', 'linkage_mechanism');
create trigger linkage_activation_change after insert or update or delete on linkage_activation
    for each row execute function record_change('LINKAGE_ACTIVATION');
create trigger linkage_activation_unit_change after insert or update or delete on linkage_activation_unit
    for each row execute function record_change('LINKAGE_ACTIVATION', 'activation_id', 'linkage_activation');
create trigger plan_change after insert or update or delete on plan
    for each row execute function record_change('PLAN');
create trigger plan_task_change after insert or update or delete on plan_task
    for each row execute function record_change('PLAN', 'plan_id', 'plan');
-- Targets and meeting rules are columns of indicator and committee: their changes are covered.
create trigger indicator_change after insert or update or delete on indicator
    for each row execute function record_change('INDICATOR');
create trigger observation_change after insert or update or delete on observation
    for each row execute function record_change('OBSERVATION');
create trigger committee_change after insert or update or delete on committee
    for each row execute function record_change('COMMITTEE');
create trigger committee_member_change after insert or update or delete on committee_member
    for each row execute function record_change('COMMITTEE', 'committee_id', 'committee');
create trigger meeting_change after insert or update or delete on meeting
    for each row execute function record_change('MEETING');
create trigger meeting_attendee_change after insert or update or delete on meeting_attendee
    for each row execute function record_change('MEETING', 'meeting_id', 'meeting');
create trigger training_rule_change after insert or update or delete on training_rule
    for each row execute function record_change('TRAINING_RULE');
create trigger training_record_change after insert or update or delete on training_record
    for each row execute function record_change('TRAINING_RECORD');
create trigger alert_change after insert or update or delete on alert
    for each row execute function record_change('ALERT');

-- Records that exist before the feed: one UPSERT each, so that reading the feed from the start
-- (no cursor) yields every record.
insert into change_log (record_type, record_id, operation, version, region_path)
select t.record_type, t.id, 'UPSERT', t.version, coalesce(change_region_path(t.record_type, t.r), '')
from (
    select 'UNIT' as record_type, x.id, x.version, to_jsonb(x) as r from unit x
    union all select 'PERSON', x.id, x.version, to_jsonb(x) from person x
    union all select 'RESPONSIBILITY_LIST', x.id, x.version, to_jsonb(x) from responsibility_list x
    union all select 'RESPONSIBILITY', x.id, x.version, to_jsonb(x) from responsibility x
    union all select 'PROGRESS_REPORT', x.id, null, to_jsonb(x) from progress_report x
    union all select 'LINKAGE_MECHANISM', x.id, x.version, to_jsonb(x) from linkage_mechanism x
    union all select 'LINKAGE_ACTIVATION', x.id, x.version, to_jsonb(x) from linkage_activation x
    union all select 'PLAN', x.id, x.version, to_jsonb(x) from plan x
    union all select 'INDICATOR', x.id, x.version, to_jsonb(x) from indicator x
    union all select 'OBSERVATION', x.id, x.version, to_jsonb(x) from observation x
    union all select 'COMMITTEE', x.id, x.version, to_jsonb(x) from committee x
    union all select 'MEETING', x.id, x.version, to_jsonb(x) from meeting x
    union all select 'TRAINING_RULE', x.id, x.version, to_jsonb(x) from training_rule x
    union all select 'TRAINING_RECORD', x.id, x.version, to_jsonb(x) from training_record x
    union all select 'ALERT', x.id, x.version, to_jsonb(x) from alert x
) t
order by t.record_type, t.id;

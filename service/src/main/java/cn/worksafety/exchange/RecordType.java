package cn.worksafety.exchange;

import cn.worksafety.alert.Alert;
import cn.worksafety.committee.Committee;
import cn.worksafety.committee.Meeting;
import cn.worksafety.duty.Drill;
import cn.worksafety.duty.DutyEvent;
import cn.worksafety.duty.DutyRule;
import cn.worksafety.duty.EmergencyPlan;
import cn.worksafety.duty.Inspection;
import cn.worksafety.hazard.Hazard;
import cn.worksafety.hazard.RiskPoint;
import cn.worksafety.linkage.LinkageActivation;
import cn.worksafety.linkage.LinkageMechanism;
import cn.worksafety.organisation.Person;
import cn.worksafety.organisation.Unit;
import cn.worksafety.planning.Indicator;
import cn.worksafety.planning.Observation;
import cn.worksafety.planning.Plan;
import cn.worksafety.responsibility.ProgressReport;
import cn.worksafety.responsibility.Responsibility;
import cn.worksafety.responsibility.ResponsibilityList;
import cn.worksafety.supervision.SupervisionAction;
import cn.worksafety.training.TrainingRecord;
import cn.worksafety.training.TrainingRule;

/**
 * The kinds of record a data-exchange consumer mirrors (contract: RecordType). Each names its
 * table, its entity, and who may read a row of it, as native SQL over alias {@code t} with the
 * parameters {@code :readable} (the caller's region path prefix followed by %) and {@code :unit}
 * (the caller's unit id, -1 for none): the same rules as the feature's own queries.
 */
public enum RecordType {
    UNIT("unit", Unit.class, inRegion("(select g.path from region g where g.code = t.region_code)"), null, null),
    PERSON("person", Person.class, inRegion("unit_region_path(t.unit_id)"), "t.unit_id", null),
    RESPONSIBILITY_LIST("responsibility_list", ResponsibilityList.class,
            "(" + inRegion("unit_region_path(t.issuer_id)") + " or exists (select 1 from responsibility r"
                    + " join responsibility_assignment a on a.responsibility_id = r.id where r.list_id = t.id and a.unit_id = :unit))",
            null, null),
    RESPONSIBILITY("responsibility", Responsibility.class, itemVisible("t"), null,
            "(select coalesce(json_agg(json_build_object('unitId', a.unit_id::text, 'role', a.role) order by a.id), '[]')"
                    + " from responsibility_assignment a where a.responsibility_id = t.id) as assignments"),
    PROGRESS_REPORT("progress_report", ProgressReport.class,
            "exists (select 1 from responsibility i where i.id = t.responsibility_id and " + itemVisible("i") + ")", null, null),
    LINKAGE_MECHANISM("linkage_mechanism", LinkageMechanism.class, mechanismVisible("t"), null,
            "(select coalesce(json_agg(json_build_object('unitId', p.unit_id::text, 'duty', p.duty) order by p.position), '[]')"
                    + " from linkage_participant p where p.mechanism_id = t.id) as participants"),
    LINKAGE_ACTIVATION("linkage_activation", LinkageActivation.class,
            "exists (select 1 from linkage_mechanism m where m.id = t.mechanism_id and " + mechanismVisible("m") + ")", null,
            "(select coalesce(json_agg(json_build_object('unitId', u.unit_id::text, 'participant', u.participant)"
                    + " order by u.position), '[]') from linkage_activation_unit u where u.activation_id = t.id) as units"),
    PLAN("plan", Plan.class, planVisible("t"), null,
            "(select coalesce(json_agg(json_build_object('id', k.id::text, 'number', k.number, 'title', k.title, 'position',"
                    + " k.position, 'leadUnitId', k.lead_unit_id::text, 'responsibilityId', k.responsibility_id::text)"
                    + " order by k.position), '[]') from plan_task k where k.plan_id = t.id) as tasks"),
    INDICATOR("indicator", Indicator.class, "exists (select 1 from plan p where p.id = t.plan_id and " + planVisible("p") + ")",
            null, null),
    OBSERVATION("observation", Observation.class, "exists (select 1 from indicator i join plan p on p.id = i.plan_id"
            + " where i.id = t.indicator_id and " + planVisible("p") + ")", null, null),
    COMMITTEE("committee", Committee.class, inRegion("unit_region_path(t.unit_id)"), null,
            "(select coalesce(json_agg(m.unit_id::text order by m.position), '[]') from committee_member m"
                    + " where m.committee_id = t.id) as members"),
    MEETING("meeting", Meeting.class,
            "exists (select 1 from committee c where c.id = t.committee_id and " + inRegion("unit_region_path(c.unit_id)") + ")",
            null, "(select coalesce(json_agg(a.unit_id::text order by a.position), '[]') from meeting_attendee a"
                    + " where a.meeting_id = t.id) as attendees"),
    // A rule without a region applies everywhere; one of a region above or below the caller's applies to it.
    TRAINING_RULE("training_rule", TrainingRule.class, "(t.region_code is null or exists (select 1 from region g"
            + " where g.code = t.region_code and (g.path like :readable or :readable like g.path || '%')))", null, null),
    TRAINING_RECORD("training_record", TrainingRecord.class, inRegion("(select unit_region_path(p.unit_id) from person p"
            + " where p.id = t.person_id)"), "(select p.unit_id from person p where p.id = t.person_id)", null),
    ALERT("alert", Alert.class, inRegion("unit_region_path(t.unit_id)"), null, null),
    // The register's own scoping: the region the hazard was recorded in (HazardRepository.page).
    // Interview names are personal data: the export masks them (ExportResource), GraphQL through
    // the hazard's interviews resolver.
    HAZARD("hazard", Hazard.class, inRegion("region_code_path(t.region_code)"), null,
            "(select coalesce(json_agg(json_build_object('id', e.id::text, 'previousDueOn', e.previous_due_on, 'requestedDueOn',"
                    + " e.requested_due_on, 'reason', e.reason, 'status', e.status, 'parkApproved', e.park_approved, 'parkUnitId',"
                    + " e.park_unit_id::text, 'departmentApproved', e.department_approved, 'departmentUnitId', e.department_unit_id::text,"
                    + " 'decisionNote', e.decision_note, 'filedOn', e.filed_on, 'filedByUnitId', e.filed_by_unit_id::text)"
                    + " order by e.id), '[]') from hazard_extension e where e.hazard_id = t.id) as extensions, "
                    + "(select coalesce(json_agg(json_build_object('id', i.id::text, 'heldOn', i.held_on, 'heldBy', i.held_by,"
                    + " 'interviewee', i.interviewee, 'summary', i.summary) order by i.held_on, i.id), '[]')"
                    + " from hazard_interview i where i.hazard_id = t.id) as interviews"),
    RISK_POINT("risk_point", RiskPoint.class, inRegion("unit_region_path(t.unit_id)"), null, null),
    // A step issued to a unit, with its reply (columns of the action): scoped by the target unit's region (V17).
    SUPERVISION_ACTION("supervision_action", SupervisionAction.class, inRegion("unit_region_path(t.target_id)"), null, null),
    // Recurring duties (V18), as DutyService reads them: a rule of the caller's region, naming a unit in
    // it, or binding the caller's own unit (named, or of a kind it binds, in the rule's region or below).
    DUTY_RULE("duty_rule", DutyRule.class, "(exists (select 1 from region g where g.code = t.region_code and g.path like :readable)"
            + " or exists (select 1 from unnest(t.unit_ids) as nu(id) where " + inRegion("unit_region_path(nu.id)") + ")"
            + " or :unit = any(t.unit_ids)"
            + " or exists (select 1 from unit ou join region ur on ur.code = ou.region_code join region g on g.code = t.region_code"
            + " where ou.id = :unit and ou.kind = any(t.unit_kinds) and ur.path like g.path || '%'))", null, null),
    // Events, inspections, plans and drills: their unit's region (InspectionService.page scopes inspections so).
    DUTY_EVENT("duty_event", DutyEvent.class, inRegion("unit_region_path(t.unit_id)"), null, null),
    INSPECTION("inspection", Inspection.class, inRegion("unit_region_path(t.unit_id)"), null,
            "(select coalesce(json_agg(h.hazard_id::text order by h.hazard_id), '[]') from inspection_hazard h"
                    + " where h.inspection_id = t.id) as hazards"),
    EMERGENCY_PLAN("emergency_plan", EmergencyPlan.class, inRegion("unit_region_path(t.unit_id)"), null, null),
    DRILL("drill", Drill.class, inRegion("unit_region_path(t.unit_id)"), null, null);

    /** The table the record lives in. */
    final String table;
    final Class<? extends ChangedRecord> entity;
    /** Native SQL over alias t: whether a caller that is not an admin may read the row. */
    final String visible;
    /** For records holding personal data: SQL of the unit that owns it (PersonalData's rule). */
    final String personalDataOwner;
    /** The children a consumer stores with the record, as one JSON column of the export (or null). */
    final String children;

    RecordType(String table, Class<? extends ChangedRecord> entity, String visible, String personalDataOwner, String children) {
        this.table = table;
        this.entity = entity;
        this.visible = visible;
        this.personalDataOwner = personalDataOwner;
        this.children = children;
    }

    private static String inRegion(String path) {
        return "coalesce(" + path + ", '') like :readable";
    }

    /** An item: its list issued in the region, or the caller's unit assigned to it. */
    private static String itemVisible(String alias) {
        return "(" + inRegion("(select unit_region_path(l.issuer_id) from responsibility_list l where l.id = " + alias + ".list_id)")
                + " or exists (select 1 from responsibility_assignment va where va.responsibility_id = " + alias
                + ".id and va.unit_id = :unit))";
    }

    /** A mechanism: its lead unit in the region, or the caller's unit taking part. */
    private static String mechanismVisible(String alias) {
        return "(" + inRegion("unit_region_path(" + alias + ".lead_unit_id)") + " or exists (select 1 from linkage_participant rp"
                + " where rp.mechanism_id = " + alias + ".id and rp.unit_id = :unit))";
    }

    /** A plan: of the region, or with an indicator the caller's unit is responsible for. */
    private static String planVisible(String alias) {
        return "(" + inRegion("(select g.path from region g where g.code = " + alias + ".region_code)")
                + " or exists (select 1 from indicator pi where pi.plan_id = " + alias + ".id and pi.responsible_unit_id = :unit))";
    }

    /** The type of a path segment of the export: its name in any case, with - or _ (responsibility-list). */
    static RecordType parse(String name) {
        String normalised = name.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        for (RecordType type : values()) {
            if (type.name().equals(normalised)) {
                return type;
            }
        }
        return null;
    }
}

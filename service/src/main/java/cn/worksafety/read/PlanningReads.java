package cn.worksafety.read;

import static cn.worksafety.read.OrganisationReads.existing;
import static cn.worksafety.read.ReadCaller.readable;

import java.util.List;

import cn.worksafety.planning.PlanKind;

/**
 * Plans, indicators, observations and plan tasks, as planning.PlanService and its neighbours read them: a plan
 * of the caller's readable region, or one with an indicator the caller's unit is responsible
 * for; a task's item only when the caller may see it.
 */
final class PlanningReads {

    private PlanningReads() {
    }

    static void register(ReadModel model) {
        model.define("Plan").tracked()
                .column("title", Scalar.STRING).column("kind", Scalar.ENUM)
                .column("periodStart", Scalar.DATE).column("periodEnd", Scalar.DATE)
                .toOne("issuer", "Unit", "unit", "issuer_id")
                .toOne("region", "Region", "region", "code", "region_code")
                .toMany("indicators", "Indicator", "indicator", "plan_id", "sequence")
                .toMany("tasks", "PlanTask", "plan_task", "plan_id", "position, id");

        model.define("Indicator").tracked()
                .column("sequence", Scalar.INT).column("category", Scalar.STRING).column("name", Scalar.STRING)
                .column("unitOfMeasure", Scalar.STRING).column("nature", Scalar.ENUM).column("periodKind", Scalar.ENUM)
                .embedded("target", "Target")
                .toMany("observations", "Observation", "observation", "indicator_id", "period_start")
                .field("latest", (q, row, f) -> {
                    String t = q.alias();
                    return "(select " + q.object("Observation", t, f) + " from observation " + t + " where " + t + ".indicator_id = "
                            + row + ".id order by " + t + ".period_start desc limit 1)";
                })
                .field("status", (q, row, f) -> Scalar.ENUM.json("indicator_status(" + row + ".id)"))
                .toOne("responsibleUnit", "Unit", "unit", "responsible_unit_id");
        model.define("Target")
                .column("comparator", Scalar.ENUM).column("value", "target_value", Scalar.FLOAT)
                .column("baselinePeriod", Scalar.STRING).column("averageYears", Scalar.INT)
                .column("wording", "target_wording", Scalar.STRING);
        model.define("Observation").tracked()
                .column("period", Scalar.STRING).column("value", Scalar.FLOAT).column("recordedAt", Scalar.DATE_TIME)
                .toOne("reportedBy", "Unit", "unit", "reported_by_unit_id");
        model.define("PlanTask").tracked()
                .column("number", Scalar.STRING).column("title", Scalar.STRING)
                .toOne("leadUnit", "Unit", "unit", "lead_unit_id")
                .field("responsibility", (q, row, f) -> {
                    String e = q.alias();
                    List<String> where = ResponsibilityReads.visible(q, e, null, null);
                    where.add(e + ".id = " + row + ".responsibility_id");
                    return "(select " + q.object("Responsibility", e, f) + " from " + ResponsibilityReads.itemFrom(e)
                            + Connection.clause(where) + ")";
                });

        model.query().field("plans", (q, row, f) -> {
            String t = q.alias();
            PlanKind kind = f.enumeration("kind", PlanKind.class);
            String where = visible(t) + (kind == null ? "" : " and " + t + ".kind = " + q.param(kind.name(), "varchar"));
            return SqlQuery.cappedArray(q.object("Plan", t, f), t, t + ".id", "plan", where);
        });
        model.byId("plan", (q, row, f) -> {
            String t = q.alias();
            return "(select " + q.object("Plan", t, f) + " from plan " + t + " where " + t + ".id = "
                    + q.param(existing(f), "bigint") + " and " + visible(t) + ")";
        });
    }

    /** PlanRepository.readable: in the readable region, or with an indicator the caller's unit is responsible for. */
    private static String visible(String t) {
        return "(exists (select 1 from region pg where pg.code = " + t + ".region_code and " + readable("pg.path") + ")"
                + " or exists (select 1 from indicator pi where pi.plan_id = " + t + ".id and pi.responsible_unit_id = c.unit_id))";
    }
}

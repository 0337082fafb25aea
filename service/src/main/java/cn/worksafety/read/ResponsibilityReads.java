package cn.worksafety.read;

import static cn.worksafety.read.OrganisationReads.existing;
import static cn.worksafety.read.ReadCaller.readable;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import cn.worksafety.common.PageRequest;
import cn.worksafety.responsibility.ResponsibilityStatus;

/**
 * Responsibility lists, items, assignments and progress reports, as
 * responsibility.ResponsibilityService reads them. An item is visible when its list's issuer is
 * in the caller's readable region or the caller's unit is assigned to it; a list when its issuer
 * is, or it has an item assigned to the caller's unit. Status is the database's
 * responsibility_status as of the service's today.
 */
final class ResponsibilityReads {

    private ResponsibilityReads() {
    }

    static void register(ReadModel model) {
        model.define("ResponsibilityList").tracked()
                .column("title", Scalar.STRING).column("documentNumber", Scalar.STRING).column("issuedOn", Scalar.DATE)
                .column("withdrawnOn", Scalar.DATE).column("withdrawalReason", Scalar.STRING)
                .toOne("issuer", "Unit", "unit", "issuer_id")
                .field("items", (q, row, f) -> {
                    PageRequest page = Connection.page(f, false);
                    ResponsibilityStatus status = f.enumeration("status", ResponsibilityStatus.class);
                    Long unitId = f.idNumber("unitId");
                    return items(q, f, page, e -> {
                        List<String> where = visible(q, e, status, unitId);
                        where.add(e + ".list_id = " + row + ".id");
                        return where;
                    });
                });

        model.define("Responsibility").tracked()
                .column("number", Scalar.STRING).column("title", Scalar.STRING).column("content", Scalar.STRING)
                .column("unitsText", Scalar.STRING).column("deadlineText", Scalar.STRING)
                .embedded("deadline", "Deadline")
                .field("status", (q, row, f) -> Scalar.ENUM.json(status(row)))
                .field("completedOn", (q, row, f) -> Scalar.DATE.json("responsibility_completed_on(" + row + ".id)"))
                .toOne("list", "ResponsibilityList", "responsibility_list", "list_id")
                .toMany("assignments", "Assignment", "responsibility_assignment", "responsibility_id", "id")
                .cappedToMany("progressReports", "ProgressReport", "progress_report", "responsibility_id", "reported_on, id");
        model.define("Deadline").column("kind", "deadline_kind", Scalar.ENUM).column("dueOn", "due_on", Scalar.DATE);
        model.define("Assignment").column("role", Scalar.ENUM).toOne("unit", "Unit", "unit", "unit_id");
        model.define("ProgressReport")
                .column("id", Scalar.ID).column("reportedOn", Scalar.DATE).column("summary", Scalar.STRING)
                .column("completed", Scalar.BOOLEAN).column("filedByOffice", Scalar.BOOLEAN)
                .column("countsAsCompletion", Scalar.BOOLEAN).column("recordedAt", Scalar.DATE_TIME)
                .toOne("unit", "Unit", "unit", "unit_id");

        ObjectReads query = model.query();
        query.field("responsibilityLists", (q, row, f) -> {
            String t = q.alias();
            String where = listVisible(t) + (Boolean.TRUE.equals(f.bool("includeWithdrawn")) ? "" : " and " + t + ".withdrawn_on is null");
            return SqlQuery.cappedArray(q.object("ResponsibilityList", t, f), t, t + ".id", "responsibility_list", where);
        });
        model.byId("responsibilityList", (q, row, f) -> {
            String t = q.alias();
            return "(select " + q.object("ResponsibilityList", t, f) + " from responsibility_list " + t + " where " + t + ".id = "
                    + q.param(existing(f), "bigint") + " and " + listVisible(t) + ")";
        });
        model.byId("responsibility", (q, row, f) -> {
            long id = existing(f);
            String e = q.alias();
            List<String> where = visible(q, e, null, null);
            where.add(e + ".id = " + q.param(id, "bigint"));
            return "(select " + q.object("Responsibility", e, f) + " from " + itemFrom(e) + Connection.clause(where) + ")";
        });
        query.field("responsibilities", (q, row, f) -> {
            PageRequest page = Connection.page(f, true);
            ResponsibilityStatus status = f.enumeration("status", ResponsibilityStatus.class);
            Long unitId = f.idNumber("unitId");
            Long listId = f.idNumber("listId");
            boolean includeWithdrawn = Boolean.TRUE.equals(f.bool("includeWithdrawn"));
            return items(q, f, page, e -> {
                List<String> where = visible(q, e, status, unitId);
                if (!includeWithdrawn) {
                    where.add(e + "l.withdrawn_on is null");
                }
                if (listId != null) {
                    where.add(e + ".list_id = " + q.param(listId, "bigint"));
                }
                return where;
            });
        });
    }

    private static String items(SqlQuery q, Selected f, PageRequest page, Function<String, List<String>> where) {
        return Connection.sql(q, f, "ResponsibilityConnection", "Responsibility", page, ResponsibilityReads::itemFrom, where);
    }

    /** An item with its list ({@code <e>l}) and the list issuer's region ({@code <e>g}). */
    static String itemFrom(String e) {
        return "responsibility " + e + " join responsibility_list " + e + "l on " + e + "l.id = " + e + ".list_id join unit " + e
                + "u on " + e + "u.id = " + e + "l.issuer_id join region " + e + "g on " + e + "g.code = " + e + "u.region_code";
    }

    /** ResponsibilityFilter's visibility, status and assigned-unit conditions. */
    static List<String> visible(SqlQuery q, String e, ResponsibilityStatus status, Long unitId) {
        List<String> where = new ArrayList<>();
        where.add("(" + readable(e + "g.path") + " or exists (select 1 from responsibility_assignment va where va.responsibility_id = "
                + e + ".id and va.unit_id = c.unit_id))");
        if (status != null) {
            where.add(status(e) + " = " + q.param(status.name(), "varchar"));
        }
        if (unitId != null) {
            where.add("exists (select 1 from responsibility_assignment fa where fa.responsibility_id = " + e + ".id and fa.unit_id = "
                    + q.param(unitId, "bigint") + ")");
        }
        return where;
    }

    private static String status(String row) {
        return "responsibility_status(" + row + ".deadline_kind, " + row + ".due_on, responsibility_completed_on(" + row + ".id), c.as_of)";
    }

    /** ResponsibilityListRepository.visible: issued in the readable region, or with an item of the caller's unit. */
    private static String listVisible(String t) {
        return "(exists (select 1 from unit lu join region lg on lg.code = lu.region_code where lu.id = " + t + ".issuer_id and "
                + readable("lg.path") + ") or exists (select 1 from responsibility lr join responsibility_assignment la on"
                + " la.responsibility_id = lr.id where lr.list_id = " + t + ".id and la.unit_id = c.unit_id))";
    }
}

package cn.worksafety.responsibility;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which items a query returns, as SQL over {@code responsibility r} joined to its list {@code l},
 * the list's issuer {@code iu} and the issuer's region {@code g} (see {@link #FROM}).
 *
 * <p>Visibility: an item is visible when its list's region lies under the caller's readable
 * region, or when the caller's unit is assigned to it (a town sees the district items it must
 * work on). Status is the database's {@code responsibility_status} as of {@code asOf}, so the
 * filter runs in SQL over any number of items.
 */
record ResponsibilityFilter(String readablePrefix, Long callerUnitId, ResponsibilityStatus status, Long unitId, Long listId,
        boolean includeWithdrawn, LocalDate asOf) {

    static final String FROM = " from responsibility r join responsibility_list l on l.id = r.list_id"
            + " join unit iu on iu.id = l.issuer_id join region g on g.code = iu.region_code";

    static final String STATUS = "responsibility_status(r.deadline_kind, r.due_on, responsibility_completed_on(r.id), :asOf)";

    ResponsibilityFilter withList(Long list, boolean withdrawnToo) {
        return new ResponsibilityFilter(readablePrefix, callerUnitId, status, unitId, list, withdrawnToo, asOf);
    }

    /** The conditions and their parameters. */
    Sql sql() {
        Sql sql = new Sql();
        if (readablePrefix != null) {
            if (callerUnitId == null) {
                sql.where("g.path like :readable");
            } else {
                sql.where("(g.path like :readable or exists (select 1 from responsibility_assignment va"
                        + " where va.responsibility_id = r.id and va.unit_id = :callerUnit))");
                sql.params.put("callerUnit", callerUnitId);
            }
            sql.params.put("readable", readablePrefix + "%");
        }
        if (!includeWithdrawn) {
            sql.where("l.withdrawn_on is null");
        }
        if (status != null) {
            sql.where(STATUS + " = :status");
            sql.params.put("status", status.name());
            sql.params.put("asOf", asOf);
        }
        if (unitId != null) {
            sql.where("exists (select 1 from responsibility_assignment fa where fa.responsibility_id = r.id and fa.unit_id = :unitId)");
            sql.params.put("unitId", unitId);
        }
        if (listId != null) {
            sql.where("r.list_id = :listId");
            sql.params.put("listId", listId);
        }
        return sql;
    }

    static final class Sql {
        final List<String> conditions = new ArrayList<>();
        final Map<String, Object> params = new HashMap<>();

        Sql where(String condition) {
            conditions.add(condition);
            return this;
        }

        Sql where(String condition, String name, Object value) {
            conditions.add(condition);
            params.put(name, value);
            return this;
        }

        String clause() {
            return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        }
    }
}

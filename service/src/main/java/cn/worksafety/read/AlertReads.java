package cn.worksafety.read;

import static cn.worksafety.read.ReadCaller.readable;

import java.util.ArrayList;
import java.util.List;

import cn.worksafety.alert.AlertKind;
import cn.worksafety.alert.AlertStatus;
import cn.worksafety.common.PageRequest;

/** Alerts, as alert.AlertService reads them: those of units in the caller's readable region. */
final class AlertReads {

    private AlertReads() {
    }

    static void register(ReadModel model) {
        model.define("Alert").tracked()
                .column("kind", Scalar.ENUM).column("status", Scalar.ENUM).column("period", Scalar.STRING)
                .column("subjectId", "subject_id", Scalar.ID).column("message", Scalar.STRING)
                .column("raisedAt", Scalar.DATE_TIME).column("acknowledgedAt", Scalar.DATE_TIME)
                .column("acknowledgedBy", Scalar.STRING).column("resolvedAt", Scalar.DATE_TIME)
                .column("resolvedBy", Scalar.STRING).column("resolutionNote", Scalar.STRING)
                .toOne("unit", "Unit", "unit", "unit_id");

        model.query().field("alerts", (q, row, f) -> {
            PageRequest page = Connection.page(f, false);
            AlertStatus status = f.enumeration("status", AlertStatus.class);
            AlertKind kind = f.enumeration("kind", AlertKind.class);
            Long unitId = f.idNumber("unitId");
            return Connection.sql(q, f, "AlertConnection", "Alert", page,
                    e -> "alert " + e + " join unit " + e + "u on " + e + "u.id = " + e + ".unit_id join region " + e + "g on " + e
                            + "g.code = " + e + "u.region_code",
                    e -> {
                        List<String> where = new ArrayList<>(List.of(readable(e + "g.path")));
                        if (status != null) {
                            where.add(e + ".status = " + q.param(status.name(), "varchar"));
                        }
                        if (kind != null) {
                            where.add(e + ".kind = " + q.param(kind.name(), "varchar"));
                        }
                        if (unitId != null) {
                            where.add(e + ".unit_id = " + q.param(unitId, "bigint"));
                        }
                        return where;
                    });
        });
    }
}

package cn.worksafety.read;

import static cn.worksafety.read.ReadCaller.personalData;
import static cn.worksafety.read.ReadCaller.readable;

import java.util.ArrayList;
import java.util.List;

import cn.worksafety.common.PageRequest;
import cn.worksafety.organisation.PersonRole;
import cn.worksafety.organisation.UnitKind;

/**
 * Regions, units and persons, as organisation.OrganisationService reads them: regions are
 * public; units and persons are those of the caller's readable region; nested units and regions
 * (a person's unit, a unit's parent) are whatever the record names.
 */
final class OrganisationReads {

    private OrganisationReads() {
    }

    static void register(ReadModel model) {
        model.define("Region")
                .column("code", Scalar.ID).column("name", Scalar.STRING).column("level", Scalar.ENUM)
                .toOne("parent", "Region", "region", "code", "parent_code");

        model.define("Unit").tracked()
                .column("code", Scalar.STRING).column("name", Scalar.STRING).column("kind", Scalar.ENUM)
                .toOne("region", "Region", "region", "code", "region_code")
                .toOne("parent", "Unit", "unit", "parent_id");

        model.define("Person").tracked()
                .column("name", Scalar.STRING)
                .column("roles", Scalar.STRING)
                .field("idNumber", (q, row, f) -> Scalar.STRING.json(personalData(row + ".id_number", row + ".unit_id", 4, 4)))
                .field("phone", (q, row, f) -> Scalar.STRING.json(personalData(row + ".phone", row + ".unit_id", 3, 4)))
                .toOne("unit", "Unit", "unit", "unit_id");

        ObjectReads query = model.query();
        query.field("me", (q, row, f) -> {
            String t = q.alias();
            return "(select " + q.object("Unit", t, f) + " from unit " + t + " where " + t + ".id = c.unit_id)";
        });
        query.field("regions", (q, row, f) -> {
            String t = q.alias();
            String parent = f.id("parentCode");
            String where = parent == null ? t + ".parent_code is null" : t + ".parent_code = " + q.param(parent, "text");
            return SqlQuery.array(q.object("Region", t, f), t + ".code", "region " + t + " where " + where);
        });
        model.byId("unit", (q, row, f) -> {
            String t = q.alias();
            return "(select " + q.object("Unit", t, f) + " from unit " + t + " join region " + t + "g on " + t + "g.code = " + t
                    + ".region_code where " + t + ".id = " + q.param(existing(f), "bigint") + " and " + readable(t + "g.path") + ")";
        });
        query.field("units", (q, row, f) -> {
            PageRequest page = Connection.page(f, true);
            String regionCode = f.id("regionCode");
            UnitKind kind = f.enumeration("kind", UnitKind.class);
            return Connection.sql(q, f, "UnitConnection", "Unit", page,
                    e -> "unit " + e + " join region " + e + "g on " + e + "g.code = " + e + ".region_code",
                    e -> {
                        List<String> where = new ArrayList<>(List.of(readable(e + "g.path")));
                        if (regionCode != null) {
                            where.add("starts_with(" + e + "g.path, (select rc.path from region rc where rc.code = "
                                    + q.param(regionCode, "text") + "))");
                        }
                        if (kind != null) {
                            where.add(e + ".kind = " + q.param(kind.name(), "text"));
                        }
                        return where;
                    });
        });
        model.byId("person", (q, row, f) -> {
            String t = q.alias();
            return "(select " + q.object("Person", t, f) + " from person " + t + " join unit " + t + "u on " + t + "u.id = " + t
                    + ".unit_id join region " + t + "g on " + t + "g.code = " + t + "u.region_code where " + t + ".id = "
                    + q.param(existing(f), "bigint") + " and " + readable(t + "g.path") + ")";
        });
        query.field("persons", (q, row, f) -> {
            PageRequest page = Connection.page(f, true);
            Long unitId = f.idNumber("unitId");
            PersonRole role = f.enumeration("role", PersonRole.class);
            return Connection.sql(q, f, "PersonConnection", "Person", page,
                    e -> "person " + e + " join unit " + e + "u on " + e + "u.id = " + e + ".unit_id join region " + e + "g on " + e
                            + "g.code = " + e + "u.region_code",
                    e -> {
                        List<String> where = new ArrayList<>(List.of(readable(e + "g.path")));
                        if (unitId != null) {
                            where.add(e + ".unit_id = " + q.param(unitId, "bigint"));
                        }
                        if (role != null) {
                            where.add(q.param(role.name(), "varchar") + " = any(" + e + ".roles)");
                        }
                        return where;
                    });
        });
    }

    /** The id argument of a by-id root field; a malformed one is the engine's NOT_FOUND. */
    static long existing(Selected field) {
        Long id = field.idNumber("id");
        if (id == null) {
            throw new NotCompilable("no id");
        }
        return id;
    }
}

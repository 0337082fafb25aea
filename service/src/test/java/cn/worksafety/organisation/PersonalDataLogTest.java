package cn.worksafety.organisation;

import static cn.worksafety.support.GraphQL.post;
import static cn.worksafety.support.GraphQL.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.worksafety.support.Database;
import cn.worksafety.support.Fixtures;
import cn.worksafety.support.LogCapture;
import cn.worksafety.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * PostgreSQL describes a rejected row with its values ("Failing row contains (…)"), and a person's
 * row holds a name, an ID number and a phone number. The database rejects a person twice here, once
 * as a constraint the service answers as BAD_USER_INPUT and once as a failure it answers as INTERNAL
 * (logged with its stack trace); the service's log output, captured at the root logger with the
 * service's own log levels, holds none of the person's data either time.
 */
@QuarkusTest
class PersonalDataLogTest {

    private static final String CREATE = "mutation($i: PersonInput!) { createPerson(input: $i) { id } }";

    private static Map<String, Object> person(Fixtures.Unit unit, String name, String idNumber, String phone) {
        Map<String, Object> input = new HashMap<>();
        input.put("name", name);
        input.put("unitId", unit.id());
        input.put("roles", List.of("SAFETY_MANAGER"));
        input.put("idNumber", idNumber);
        input.put("phone", phone);
        return input;
    }

    @Test
    void aPersonTheDatabaseRejectsLeavesNoPersonalDataInTheLog() throws Exception {
        Fixtures.Unit unit = Fixtures.department(Fixtures.county());
        String name = "隐私测试" + Fixtures.unique("N");
        String idNumber = "51080219880506" + String.format("%04d", Math.floorMod(name.hashCode(), 10_000));
        String phone = "139" + String.format("%08d", Math.floorMod(idNumber.hashCode(), 100_000_000));

        LogCapture capture = LogCapture.start();
        try (Connection db = Database.connect(); Statement sql = db.createStatement()) {
            // Rules the database holds for this phone number only, so no other test meets them.
            sql.execute("alter table person add constraint person_log_test check (phone is distinct from '" + phone + "')");
            try {
                JsonPath refused = post(Tokens.admin(), CREATE, vars("i", person(unit, name, idNumber, phone))).extract().jsonPath();
                assertEquals("BAD_USER_INPUT", refused.getString("errors[0].extensions.code"), refused.prettify());
            } finally {
                sql.execute("alter table person drop constraint person_log_test");
            }
            sql.execute("""
                    create function person_log_test() returns trigger language plpgsql as $$
                    begin
                      if new.phone = '%s' then
                        raise exception 'person refused' using detail = 'Failing row contains (' || new.name || ', '
                          || new.id_number || ', ' || new.phone || ')', errcode = 'P0001';
                      end if;
                      return new;
                    end $$""".formatted(phone));
            sql.execute("create trigger person_log_test before insert on person for each row execute function person_log_test()");
            try {
                JsonPath failed = post(Tokens.admin(), CREATE, vars("i", person(unit, name, idNumber, phone))).extract().jsonPath();
                assertEquals("INTERNAL", failed.getString("errors[0].extensions.code"), failed.prettify());
            } finally {
                sql.execute("drop trigger person_log_test on person");
                sql.execute("drop function person_log_test()");
            }
        } finally {
            capture.close();
        }

        String log = capture.text();
        // The INTERNAL failure was logged (with its reference), so the capture saw the service's log.
        assertTrue(log.contains("Internal error, reference"), log);
        for (String personal : List.of(name, idNumber, phone)) {
            assertFalse(log.contains(personal), "the log holds '" + personal + "':\n" + log);
        }
    }
}

package cn.worksafety.read;

import static cn.worksafety.support.GraphQL.ok;
import static cn.worksafety.support.GraphQL.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.worksafety.support.Fixtures;
import cn.worksafety.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The compiled path builds a query's statement once and reuses it for every caller with the
 * caller's own scope: the same query and variables from callers of different regions, roles and
 * units each get their own answer, as the engine gives it (support/GraphQL compares the two).
 */
@QuarkusTest
class StatementReuseTest {

    private static final String UNITS = "query($r: ID) { units(first: 500, regionCode: $r) { edges { node { code } } } }";

    @Test
    void theSameQueryFromCallersOfTwoRegionsAnswersEachWithItsOwn() {
        String north = Fixtures.county();
        String south = Fixtures.county();
        Fixtures.Unit northOffice = Fixtures.department(north);
        Fixtures.Unit southOffice = Fixtures.department(south);
        for (int round = 0; round < 2; round++) {
            assertEquals(List.of(northOffice.code()), codes(Tokens.token(northOffice.code(), "coordinator"), north));
            assertEquals(List.of(southOffice.code()), codes(Tokens.token(southOffice.code(), "viewer"), south));
            assertEquals(List.of(), codes(Tokens.token(southOffice.code(), "viewer"), north), "another region");
            assertEquals(List.of(northOffice.code()), codes(Tokens.admin(), north));
            assertEquals(List.of(), codes(Tokens.token("NO-SUCH-UNIT", "viewer"), north), "no known unit");
        }
    }

    private static List<String> codes(String token, String region) {
        return ok(token, UNITS, vars("r", region)).getList("data.units.edges.node.code");
    }
}

package cn.worksafety.linkage;

import static cn.worksafety.support.GraphQL.ok;
import static cn.worksafety.support.GraphQL.vars;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.worksafety.support.Fixtures;
import cn.worksafety.support.Fixtures.Unit;
import cn.worksafety.support.Tokens;

/**
 * A county of its own for one test: the committee office (with a coordinator token), a lead
 * department, two participating departments and a rescue team outside any mechanism.
 */
record LinkageWorld(String county, Unit office, Unit lead, Unit first, Unit second, Unit outsider, String coordinator) {

    static final String CREATE = "mutation($i: LinkageMechanismInput!) { createLinkageMechanism(input: $i) { id version } }";
    static final String RECORD = "mutation($i: LinkageActivationInput!) { recordActivation(input: $i) { id } }";

    static LinkageWorld create() {
        return in(Fixtures.county());
    }

    /** A world in an existing county, for tests that need its neighbours or its city. */
    static LinkageWorld in(String county) {
        Unit office = Fixtures.unit(county, "OTHER");
        return new LinkageWorld(county, office, Fixtures.department(county), Fixtures.department(county),
                Fixtures.department(county), Fixtures.unit(county, "RESCUE_TEAM"), Tokens.token(office.code(), "coordinator"));
    }

    static Map<String, Object> participant(Unit unit, String duty) {
        Map<String, Object> p = new HashMap<>();
        p.put("unitId", unit.id());
        p.put("duty", duty);
        return p;
    }

    static Map<String, Object> input(String name, String kind, String leadUnitId, List<Map<String, Object>> participants,
            List<String> triggers) {
        Map<String, Object> input = new HashMap<>();
        input.put("name", name);
        input.put("kind", kind);
        input.put("scope", "唐興化工園區");
        input.put("leadUnitId", leadUnitId);
        input.put("participants", participants);
        input.put("triggers", triggers);
        return input;
    }

    /** A mechanism led by {@code lead} with both participants; returns its id. */
    String mechanism(String name, String kind) {
        return mechanism(coordinator, name, kind, lead, first, second);
    }

    /** A mechanism created with {@code token}, led by {@code leadUnit}, with the participants given; returns its id. */
    static String mechanism(String token, String name, String kind, Unit leadUnit, Unit... participants) {
        List<Map<String, Object>> members = new ArrayList<>();
        for (Unit unit : participants) {
            members.add(participant(unit, "職責 " + unit.code()));
        }
        return ok(token, CREATE, vars("i", input(name, kind, leadUnit.id(), members, List.of("雷電", "洪水"))))
                .getString("data.createLinkageMechanism.id");
    }

    static Map<String, Object> activation(String mechanismId, String kind, String startedAt, String endedAt, Unit... units) {
        Map<String, Object> input = new HashMap<>();
        input.put("mechanismId", mechanismId);
        input.put("kind", kind);
        input.put("startedAt", startedAt);
        input.put("endedAt", endedAt);
        List<String> ids = new ArrayList<>();
        for (Unit unit : units) {
            ids.add(unit.id());
        }
        input.put("unitIds", ids);
        input.put("summary", "聯合檢查 " + kind);
        return input;
    }

    /** Records an activation as the coordinator; returns its id. */
    String activate(String mechanismId, String kind, String startedAt, Unit... units) {
        return activate(coordinator, mechanismId, kind, startedAt, units);
    }

    /** Records an activation with {@code token}; returns its id. */
    static String activate(String token, String mechanismId, String kind, String startedAt, Unit... units) {
        return ok(token, RECORD, vars("i", activation(mechanismId, kind, startedAt, null, units)))
                .getString("data.recordActivation.id");
    }
}

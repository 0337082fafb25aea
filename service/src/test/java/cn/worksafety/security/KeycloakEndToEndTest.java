package cn.worksafety.security;

import static cn.worksafety.support.GraphQL.errorCode;
import static cn.worksafety.support.GraphQL.ok;
import static cn.worksafety.support.GraphQL.vars;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.worksafety.organisation.Region;
import cn.worksafety.organisation.RegionLevel;
import cn.worksafety.organisation.RegionRepository;
import cn.worksafety.organisation.Unit;
import cn.worksafety.organisation.UnitKind;
import cn.worksafety.organisation.UnitRepository;
import cn.worksafety.support.KeycloakProfile;
import cn.worksafety.support.KeycloakResource;
import cn.worksafety.support.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The whole token path against a real OIDC provider: Keycloak issues a client-credentials token
 * to a data-exchange service account and a password-grant token to a unit editor; the service
 * discovers Keycloak's keys and checks both, and trusts nothing else.
 */
@QuarkusTest
@TestProfile(KeycloakProfile.class)
@QuarkusTestResource(value = KeycloakResource.class, restrictToAnnotatedClass = true)
class KeycloakEndToEndTest {

    @Inject
    RegionRepository regions;

    @Inject
    UnitRepository units;

    /** The units the realm's tokens name (KC-OFFICE for the exchange account, KC-EDITOR for the editor). */
    @BeforeEach
    void unitsNamedByTheRealm() {
        QuarkusTransaction.requiringNew().run(() -> {
            if (regions.findById("KC1") == null) {
                Region region = new Region();
                region.code = "KC1";
                region.name = "Keycloak county";
                region.level = RegionLevel.COUNTY;
                region.path = "/KC1/";
                regions.persist(region);
                for (String code : List.of("KC-OFFICE", "KC-EDITOR")) {
                    Unit unit = new Unit();
                    unit.code = code;
                    unit.name = code;
                    unit.kind = UnitKind.DEPARTMENT;
                    unit.regionCode = "KC1";
                    units.persist(unit);
                }
            }
        });
    }

    private static String token(Map<String, String> form) {
        return given().formParams(form).post(KeycloakResource.tokenEndpoint())
                .then().statusCode(200).extract().path("access_token");
    }

    private static String exchangeToken() {
        return token(Map.of("grant_type", "client_credentials", "client_id", "safety-exchange",
                "client_secret", "e2e-test-only-secret"));
    }

    private static String editorToken() {
        return token(Map.of("grant_type", "password", "client_id", "safety-mobile",
                "username", "editor", "password", "e2e-test-only-password"));
    }

    @Test
    void providerTokensForAServiceAccountAndAUnitEditorWorkEndToEnd() {
        String editor = editorToken();
        String exchange = exchangeToken();
        String editorUnit = ok(editor, "{ me { id code } }").getString("data.me.id");
        assertEquals("KC-EDITOR", ok(editor, "{ me { code } }").getString("data.me.code"));
        assertEquals("KC-OFFICE", ok(exchange, "{ me { code } }").getString("data.me.code"));

        Map<String, Object> person = new HashMap<>();
        person.put("name", "王五");
        person.put("unitId", editorUnit);
        person.put("roles", List.of("SPECIAL_OPERATOR"));
        person.put("idNumber", "510802198805061234");
        String id = ok(editor, "mutation($i: PersonInput!) { createPerson(input: $i) { id idNumber } }", vars("i", person))
                .getString("data.createPerson.id");

        assertEquals("510802198805061234", ok(editor, "query($id: ID!) { person(id: $id) { idNumber } }", vars("id", id))
                .getString("data.person.idNumber"));
        assertEquals("5108**********1234", ok(exchange, "query($id: ID!) { person(id: $id) { idNumber } }", vars("id", id))
                .getString("data.person.idNumber"));
        assertEquals("FORBIDDEN", errorCode(exchange, "mutation($i: PersonInput!) { createPerson(input: $i) { id } }", vars("i", person)));
    }

    @Test
    void tokensNotIssuedByTheProviderAreRejected() {
        // The same realm, a valid signature, the admin role: but issued to another client, so its
        // audience does not name this service.
        String otherClient = token(Map.of("grant_type", "client_credentials", "client_id", "other-app",
                "client_secret", "e2e-test-only-other-secret"));
        assertEquals("UNAUTHENTICATED", errorCode(otherClient, "{ me { code } }"));
        assertEquals("UNAUTHENTICATED", errorCode(otherClient, "{ units { totalCount } }"));
        assertEquals("UNAUTHENTICATED", errorCode(Tokens.admin(), "{ me { code } }"));
        assertEquals("UNAUTHENTICATED", errorCode(null, "{ me { code } }"));
    }
}

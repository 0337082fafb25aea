package cn.worksafety.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.worksafety.support.Fixtures;
import cn.worksafety.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * A bearer token is verified once and then answered from {@link VerifiedTokens} until it
 * expires; nothing that failed verification is kept, and nothing but the exact token text is
 * answered from it. Each request here is one plain HTTP request (no second, engine-path copy), so
 * that the count of verifications is exact.
 */
@QuarkusTest
class VerifiedTokensTest {

    private static final String ME = "{ me { code } }";

    @Inject
    VerifiedTokens tokens;

    /** The unit code the service answers for {@code me}, or the error code. */
    private static String me(String token) {
        JsonPath json = given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token)
                .body(Map.of("query", ME)).when().post("/graphql").then().statusCode(200).extract().jsonPath();
        Object code = json.get("errors[0].extensions.code");
        return code != null ? "error " + code : json.getString("data.me.code");
    }

    @Test
    void aTokenSentAgainIsNotVerifiedAgain() {
        Fixtures.Unit unit = Fixtures.department(Fixtures.county());
        String token = Tokens.token(unit.code(), "viewer");
        long before = tokens.verifications();
        for (int i = 0; i < 5; i++) {
            assertEquals(unit.code(), me(token));
        }
        assertEquals(1, tokens.verifications() - before, "verified once for five requests");
    }

    @Test
    void aKeptTokenIsRejectedOnceItExpires() throws InterruptedException {
        Fixtures.Unit unit = Fixtures.department(Fixtures.county());
        String token = Tokens.expiringIn(Duration.ofSeconds(3), unit.code(), "viewer");
        long before = tokens.verifications();
        assertEquals(unit.code(), me(token));
        assertEquals(unit.code(), me(token));
        assertEquals(1, tokens.verifications() - before, "kept after the first request");
        long exp = Long.parseLong(claims(token).replaceAll(".*\"exp\":(\\d+).*", "$1"));
        Thread.sleep(Math.max(0, exp * 1000 - System.currentTimeMillis()) + 1100);
        assertEquals("error UNAUTHENTICATED", me(token));
        assertEquals("error UNAUTHENTICATED", me(token));
        assertEquals(3, tokens.verifications() - before, "after its expiry every request goes to verification again");
    }

    @Test
    void tamperedTokensAreRejectedWhileTheGenuineOneIsKept() {
        Fixtures.Unit unit = Fixtures.department(Fixtures.county());
        String genuine = Tokens.token(unit.code(), "viewer");
        assertEquals(unit.code(), me(genuine));
        String[] parts = genuine.split("\\.");
        String promoted = Base64.getUrlEncoder().withoutPadding().encodeToString(
                claims(genuine).replace("\"viewer\"", "\"admin\"").getBytes(StandardCharsets.UTF_8));
        // The signature's first character: its last one carries only 2 bits of a 2048-bit signature, so 'A' -> 'B' there
        // changes only padding bits and decodes to the same signature (the test failed when a signature ended in 'A').
        char first = parts[2].charAt(0);
        for (String tampered : new String[] {
                genuine + "A", // the genuine token as a prefix
                genuine.substring(0, genuine.length() - 1), // a prefix of the genuine token
                parts[0] + "." + parts[1] + "." + (first == 'A' ? 'B' : 'A') + parts[2].substring(1), // another signature
                parts[0] + "." + promoted + "." + parts[2], // other claims under the genuine signature
        }) {
            long before = tokens.verifications();
            assertEquals("error UNAUTHENTICATED", me(tampered), tampered);
            assertEquals("error UNAUTHENTICATED", me(tampered), "a rejected token is never kept");
            assertEquals(2, tokens.verifications() - before, "verified each time: " + tampered);
        }
        assertEquals(unit.code(), me(genuine));
    }

    @Test
    void issuerAndSignatureAreStillEnforced() {
        Fixtures.Unit unit = Fixtures.department(Fixtures.county());
        assertEquals(unit.code(), me(Tokens.token(unit.code(), "viewer")));
        long before = tokens.verifications();
        for (String token : new String[] { Tokens.issuedBy("urn:someone-else", unit.code(), "viewer"),
                Tokens.forged(unit.code(), "viewer"), Tokens.expired(unit.code(), "viewer") }) {
            assertEquals("error UNAUTHENTICATED", me(token));
            assertEquals("error UNAUTHENTICATED", me(token));
        }
        assertEquals(6, tokens.verifications() - before, "no rejected token was kept");
        assertTrue(tokens.verifications() > 0);
    }

    private static String claims(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }
}

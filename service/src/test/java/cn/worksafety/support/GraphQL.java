package cn.worksafety.support;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * Posts GraphQL over real HTTP to /graphql. Every query the compiled read path answers is sent
 * again to the GraphQL engine ({@link ReadPaths}), and the answers must be the same JSON: so the whole suite checks the two read paths against each other, for every role
 * and record its tests use.
 */
public final class GraphQL {

    private GraphQL() {
    }

    public static ValidatableResponse post(String token, String query, Map<String, Object> variables) {
        ValidatableResponse response = send(token, query, variables, ReadPaths.forced());
        // Only an answer of the compiled path has a twin to compare with: two engine answers in a row differ
        // only where the data moved in between (the change feed's watermark moves with every commit).
        if (ReadPaths.forced() == null && ReadPaths.comparing() && ReadPaths.isQuery(query) && ReadPaths.compiled(response)) {
            ReadPaths.assertSame(query, response, send(token, query, variables, ReadPaths.ENGINE));
        }
        return response;
    }

    /** One request over HTTP, down the given read path (null: as a client's request goes). */
    static ValidatableResponse send(String token, String query, Map<String, Object> variables, String path) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        body.put("variables", variables == null ? Map.of() : variables);
        var request = given().contentType(ContentType.JSON).body(body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (path != null) {
            request.header(ReadPaths.HEADER, path);
        }
        return request.when().post("/graphql").then().statusCode(200);
    }

    public static ValidatableResponse post(String token, String query) {
        return post(token, query, null);
    }

    /** Runs a query that must succeed and returns its JSON, failing with the errors otherwise. */
    public static JsonPath ok(String token, String query, Map<String, Object> variables) {
        JsonPath json = post(token, query, variables).extract().jsonPath();
        if (json.get("errors") != null) {
            throw new AssertionError("GraphQL errors: " + json.prettify());
        }
        return json;
    }

    public static JsonPath ok(String token, String query) {
        return ok(token, query, null);
    }

    /** Runs a query that must fail and returns the first error's extensions.code. */
    public static String errorCode(String token, String query, Map<String, Object> variables) {
        JsonPath json = post(token, query, variables).extract().jsonPath();
        Object code = json.get("errors[0].extensions.code");
        if (code == null) {
            throw new AssertionError("Expected an error with a code, got: " + json.prettify());
        }
        return code.toString();
    }

    public static String errorCode(String token, String query) {
        return errorCode(token, query, null);
    }

    public static Map<String, Object> vars(Object... keyValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}

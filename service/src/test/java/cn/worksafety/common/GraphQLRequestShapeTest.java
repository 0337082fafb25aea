package cn.worksafety.common;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import cn.worksafety.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** A body that is not a GraphQL request gets a coded error, like every other failure. */
@QuarkusTest
class GraphQLRequestShapeTest {

    private static JsonPath post(String body) {
        return given().auth().oauth2(Tokens.admin()).contentType("application/json").body(body)
                .when().post("/graphql").then().statusCode(400).extract().jsonPath();
    }

    @Test
    void malformedBodiesAreBadUserInputWithoutInternals() {
        for (String body : new String[] { "{not json", "", "[1, 2]", "{\"query\": 5}", "{\"variables\": {}}",
                "{\"query\": \"{ me { name } }\", \"variables\": [1]}" }) {
            JsonPath answer = post(body);
            assertEquals("BAD_USER_INPUT", answer.getString("errors[0].extensions.code"), body);
            assertEquals(1, answer.getList("errors").size(), body);
        }
    }

    @Test
    void aWellFormedRequestStillRuns() {
        JsonPath answer = given().auth().oauth2(Tokens.admin()).contentType("application/json")
                .body("{\"query\": \"{ __typename }\", \"variables\": null}")
                .when().post("/graphql").then().statusCode(200).extract().jsonPath();
        assertNull(answer.get("errors"));
        assertEquals("Query", answer.getString("data.__typename"));
    }
}

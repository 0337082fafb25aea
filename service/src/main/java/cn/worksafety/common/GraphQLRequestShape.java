package cn.worksafety.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * A JSON POST to /graphql that is not a GraphQL request (not JSON, not an object, no string
 * 'query') never reaches GraphQL execution, so {@link GraphQLErrorCodes} never sees it. It gets
 * the same error shape as every other failure here: HTTP 400 and code BAD_USER_INPUT.
 */
@ApplicationScoped
public class GraphQLRequestShape {

    /** Where a checked request's parsed body is kept for later handlers (the compiled read path). */
    public static final String PARSED = "graphql.request";

    void install(@Observes Router router) {
        // Before the GraphQL route; its own body handler then finds the body already read.
        router.post("/graphql").order(-10).handler(BodyHandler.create(false)).handler(GraphQLRequestShape::check);
    }

    static void check(RoutingContext context) {
        String type = context.request().getHeader("Content-Type");
        if (type == null || !type.toLowerCase().startsWith("application/json")) {
            context.next();
            return;
        }
        Object parsed;
        try {
            parsed = context.body().buffer() == null ? null : Json.decodeValue(context.body().buffer());
        } catch (DecodeException e) {
            reject(context, "The request body is not valid JSON.");
            return;
        }
        if (!(parsed instanceof JsonObject request) || !(request.getValue("query") instanceof String)) {
            reject(context, "A GraphQL request is a JSON object with the operation as a string in 'query' "
                    + "(and optional 'variables' and 'operationName').");
            return;
        }
        Object variables = request.getValue("variables");
        if (variables != null && !(variables instanceof JsonObject)) {
            reject(context, "'variables' must be a JSON object.");
            return;
        }
        context.put(PARSED, request);
        context.next();
    }

    private static void reject(RoutingContext context, String message) {
        new ErrorBody("BAD_USER_INPUT", message).sendAsGraphQL(context, 400);
    }
}

package cn.worksafety.common;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The one place where a failure becomes what a client sees, on every endpoint: a code from
 * RULES.md and a message a user can act on. Anything unexpected is INTERNAL with a reference that
 * is logged with the detail, so no stack trace, class name or SQL ever reaches a client. The same
 * error is written three ways: as a GraphQL error inside the engine's response
 * ({@link GraphQLErrorCodes}), as a whole GraphQL response for requests refused before the engine
 * runs ({@link GraphQLRequestShape}, the rejected-token handler), and as {@code {code, message}}
 * with the matching HTTP status on the REST endpoints (import, export).
 */
public record ErrorBody(String code, String message) {

    private static final Logger LOG = Logger.getLogger(ErrorBody.class);

    /** The error for a failure, found by the first cause that has a meaning for the client. */
    public static ErrorBody of(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DomainException domain) {
                return new ErrorBody(domain.code(), domain.getMessage());
            }
            if (t instanceof AuthenticationFailedException || t instanceof UnauthorizedException) {
                return new ErrorBody("UNAUTHENTICATED", "Authentication required: send a valid bearer token.");
            }
            if (t instanceof ForbiddenException) {
                return new ErrorBody("FORBIDDEN", "You may not perform this operation.");
            }
            if (t instanceof ConstraintViolationException violations) {
                return new ErrorBody("BAD_USER_INPUT", violations.getConstraintViolations().stream()
                        .map(v -> lastNode(v.getPropertyPath().toString()) + ": " + v.getMessage())
                        .sorted().reduce((a, b) -> a + "; " + b).orElse("Invalid input."));
            }
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return new ErrorBody("CONFLICT", "The record was changed by someone else; reload it and try again.");
            }
            if (t instanceof GraphQLError && t instanceof RuntimeException) {
                // Scalar coercion and argument transformation failures (e.g. a malformed Date).
                return new ErrorBody("BAD_USER_INPUT", t.getMessage());
            }
            if (t instanceof SQLException) {
                DomainException fromState = DatabaseFailure.translate(t).orElse(null);
                if (fromState != null) {
                    return new ErrorBody(fromState.code(), fromState.getMessage());
                }
            }
        }
        String reference = UUID.randomUUID().toString();
        if (DatabaseFailure.unreachable(thrown)) {
            // One line per request while the database is away, not a stack trace each.
            LOG.warnf("Database unreachable (%s), reference %s", DatabaseFailure.sqlState(thrown).orElse(""), reference);
            return new ErrorBody("INTERNAL", "The service cannot reach its database right now; nothing was changed. "
                    + "Try again shortly (reference " + reference + ").");
        }
        LOG.errorf(thrown, "Internal error, reference %s", reference);
        return new ErrorBody("INTERNAL", "Internal error; quote reference " + reference + " to support.");
    }

    /** The HTTP status of the REST endpoints for this code. */
    public int status() {
        return switch (code) {
            case "UNAUTHENTICATED" -> 401;
            case "FORBIDDEN" -> 403;
            case "NOT_FOUND" -> 404;
            case "CONFLICT" -> 409;
            case "INTERNAL" -> 500;
            default -> 400;
        };
    }

    /** This error in a GraphQL response, at the place of the operation where {@code original} arose. */
    public GraphQLError graphQLError(GraphQLError original) {
        return GraphqlErrorBuilder.newError()
                .message(message)
                .locations(original.getLocations())
                .path(original.getPath())
                .errorType(ErrorClassification.errorClassification(code))
                .extensions(Map.of("code", code))
                .build();
    }

    /**
     * Answers a request on the GraphQL endpoint that the engine never sees, in the engine's shape:
     * {@code {"errors": [{"message", "extensions": {"code"}}], "data": null}}.
     */
    public void sendAsGraphQL(RoutingContext context, int status) {
        JsonObject error = new JsonObject().put("message", message).put("extensions", new JsonObject().put("code", code));
        context.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("errors", new JsonArray().add(error)).putNull("data").encode());
    }

    /** The REST answer: {@code {code, message}} and the {@code extra} fields, with the code's status. */
    public Response response(Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        body.putAll(extra);
        return Response.status(status()).type(MediaType.APPLICATION_JSON).entity(body).build();
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}

package cn.worksafety.common;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;

import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;

import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.ErrorClassification;
import graphql.GraphqlErrorBuilder;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.graphql.api.Context;
import io.smallrye.graphql.cdi.event.AfterExecute;
import io.smallrye.graphql.execution.context.SmallRyeContext;

/**
 * The one place where failures become GraphQL errors. Every error leaves with an
 * {@code extensions.code} from RULES.md and a message a user can act on; anything
 * unexpected becomes INTERNAL with a reference that is logged with the detail, so no
 * stack trace, class name or SQL ever reaches a client.
 */
@ApplicationScoped
public class GraphQLErrorCodes {

    private static final Logger LOG = Logger.getLogger(GraphQLErrorCodes.class);

    void rewriteErrors(@Observes @AfterExecute Context context) {
        ExecutionResult result = context.unwrap(ExecutionResult.class);
        if (result == null || result.getErrors().isEmpty()) {
            return;
        }
        List<GraphQLError> errors = result.getErrors().stream().map(this::translate).toList();
        ((SmallRyeContext) context).setExecutionResult(result.transform(b -> b.errors(errors)));
    }

    private GraphQLError translate(GraphQLError error) {
        if (error instanceof ExceptionWhileDataFetching fetching) {
            Coded coded = classify(fetching.getException());
            return coded(error, coded.code, coded.message);
        }
        // Syntax errors, unknown fields, wrong argument types: the request itself is wrong.
        return coded(error, "BAD_USER_INPUT", error.getMessage());
    }

    private static GraphQLError coded(GraphQLError original, String code, String message) {
        return GraphqlErrorBuilder.newError()
                .message(message)
                .locations(original.getLocations())
                .path(original.getPath())
                .errorType(ErrorClassification.errorClassification(code))
                .extensions(Map.of("code", code))
                .build();
    }

    private record Coded(String code, String message) {
    }

    static Coded classify(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DomainException domain) {
                return new Coded(domain.code(), domain.getMessage());
            }
            if (t instanceof AuthenticationFailedException || t instanceof UnauthorizedException) {
                return new Coded("UNAUTHENTICATED", "Authentication required: send a valid bearer token.");
            }
            if (t instanceof ForbiddenException) {
                return new Coded("FORBIDDEN", "You may not perform this operation.");
            }
            if (t instanceof ConstraintViolationException violations) {
                return new Coded("BAD_USER_INPUT", violations.getConstraintViolations().stream()
                        .map(v -> lastNode(v.getPropertyPath().toString()) + ": " + v.getMessage())
                        .sorted().reduce((a, b) -> a + "; " + b).orElse("Invalid input."));
            }
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return new Coded("CONFLICT", "The record was changed by someone else; reload it and try again.");
            }
            if (t instanceof graphql.GraphQLError && t instanceof RuntimeException) {
                // Scalar coercion and argument transformation failures (e.g. a malformed Date).
                return new Coded("BAD_USER_INPUT", t.getMessage());
            }
            if (t instanceof SQLException) {
                DomainException fromState = DatabaseFailure.translate(t).orElse(null);
                if (fromState != null) {
                    return new Coded(fromState.code(), fromState.getMessage());
                }
            }
        }
        String reference = UUID.randomUUID().toString();
        if (DatabaseFailure.unreachable(thrown)) {
            // One line per request while the database is away, not a stack trace each.
            LOG.warnf("Database unreachable (%s), reference %s", DatabaseFailure.sqlState(thrown).orElse(""), reference);
            return new Coded("INTERNAL", "The service cannot reach its database right now; nothing was changed. "
                    + "Try again shortly (reference " + reference + ").");
        }
        LOG.errorf(thrown, "Internal error, reference %s", reference);
        return new Coded("INTERNAL", "Internal error; quote reference " + reference + " to support.");
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}

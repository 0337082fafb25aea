package cn.worksafety.common;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

/**
 * The one shape of an error from the service's non-GraphQL endpoints (import, export): a JSON
 * body {@code {code, message}} with the codes of RULES.md and the matching HTTP status. A
 * database failure with a meaning (a timeout, a constraint) gets its code as on the GraphQL
 * endpoint; any other failure is INTERNAL with a reference, its detail in the log, never sent.
 */
public final class ErrorBody {

    private static final Logger LOG = Logger.getLogger(ErrorBody.class);

    private ErrorBody() {
    }

    public static Map<String, Object> body(String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        return body;
    }

    public static int status(String code) {
        return switch (code) {
            case "UNAUTHENTICATED" -> 401;
            case "FORBIDDEN" -> 403;
            case "NOT_FOUND" -> 404;
            case "CONFLICT" -> 409;
            case "INTERNAL" -> 500;
            default -> 400;
        };
    }

    public static Response of(DomainException e, Map<String, Object> extra) {
        Map<String, Object> body = body(e.code(), e.getMessage());
        body.putAll(extra);
        return Response.status(status(e.code())).type(MediaType.APPLICATION_JSON).entity(body).build();
    }

    public static Response internal(RuntimeException e, String where, Map<String, Object> extra) {
        DomainException known = DatabaseFailure.translate(e).orElse(null);
        if (known != null) {
            return of(known, extra);
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Internal error in %s, reference %s", where, reference);
        Map<String, Object> body = body("INTERNAL", "Internal error; quote reference " + reference + " to support.");
        body.putAll(extra);
        return Response.status(500).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}

package cn.worksafety.common;

import java.sql.SQLException;
import java.util.Optional;

/**
 * Database failures a client caused or can retry, found by SQLSTATE anywhere in an exception's
 * causes, turned into the service's own errors. Constraint names, SQL and row values stay out of
 * the message; the GraphQL layer and the import endpoint answer with the same codes.
 */
public final class DatabaseFailure {

    /** query_canceled: the statement timeout (DB_STATEMENT_TIMEOUT) cancelled the statement. */
    public static final String STATEMENT_TIMEOUT = "57014";
    /** lock_not_available: lock_timeout passed while waiting for a lock. */
    public static final String LOCK_TIMEOUT = "55P03";

    private DatabaseFailure() {
    }

    /**
     * The database cannot be reached (connection failures, class 08; the server shutting down or
     * starting, 57P01-57P03). Nothing was committed; the readiness check reports the same.
     */
    public static boolean unreachable(Throwable thrown) {
        return sqlState(thrown).filter(s -> s.startsWith("08") || s.startsWith("57P0")).isPresent();
    }

    /** The SQLSTATE of the first SQLException among the causes, if any. */
    public static Optional<String> sqlState(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return Optional.of(sql.getSQLState());
            }
        }
        return Optional.empty();
    }

    /** The client-facing error for a database failure, or empty when it is unexpected (INTERNAL). */
    public static Optional<DomainException> translate(Throwable thrown) {
        return sqlState(thrown).map(DatabaseFailure::fromState);
    }

    private static DomainException fromState(String state) {
        return switch (state) {
            case "23505" -> new Conflict("A record with the same identifying values already exists.");
            case "23503", "23514", "23502", "22001" ->
                new InvalidInput("The input breaks a data rule (unknown reference, value out of range or too long).");
            case "40001", "40P01" -> new Conflict("A concurrent change got in the way; try again.");
            case STATEMENT_TIMEOUT -> new InvalidInput(
                    "The request took too long and was stopped; ask for less at once (a smaller page, a narrower filter) or try again later.");
            case LOCK_TIMEOUT -> new Conflict("The records this request needs are busy with another change; try again shortly.");
            default -> null;
        };
    }
}

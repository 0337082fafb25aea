package cn.worksafety.common;

/** Parsing of the numeric ids the API exposes as GraphQL IDs. */
public final class Ids {

    private Ids() {
    }

    /** An id a client sent to name a record it wants: malformed means no such record. */
    public static long existing(String id, String what) {
        Long parsed = parse(id);
        if (parsed == null) {
            throw new NotFound("No " + what + " with id " + id + ".");
        }
        return parsed;
    }

    /** An id inside an input: malformed is the client's mistake. */
    public static Long reference(String id, String field) {
        if (id == null) {
            return null;
        }
        Long parsed = parse(id);
        if (parsed == null) {
            throw new InvalidInput("'" + field + "' is not a valid id: " + id + ".");
        }
        return parsed;
    }

    private static Long parse(String id) {
        try {
            return id == null ? null : Long.valueOf(id.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

package cn.worksafety.exchange;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import cn.worksafety.common.InvalidInput;

/**
 * A place in the change feed: the id of the writing transaction (PostgreSQL xid8) and the id of
 * the change-log row. Encoded as an opaque cursor ("x|xid|id", base64url); the start is (0, 0).
 */
record Position(long xid, long id) implements Comparable<Position> {

    static final Position START = new Position(0, 0);

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("x|" + xid + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** A consumer's cursor; null or blank is the start of the feed. */
    static Position decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return START;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 3 || !"x".equals(parts[0])) {
                throw new IllegalArgumentException("not a feed cursor");
            }
            Position p = new Position(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
            if (p.xid < 0 || p.id < 0) {
                throw new IllegalArgumentException("negative");
            }
            return p;
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("The cursor 'after' is not a change-feed cursor this service issued; use pageInfo.endCursor "
                    + "of a changes page or the last line of an export.");
        }
    }

    @Override
    public int compareTo(Position other) {
        int byXid = Long.compare(xid, other.xid);
        return byXid != 0 ? byXid : Long.compare(id, other.id);
    }
}

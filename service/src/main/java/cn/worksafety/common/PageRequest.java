package cn.worksafety.common;

import java.time.OffsetDateTime;

/**
 * The paging arguments of a connection field, checked at the edge: {@code first} between 1
 * and {@link #MAX_FIRST} (default {@link #DEFAULT_FIRST}), and {@code after} a cursor of the
 * page's order. With {@code updatedSince} the rows come in (updatedAt, id) order so a
 * data-exchange client can pull changes.
 */
public record PageRequest(int first, KeysetOrder order, Cursor after, OffsetDateTime updatedSince) {

    public static final int DEFAULT_FIRST = 50;
    public static final int MAX_FIRST = 500;

    public static PageRequest of(Integer first, String after, OffsetDateTime updatedSince) {
        KeysetOrder order = updatedSince == null ? KeysetOrder.ID : KeysetOrder.UPDATED;
        return new PageRequest(size(first), order, Cursor.decode(after, order), updatedSince);
    }

    public static PageRequest of(Integer first, String after) {
        return of(first, after, null);
    }

    /** A page in an order of its own (not a table's id or updatedAt), such as {@link KeysetOrder#PAIR}. */
    public static PageRequest ordered(Integer first, String after, KeysetOrder order) {
        return new PageRequest(size(first), order, Cursor.decode(after, order), null);
    }

    /** The rows to read: one more than asked, to know whether there is a next page (see {@link Page#of}). */
    public int limit() {
        return first + 1;
    }

    private static int size(Integer first) {
        int size = first == null ? DEFAULT_FIRST : first;
        if (size < 1 || size > MAX_FIRST) {
            throw new InvalidInput("'first' must be between 1 and " + MAX_FIRST + ", was " + size + ".");
        }
        return size;
    }
}

package cn.worksafety.common;

import java.time.OffsetDateTime;

/**
 * The paging arguments of a connection field, checked at the edge: {@code first} between 1
 * and {@link #MAX_FIRST} (default {@link #DEFAULT_FIRST}); with {@code updatedSince} the
 * rows come in (updatedAt, id) order so a data-exchange client can pull changes.
 */
public record PageRequest(int first, Cursor after, OffsetDateTime updatedSince) {

    public static final int DEFAULT_FIRST = 50;
    public static final int MAX_FIRST = 500;

    public static PageRequest of(Integer first, String after, OffsetDateTime updatedSince) {
        int size = first == null ? DEFAULT_FIRST : first;
        if (size < 1 || size > MAX_FIRST) {
            throw new InvalidInput("'first' must be between 1 and " + MAX_FIRST + ", was " + size + ".");
        }
        KeysetOrder order = updatedSince == null ? KeysetOrder.ID : KeysetOrder.UPDATED;
        return new PageRequest(size, Cursor.decode(after, order), updatedSince);
    }

    public static PageRequest of(Integer first, String after) {
        return of(first, after, null);
    }

    public KeysetOrder order() {
        return updatedSince == null ? KeysetOrder.ID : KeysetOrder.UPDATED;
    }
}

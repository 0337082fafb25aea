package cn.worksafety.common;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * An opaque page cursor: base64 of the sort order, the sort key and the id of the last
 * row of a page. Clients must treat it as a token; the service checks it on the way in.
 */
public record Cursor(KeysetOrder order, OffsetDateTime updatedAt, long id) {

    public String encode() {
        String raw = order == KeysetOrder.UPDATED ? "u|" + updatedAt + "|" + id : "i||" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a client's cursor; null stays null. A cursor from another sort order is rejected. */
    public static Cursor decode(String cursor, KeysetOrder expected) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        Cursor decoded;
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
            KeysetOrder order = parts.length != 3 ? null
                    : "u".equals(parts[0]) ? KeysetOrder.UPDATED : "i".equals(parts[0]) ? KeysetOrder.ID : null;
            if (order == null) {
                throw new IllegalArgumentException("not a cursor");
            }
            OffsetDateTime updatedAt = order == KeysetOrder.UPDATED ? OffsetDateTime.parse(parts[1]) : null;
            decoded = new Cursor(order, updatedAt, Long.parseLong(parts[2]));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new InvalidInput("The cursor 'after' is not one this service issued.");
        }
        if (decoded.order() != expected) {
            throw new InvalidInput("The cursor 'after' belongs to a list ordered otherwise (with or without updatedSince); start again without it.");
        }
        return decoded;
    }
}

package cn.worksafety.common;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * An opaque page cursor, the one cursor type of every order: base64 of the order's prefix, the
 * sort key and the id of the last row of a page ({@code i||id}, {@code u|updatedAt|id},
 * {@code g|personId|ruleId}). The compiled read path writes the same text in SQL (gql_cursor,
 * migration V11). Clients must treat it as a token; the service checks it on the way in.
 *
 * @param key null for {@link KeysetOrder#ID}, an OffsetDateTime for UPDATED, a Long for PAIR
 */
public record Cursor(KeysetOrder order, Object key, long id) {

    public String encode() {
        String raw = order.prefix + "|" + (order == KeysetOrder.ID ? "" : key) + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a client's cursor; null or blank is no cursor. A cursor from another order is refused. */
    public static Cursor decode(String cursor, KeysetOrder expected) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        Cursor decoded;
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
            KeysetOrder order = parts.length != 3 ? null : orderOf(parts[0]);
            if (order == null) {
                throw new IllegalArgumentException("not a cursor");
            }
            Object key = switch (order) {
                case ID -> null;
                case UPDATED -> OffsetDateTime.parse(parts[1]);
                case PAIR -> Long.parseLong(parts[1]);
            };
            decoded = new Cursor(order, key, Long.parseLong(parts[2]));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw notIssued(expected);
        }
        if (decoded.order() != expected) {
            // Lists by id and by updatedAt share their fields, so the client can be told what differs.
            if (decoded.order() == KeysetOrder.PAIR || expected == KeysetOrder.PAIR) {
                throw notIssued(expected);
            }
            throw new InvalidInput("The cursor 'after' belongs to a list ordered otherwise (with or without updatedSince); start again without it.");
        }
        return decoded;
    }

    private static KeysetOrder orderOf(String prefix) {
        for (KeysetOrder order : KeysetOrder.values()) {
            if (order.prefix.equals(prefix)) {
                return order;
            }
        }
        return null;
    }

    private static InvalidInput notIssued(KeysetOrder expected) {
        return new InvalidInput("The cursor 'after' is not one this service issued" + (expected == KeysetOrder.PAIR ? " for training gaps." : "."));
    }
}

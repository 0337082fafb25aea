package cn.worksafety.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The one cursor type: the text clients hold, and refusals of a cursor of another order (all BAD_USER_INPUT). */
class CursorTest {

    private static final String NOT_ISSUED = "The cursor 'after' is not one this service issued.";
    private static final String NOT_ISSUED_GAPS = "The cursor 'after' is not one this service issued for training gaps.";
    private static final String ORDERED_OTHERWISE = "The cursor 'after' belongs to a list ordered otherwise (with or without updatedSince); start again without it.";

    @Test
    void keepsTheTextClientsHold() {
        OffsetDateTime at = OffsetDateTime.parse("2026-03-01T08:15:30.123456Z");
        assertEquals("i||42", raw(new Cursor(KeysetOrder.ID, null, 42).encode()));
        assertEquals("u|2026-03-01T08:15:30.123456Z|42", raw(new Cursor(KeysetOrder.UPDATED, at, 42).encode()));
        assertEquals("g|7|9", raw(new Cursor(KeysetOrder.PAIR, 7L, 9).encode()));

        assertEquals(new Cursor(KeysetOrder.ID, null, 42), Cursor.decode(token("i||42"), KeysetOrder.ID));
        assertEquals(new Cursor(KeysetOrder.UPDATED, at, 42), Cursor.decode(token("u|2026-03-01T08:15:30.123456Z|42"), KeysetOrder.UPDATED));
        assertEquals(new Cursor(KeysetOrder.PAIR, 7L, 9), Cursor.decode(token("g|7|9"), KeysetOrder.PAIR));
        assertNull(Cursor.decode(null, KeysetOrder.PAIR));
        assertNull(Cursor.decode(" ", KeysetOrder.ID));
    }

    @Test
    void refusesACursorOfAnotherOrderAsBefore() {
        assertRefused(token("u|2026-03-01T08:15Z|1"), KeysetOrder.ID, ORDERED_OTHERWISE);
        assertRefused(token("i||1"), KeysetOrder.UPDATED, ORDERED_OTHERWISE);
        assertRefused(token("g|1|2"), KeysetOrder.ID, NOT_ISSUED);
        assertRefused(token("g|1|2"), KeysetOrder.UPDATED, NOT_ISSUED);
        assertRefused(token("i||1"), KeysetOrder.PAIR, NOT_ISSUED_GAPS);
        assertRefused(token("u|2026-03-01T08:15Z|1"), KeysetOrder.PAIR, NOT_ISSUED_GAPS);
        for (String junk : List.of("not base64!", token("x|1|2"), token("i|1"), token("g|a|2"), token("u|yesterday|1"), token("i||z"))) {
            assertRefused(junk, KeysetOrder.ID, NOT_ISSUED);
            assertRefused(junk, KeysetOrder.PAIR, NOT_ISSUED_GAPS);
        }
    }

    @Test
    void buildsOneKeysetConditionForEveryOrder() {
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        assertEquals("e.id > :keyset0", KeysetQuery.after(new Cursor(KeysetOrder.ID, null, 5), "e.updatedAt", "e.id", params));
        assertEquals(5L, params.get("keyset0"));
        params.clear();
        assertEquals("(g.person_id, g.rule_id) > (:keyset0, :keyset1)",
                KeysetQuery.after(new Cursor(KeysetOrder.PAIR, 3L, 4), "g.person_id", "g.rule_id", params));
        assertEquals(3L, params.get("keyset0"));
        assertEquals(4L, params.get("keyset1"));
        assertEquals("g.person_id, g.rule_id", KeysetQuery.orderBy(KeysetOrder.PAIR, "g.person_id", "g.rule_id"));
        assertEquals("e.id", KeysetQuery.orderBy(KeysetOrder.ID, "e.updatedAt", "e.id"));
    }

    @Test
    void readsOneRowMoreThanAskedToKnowTheNextPage() {
        PageRequest request = PageRequest.of(2, null);
        assertEquals(3, request.limit());
        Page<Long> page = Page.of(List.of(1L, 2L, 3L), request, 10, id -> new Cursor(KeysetOrder.ID, null, id));
        assertEquals(List.of(1L, 2L), page.items());
        assertTrue(page.pageInfo().hasNextPage());
        assertEquals(token("i||2"), page.pageInfo().endCursor());
        assertEquals(List.of("1", "2"), page.map(String::valueOf).items());
        assertEquals(token("i||2"), page.map(String::valueOf).pageInfo().endCursor());
    }

    private static void assertRefused(String cursor, KeysetOrder order, String message) {
        InvalidInput refused = assertThrows(InvalidInput.class, () -> Cursor.decode(cursor, order), cursor + " as " + order);
        assertEquals(message, refused.getMessage());
    }

    private static String token(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static String raw(String token) {
        return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    }
}

package cn.worksafety.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** The sync checks every row before it writes anything, then writes and audits each change. */
class ChildListSyncTest {

    static class Child extends TrackedEntity {
        String name;

        Child(Long id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    record Row(String id, String name) {
    }

    /** Records what the sync writes, in order; a new child gets the next id when flushed. */
    static class Log implements PanacheRepository<Child> {
        final List<String> writes = new ArrayList<>();
        final List<Child> pending = new ArrayList<>();
        long nextId = 100;

        @Override
        public void persist(Child child) {
            writes.add("persist " + child.name);
            pending.add(child);
        }

        @Override
        public void delete(Child child) {
            writes.add("delete " + child.id);
        }

        @Override
        public void flush() {
            writes.add("flush");
            pending.forEach(c -> c.id = nextId++);
            pending.clear();
        }
    }

    private final Log log = new Log();

    private final ChildListSync<Child> sync = new ChildListSync<>("rows", "row", "parent", log, c -> ((Child) c).name,
            (operation, type, id, before, after) -> log.writes.add("audit " + operation + " " + type + " " + id + " " + before + " -> " + after));

    private final ChildListSync.Children<Child, Row, String> children = new ChildListSync.Children<>() {
        @Override
        public String rowId(Row row) {
            return row.id();
        }

        @Override
        public String check(Row row, Child child, String field, int n) {
            return Text.required(row.name(), field + ".name", 10);
        }

        @Override
        public void checkRemoval(Child child) {
            if (child.name.equals("kept")) {
                throw new InvalidInput("'" + child.name + "' stays.");
            }
        }

        @Override
        public Child create() {
            return new Child(null, null);
        }

        @Override
        public void apply(Child child, String name) {
            child.name = name;
        }
    };

    @Test
    void revisesAddsAndRemovesThenAuditsEachChange() {
        List<Child> current = List.of(new Child(1L, "a"), new Child(2L, "b"), new Child(3L, "c"));
        sync.sync(current, List.of(new Row("1", "a2"), new Row(null, "d"), new Row("3", "c")), "op", children);
        // Child 3's row changes nothing, so it gets no audit entry.
        assertEquals(List.of("delete 2", "audit op Child 2 b -> null", "persist d", "flush",
                "audit op Child 100 null -> d", "audit op Child 1 a -> a2"), log.writes);
    }

    @Test
    void aLaterBadRowStopsTheSyncBeforeAnyWrite() {
        List<Child> current = List.of(new Child(1L, "a"), new Child(2L, "b"));
        InvalidInput refused = assertThrows(InvalidInput.class,
                () -> sync.sync(current, List.of(new Row("1", "a2"), new Row(null, "  ")), "op", children));
        assertEquals("'rows[1].name' must not be empty.", refused.getMessage());
        assertEquals(List.of(), log.writes);
        assertEquals("a", current.get(0).name);
    }

    @Test
    void rowIdsMustNameAChildOnceAndRemovalsAreCheckedBeforeAnyWrite() {
        List<Child> current = List.of(new Child(1L, "a"), new Child(2L, "kept"));
        assertEquals("'rows[0].id' names no row of this parent: 9.",
                assertThrows(InvalidInput.class, () -> sync.sync(current, List.of(new Row("9", "x")), "op", children)).getMessage());
        assertEquals("'rows[1].id' lists row 1 a second time.",
                assertThrows(InvalidInput.class, () -> sync.sync(current, List.of(new Row("1", "x"), new Row("1", "y")), "op", children))
                        .getMessage());
        assertEquals("'rows[0]' must not be null.",
                assertThrows(InvalidInput.class, () -> sync.sync(current, Arrays.asList((Row) null), "op", children)).getMessage());
        assertEquals("'kept' stays.",
                assertThrows(InvalidInput.class, () -> sync.sync(current, List.of(new Row("1", "x")), "op", children)).getMessage());
        assertEquals(List.of(), log.writes);
    }
}

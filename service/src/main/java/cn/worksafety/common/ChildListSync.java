package cn.worksafety.common;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import java.util.function.Function;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/**
 * Makes a parent's children those of a wanted list, the way a client edits a table of rows: a
 * row with an {@code id} revises that child (which keeps its id), a row without one adds a child,
 * and children left out are removed. Every row is checked before anything is written, so a
 * refused list leaves the parent's children as they were without relying on the rollback; then
 * the removals, revisions and additions are written and each is audited (before and after).
 *
 * <p>The checks in order: per row, null, then its id (a child of this parent, not listed twice),
 * then {@link Children#check}; after the rows, {@link Children#checkRemoval} per child left out.
 * The first failure is thrown as {@link InvalidInput}.
 *
 * @param <C> the child entity
 */
public final class ChildListSync<C extends TrackedEntity> {

    /**
     * What a sync knows of one kind of child: {@code R} is a row of the wanted list (the GraphQL
     * input), {@code V} a checked row, what {@link #apply} writes into a child.
     */
    public interface Children<C extends TrackedEntity, R, V> {

        /** The row's {@code id}, null for a row that adds a child. */
        String rowId(R row);

        /**
         * Checks a row and returns what to write; throws {@link InvalidInput}. {@code child} is the
         * child the row revises (not yet changed), null for a new one; {@code n} is the row's index.
         */
        V check(R row, C child, String field, int n);

        /** Refuses to remove a child left out of the list (InvalidInput); by default any may go. */
        default void checkRemoval(C child) {
        }

        /** A new child of the parent, not yet persisted. */
        C create();

        /** Writes a checked row into a child (new or revised). */
        void apply(C child, V checked);
    }

    /**
     * Writes one audit entry: {@code audit.AuditTrail::changed}, passed in because common
     * depends on no other package.
     */
    @FunctionalInterface
    public interface AuditEntry {
        void changed(String operation, String recordType, Object recordId, String before, String after);
    }

    private final String listField;
    private final String noun;
    private final String parent;
    private final PanacheRepository<C> repository;
    private final Function<Object, String> snapshot;
    private final AuditEntry audit;

    /**
     * @param listField the input field of the list ("indicators"), for messages: {@code 'indicators[2].id'}
     * @param noun      what a child is called in messages ("indicator")
     * @param parent    what the parent is called in messages ("plan")
     * @param snapshot  the audit trail's snapshot ({@code AuditTrail::snapshot})
     * @param audit     the audit trail's entry writer ({@code AuditTrail::changed})
     */
    public ChildListSync(String listField, String noun, String parent, PanacheRepository<C> repository,
            Function<Object, String> snapshot, AuditEntry audit) {
        this.listField = listField;
        this.noun = noun;
        this.parent = parent;
        this.repository = repository;
        this.snapshot = snapshot;
        this.audit = audit;
    }

    /**
     * Checks every row against the current children, then writes: removals (audited with their
     * last state), the revised and new children (flushed, so new ones have their ids), then an
     * audit entry per new child and per revised child that really changed.
     */
    public <R, V> void sync(List<C> current, List<R> rows, String operation, Children<C, R, V> children) {
        Map<Long, C> existing = new LinkedHashMap<>();
        current.forEach(c -> existing.put(c.id, c));
        Set<Long> kept = new HashSet<>();
        List<C> targets = new ArrayList<>(rows.size());
        List<V> checked = new ArrayList<>(rows.size());
        for (int n = 0; n < rows.size(); n++) {
            R row = rows.get(n);
            String field = listField + "[" + n + "]";
            if (row == null) {
                throw new InvalidInput("'" + field + "' must not be null.");
            }
            C child = null;
            String rowId = children.rowId(row);
            if (rowId != null) {
                Long id = Ids.reference(rowId, field + ".id");
                child = existing.get(id);
                if (child == null) {
                    throw new InvalidInput("'" + field + ".id' names no " + noun + " of this " + parent + ": " + rowId + ".");
                }
                if (!kept.add(id)) {
                    throw new InvalidInput("'" + field + ".id' lists " + noun + " " + rowId + " a second time.");
                }
            }
            targets.add(child);
            checked.add(children.check(row, child, field, n));
        }
        List<C> removed = existing.values().stream().filter(c -> !kept.contains(c.id)).toList();
        removed.forEach(children::checkRemoval);

        // Everything is valid: write.
        for (C gone : removed) {
            String before = snapshot.apply(gone);
            repository.delete(gone);
            audit.changed(operation, recordType(gone), gone.id, before, null);
        }
        List<C> created = new ArrayList<>();
        Map<C, String> revised = new LinkedHashMap<>();
        for (int n = 0; n < rows.size(); n++) {
            C child = targets.get(n);
            if (child == null) {
                child = children.create();
                created.add(child);
            } else {
                revised.put(child, snapshot.apply(child));
            }
            children.apply(child, checked.get(n));
        }
        created.forEach(repository::persist);
        repository.flush();
        created.forEach(child -> audit.changed(operation, recordType(child), child.id, null, snapshot.apply(child)));
        revised.forEach((child, before) -> {
            String after = snapshot.apply(child);
            if (!before.equals(after)) {
                audit.changed(operation, recordType(child), child.id, before, after);
            }
        });
    }

    // As AuditTrail.created and updated name a record: by its class.
    private static String recordType(TrackedEntity child) {
        return child.getClass().getSimpleName();
    }
}

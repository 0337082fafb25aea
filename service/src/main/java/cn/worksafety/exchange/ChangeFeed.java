package cn.worksafety.exchange;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import cn.worksafety.common.AppConfig;
import cn.worksafety.common.InvalidInput;
import cn.worksafety.common.PageInfo;
import cn.worksafety.security.Caller;

/**
 * The change feed (docs/exchange.md). Rows of change_log are read in (xid, id) order, only those
 * of transactions older than the statement snapshot's xmin: every transaction below it has ended,
 * so no change can later appear before a position already handed out. The reader is scoped by the
 * region each change was recorded in; the record itself is loaded with its feature's read rules.
 */
@ApplicationScoped
public class ChangeFeed {

    public static final int DEFAULT_FIRST = 100;
    public static final int MAX_FIRST = 1000;

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    AppConfig config;

    /** A page of changes after the cursor, the latest change per record only, in commit order. */
    @Transactional
    public ChangeConnection page(String after, Integer first, List<RecordType> recordTypes) {
        int size = first == null ? DEFAULT_FIRST : first;
        if (size < 1 || size > MAX_FIRST) {
            throw new InvalidInput("'first' must be between 1 and " + MAX_FIRST + ", was " + size + ".");
        }
        if (recordTypes != null && recordTypes.contains(null)) {
            throw new InvalidInput("'recordTypes' lists a null; name record types or leave the argument out.");
        }
        Position from = Position.decode(after);
        String readable = readablePrefix();
        requireNotPruned(from);
        String types = recordTypes == null || recordTypes.isEmpty() ? null
                : "{" + String.join(",", recordTypes.stream().map(Enum::name).toList()) + "}";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                with w as (select pg_snapshot_xmin(pg_current_snapshot()) as xmin)
                select w.xmin::text, c.xid::text, c.id, c.record_type, c.record_id, c.operation, c.version, c.changed_at
                from w left join lateral (
                    select c.* from change_log c
                    where (c.xid, c.id) > (cast(:xid as text)::xid8, :id) and c.xid < w.xmin
                      and (starts_with(c.region_path, :readable)
                           or (c.record_type in ('TRAINING_RULE', 'DUTY_RULE') and starts_with(:readable, c.region_path)))
                      and (cast(:types as text) is null or c.record_type = any(cast(cast(:types as text) as text[])))
                    order by c.xid, c.id limit :limit) c on true
                order by c.xid, c.id
                """).setParameter("xid", Long.toString(from.xid())).setParameter("id", from.id())
                .setParameter("readable", readable).setParameter("types", types).setParameter("limit", size + 1)
                .getResultList();
        long watermark = Long.parseLong((String) rows.get(0)[0]);
        List<Object[]> changes = rows.get(0)[1] == null ? List.of() : rows;
        boolean hasNext = changes.size() > size;
        if (hasNext) {
            changes = changes.subList(0, size);
        }
        // The latest change of each record in the page stands for the page's earlier ones.
        Map<String, Object[]> latest = new LinkedHashMap<>();
        for (Object[] row : changes) {
            String key = row[3] + ":" + row[4];
            latest.remove(key);
            latest.put(key, row);
        }
        List<ChangeConnection.ChangeEdge> edges = new ArrayList<>();
        for (Object[] row : latest.values()) {
            Position at = new Position(Long.parseLong((String) row[1]), ((Number) row[2]).longValue());
            Change change = new Change(RecordType.valueOf((String) row[3]), String.valueOf(row[4]),
                    ChangeOperation.valueOf((String) row[5]), row[6] == null ? null : ((Number) row[6]).intValue(),
                    toOffset(row[7]));
            edges.add(new ChangeConnection.ChangeEdge(at.encode(), change));
        }
        // The end of a last page may move up to the watermark: every transaction under it has ended and
        // its rows for this reader are in this page or before it. The next call then skips other
        // regions' rows in between, and a consumer that is up to date never falls behind the horizon.
        Position end = from;
        if (!changes.isEmpty()) {
            Object[] last = changes.get(changes.size() - 1);
            end = new Position(Long.parseLong((String) last[1]), ((Number) last[2]).longValue());
        }
        Position mark = new Position(watermark, 0);
        if (!hasNext && mark.compareTo(end) > 0) {
            end = mark;
        }
        return new ChangeConnection(edges, new PageInfo(hasNext, end.encode()));
    }

    /**
     * The current records of the changes, null where the record is gone, the change is a DELETE or
     * the caller may not read it: one statement per record type for the ids the caller may read,
     * one for the entities.
     */
    @Transactional
    public List<ChangedRecord> records(List<Change> changes) {
        Map<RecordType, Set<Long>> wanted = new EnumMap<>(RecordType.class);
        for (Change c : changes) {
            if (c.operation() == ChangeOperation.UPSERT) {
                wanted.computeIfAbsent(c.recordType(), t -> new HashSet<>()).add(Long.valueOf(c.recordId()));
            }
        }
        Map<String, ChangedRecord> found = new HashMap<>();
        String readable = readablePrefix() + "%";
        Long unit = caller.unitId();
        wanted.forEach((type, ids) -> {
            var query = em.createNativeQuery("select t.id from " + type.table + " t where t.id = any(cast(:ids as bigint[]))"
                    + " and " + type.visible).setParameter("ids", ids.toArray(Long[]::new)).setParameter("readable", readable);
            if (type.visible.contains(":unit")) {
                query.setParameter("unit", unit == null ? -1L : unit);
            }
            @SuppressWarnings("unchecked")
            List<Number> visible = query.getResultList();
            if (visible.isEmpty()) {
                return;
            }
            List<Long> visibleIds = visible.stream().map(Number::longValue).toList();
            for (ChangedRecord record : em.createQuery("select e from " + type.entity.getSimpleName() + " e where e.id in :ids",
                    type.entity).setParameter("ids", visibleIds).getResultList()) {
                found.put(type + ":" + idOf(record), record);
            }
        });
        List<ChangedRecord> result = new ArrayList<>(changes.size());
        for (Change c : changes) {
            result.add(c.operation() == ChangeOperation.DELETE ? null : found.get(c.recordType() + ":" + c.recordId()));
        }
        return result;
    }

    /** The caller's region path prefix; '' for admins (everything). */
    String readablePrefix() {
        String prefix = caller.readablePathPrefix();
        return prefix == null ? "" : prefix;
    }

    /** A cursor from before the last pruned tombstone may have missed a deletion: the consumer must start over. */
    void requireNotPruned(Position from) {
        Object[] horizon = (Object[]) em.createNativeQuery("select xid::text, id from change_log_horizon").getSingleResult();
        Position pruned = new Position(Long.parseLong((String) horizon[0]), ((Number) horizon[1]).longValue());
        if (from.compareTo(Position.START) > 0 && from.compareTo(pruned) < 0) {
            throw new InvalidInput("The cursor 'after' is older than the deletions this service keeps (" + config.exchange().tombstoneDays()
                    + " days): changes since then can no longer be told apart from gaps. Re-export "
                    + "(GET /export/{recordType}.ndjson) and continue from the cursor on its last line.");
        }
    }

    // The mapped id, whatever the entity's base class (ProgressReport and EmergencyPlan are no TrackedEntity).
    private Object idOf(ChangedRecord record) {
        return em.getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(record);
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }
}

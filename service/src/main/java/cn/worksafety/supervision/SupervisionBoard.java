package cn.worksafety.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;


import cn.worksafety.common.AppConfig;
import cn.worksafety.alert.Alert;
import cn.worksafety.common.Batch;
import cn.worksafety.common.Cursor;
import cn.worksafety.common.KeysetOrder;
import cn.worksafety.common.NotFound;
import cn.worksafety.common.KeysetQuery;
import cn.worksafety.common.Page;
import cn.worksafety.common.PageRequest;
import cn.worksafety.organisation.OrganisationService;
import cn.worksafety.organisation.Region;
import cn.worksafety.security.Caller;

/**
 * The office's board (docs/supervision.md): the open alerts of units in a region and below, each
 * with its current and next step, the next step's due date and whether a reply is overdue, as of
 * a date; and per unit the counts. Three statements for a page whatever its size: the page with
 * the total, the page's alerts, and (when asked for) the per-unit counts.
 */
@ApplicationScoped
public class SupervisionBoard {

    /** The region (path prefix) and the day a board is computed for. */
    public record Scope(String pathPrefix, LocalDate asOf) {
    }

    // The board's alerts: open now, raised by asOf, of units in the region or below; actions issued by asOf.
    private static final String BOARD = "with " + SupervisionSql.state(
            "r.path like :prefix and cast(al.raised_at at time zone cast(:zone as text) as date) <= :asOf", "x.issued_on <= :asOf") + """
            ,
            late as (
                select distinct x.alert_id from supervision_action x join state s on s.alert_id = x.alert_id
                where x.issued_on <= :asOf and x.reply_by < :asOf and (x.replied_on is null or x.replied_on > :asOf)),
            board as (
                select s.*, l.alert_id is not null as reply_overdue
                from state s left join late l on l.alert_id = s.alert_id)
            """;

    /** The board's total and one page of it: the rows {@code b} where {@code after} holds (common.KeysetQuery.after). */
    private static String page(String after) {
        return BOARD + """
                , total as (select count(*) as n from board)
                select total.n, p.alert_id, p.current_step, p.next_step, p.next_due_on, p.reply_overdue
                from total
                """ + "left join lateral (select * from board b where " + after + " order by b.alert_id limit :limit) p on true"
                + " order by p.alert_id";
    }

    private static final String UNITS = BOARD + """
            select b.unit_id, b.current_step, count(*), count(*) filter (where b.reply_overdue),
                   count(*) filter (where b.next_due_on < :asOf)
            from board b group by b.unit_id, b.current_step order by b.unit_id, b.current_step""";

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    OrganisationService organisation;

    @Inject
    Clock clock;

    @Inject
    AppConfig config;

    /** A page of the board, oldest alert first, and the scope its per-unit counts are for. */
    public record BoardPage(Page<SupervisionBoardEntry> entries, Scope scope) {
    }

    public BoardPage page(String regionCode, LocalDate asOf, PageRequest request) {
        Region region = regionCode == null ? null : em.find(Region.class, regionCode);
        if (region == null || !caller.canRead(region)) {
            throw new NotFound("No region with code " + regionCode + ".");
        }
        Scope scope = new Scope(region.path, asOf == null ? LocalDate.now(clock) : asOf);
        Map<String, Object> params = new HashMap<>();
        String after = request.after() == null ? "true" : KeysetQuery.after(request.after(), null, "b.alert_id", params);
        Query query = bind(em.createNativeQuery(page(after)), scope).setParameter("limit", request.limit());
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        int total = ((Number) rows.get(0)[0]).intValue();
        Page<Object[]> page = Page.of(rows.stream().filter(row -> row[1] != null).toList(), request, total,
                row -> new Cursor(KeysetOrder.ID, null, ((Number) row[1]).longValue()));

        List<Long> ids = page.items().stream().map(row -> ((Number) row[1]).longValue()).toList();
        Map<Long, Alert> alerts = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("select a from Alert a where a.id in :ids", Alert.class).setParameter("ids", ids).getResultList()
                    .forEach(a -> alerts.put(a.id, a));
        }
        return new BoardPage(page.map(row -> new SupervisionBoardEntry(alerts.get(((Number) row[1]).longValue()), step(row[2]),
                step(row[3]), date(row[4]), (Boolean) row[5])), scope);
    }

    /** Per unit of the board: open alerts, not started, at each step, next step overdue, replies late; one statement. */
    public List<SupervisionUnitCounts> units(Scope scope) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(em.createNativeQuery(UNITS), scope).getResultList();
        Map<Long, List<Object[]>> byUnit = Batch.groupBy(rows, row -> ((Number) row[0]).longValue());
        List<SupervisionUnitCounts> counts = new ArrayList<>();
        byUnit.forEach((unit, unitRows) -> {
            int open = 0, notStarted = 0, overdue = 0, late = 0;
            List<StepCount> atStep = new ArrayList<>();
            for (Object[] row : unitRows) {
                int n = ((Number) row[2]).intValue();
                open += n;
                late += ((Number) row[3]).intValue();
                overdue += ((Number) row[4]).intValue();
                if (row[1] == null) {
                    notStarted += n;
                } else {
                    atStep.add(new StepCount(SupervisionStep.valueOf((String) row[1]), n));
                }
            }
            counts.add(new SupervisionUnitCounts(unit, open, notStarted, atStep, overdue, late));
        });
        return counts;
    }

    private jakarta.persistence.Query bind(jakarta.persistence.Query query, Scope scope) {
        return query.setParameter("prefix", scope.pathPrefix() + "%").setParameter("asOf", scope.asOf()).setParameter("zone", config.zone().getId());
    }

    private static SupervisionStep step(Object value) {
        return value == null ? null : SupervisionStep.valueOf((String) value);
    }

    private static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof LocalDate d ? d : ((java.sql.Date) value).toLocalDate();
    }
}

package cn.worksafety.training;

import cn.worksafety.common.KeysetOrder;
import cn.worksafety.common.KeysetQuery;

/**
 * The rules of {@link TrainingStates} in set-based SQL, for the check and the unit's gap list.
 * {@code completed_on + make_interval(months => n)} clamps to the end of a shorter month exactly
 * like {@link java.time.LocalDate#plusMonths} (TrainingSqlArithmeticTest checks the two agree).
 */
final class TrainingStateSql {

    private TrainingStateSql() {
    }

    /**
     * One row per person and rule that applies to them (the rule's role among theirs, the person's
     * unit in the rule's region or below) with the latest qualifying record, if any. Columns:
     * person_id, unit_id, person_name, rule_id, role, kind, description, record_id, completed_on, expires_on.
     *
     * @param personCondition a condition on {@code p} (person), e.g. {@code p.unit_id = :unitId}
     * @param upToAsOf        count only records completed on or before {@code :asOf}
     */
    static String latest(String personCondition, boolean upToAsOf) {
        return """
                select distinct on (a.person_id, a.rule_id)
                       a.person_id, a.unit_id, a.person_name, a.rule_id, a.role, a.kind, a.description,
                       rec.id as record_id, rec.completed_on,
                       coalesce(rec.valid_until,
                                cast(rec.completed_on + make_interval(months => a.validity_months) as date)) as expires_on
                from (select p.id as person_id, p.unit_id, p.name as person_name, t.id as rule_id, t.role, t.kind,
                             t.minimum_hours, t.validity_months, t.description
                      from person p
                      join unit u on u.id = p.unit_id
                      join region r on r.code = u.region_code
                      join training_rule t on t.role = any (p.roles)
                      left join region tr on tr.code = t.region_code
                      where (t.region_code is null or r.path like tr.path || '%%') and (%s)) a
                left join training_record rec
                       on rec.person_id = a.person_id and rec.kind = a.kind and rec.passed
                      and (a.minimum_hours is null or rec.hours >= a.minimum_hours) %s
                order by a.person_id, a.rule_id, rec.completed_on desc nulls last, rec.id desc
                """.formatted(personCondition, upToAsOf ? "and rec.completed_on <= cast(:asOf as date)" : "");
    }

    /** The state of a {@link #latest} row as of {@code :asOf} with {@code :expiringDays}. */
    static final String STATE = """
            case when record_id is null then 'MISSING'
                 when expires_on is null then 'VALID'
                 when expires_on < cast(:asOf as date) then 'EXPIRED'
                 when expires_on <= cast(:asOf as date) + cast(:expiringDays as integer) then 'EXPIRING'
                 else 'VALID' end""";

    /**
     * The open training alerts (joined to {@code s}, a {@link #latest} over all records) whose
     * condition has cleared, with the note (id, note, for {@code AlertLifecycle}): the rule no longer
     * applies, the person moved unit, a qualifying record now exists (MISSING), or the latest
     * qualifying record now expires on another day than the alert's period (a newer record, or a
     * correction). With {@code expiredAsOf}, an EXPIRING alert whose date has passed {@code :asOf}
     * is resolved too: the EXPIRED alert takes over.
     */
    static String cleared(String alertCondition, boolean expiredAsOf) {
        return """
                select a.id,
                       case when s.person_id is null then 'The training rule no longer applies to this person.'
                            when s.unit_id <> a.unit_id then 'The person now belongs to another unit.'
                            when a.kind = 'TRAINING_MISSING'
                                 then 'Qualifying training recorded (completed ' || to_char(s.completed_on, 'YYYY-MM-DD') || ').'
                            when s.record_id is null then 'No qualifying training on record any more (a record was corrected).'
                            when s.expires_on is null or to_char(s.expires_on, 'YYYY-MM-DD') <> a.period
                                 then 'Superseded by training completed ' || to_char(s.completed_on, 'YYYY-MM-DD')
                                      || coalesce(', valid until ' || to_char(s.expires_on, 'YYYY-MM-DD'), ', which does not expire') || '.'
                            else 'Expired on ' || a.period || ': see the TRAINING_EXPIRED alert.' end as note
                from alert a
                left join s on s.person_id = a.subject_id and s.rule_id = a.training_rule_id
                where a.training_rule_id is not null and a.status <> 'RESOLVED' and (%s)
                  and (s.person_id is null
                       or s.unit_id <> a.unit_id
                       or (a.kind = 'TRAINING_MISSING' and s.record_id is not null)
                       or (a.kind <> 'TRAINING_MISSING'
                           and (s.expires_on is null or to_char(s.expires_on, 'YYYY-MM-DD') <> a.period))
                       %s)
                """.formatted(alertCondition, expiredAsOf
                ? "or (a.kind = 'TRAINING_EXPIRING' and s.expires_on < cast(:asOf as date))" : "");
    }

    /**
     * The CTEs of the check ({@code AlertLifecycle}'s {@code with}): {@code s}, the latest
     * qualifying record per person and rule, and {@code cur}, its state as of {@code :asOf}. A
     * condition counts as of {@code :asOf} only if it still stands: when the latest qualifying
     * record was completed after {@code :asOf}, a replay of that day raises and reopens nothing for
     * the pair (the lapse has been made good since).
     */
    static String states() {
        return """
                s as (%s),
                cur as (select s.*, %s as state from s
                        where s.record_id is null or s.completed_on <= cast(:asOf as date))""".formatted(latest("true", false), STATE);
    }

    /**
     * The check's targets: one alert per person, rule and expiry date (EXPIRED, EXPIRING) or per
     * person and rule (MISSING). An EXPIRING condition is left out once the EXPIRED alert of the same
     * date exists (a replay of a day before the expiry date): its window has passed, so its alert is
     * neither raised nor reopened.
     */
    static final String TARGETS = """
            select 'TRAINING_' || c.state as kind, c.person_id as subject_id, c.unit_id, c.rule_id as training_rule_id,
                   case when c.state = 'MISSING' then null else to_char(c.expires_on, 'YYYY-MM-DD') end as period,
                   case c.state when 'MISSING' then 'No qualifying ' || c.kind || ' training on record'
                                when 'EXPIRED' then c.kind || ' training expired on ' || to_char(c.expires_on, 'YYYY-MM-DD')
                                else c.kind || ' training expires on ' || to_char(c.expires_on, 'YYYY-MM-DD') end
                       || ': ' || c.person_name || ' (' || c.role || coalesce(', ' || c.description, '') || ')' as message
            from cur c
            where c.state <> 'VALID'
              and not (c.state = 'EXPIRING'
                       and exists (select 1 from alert x
                                   where x.kind = 'TRAINING_EXPIRED' and x.subject_id = c.person_id and x.unit_id = c.unit_id
                                     and x.period = to_char(c.expires_on, 'YYYY-MM-DD') and x.training_rule_id = c.rule_id))""";

    /** The CTE {@code s} for one person ({@code :personId}), for resolving right after a change. */
    static String personState() {
        return "s as (" + latest("p.id = :personId", false) + ")";
    }

    /**
     * One keyset page of a unit's ({@code :unitId}) states among {@code :states} as of {@code :asOf},
     * rows {@code g} where {@code after} holds (common.KeysetQuery.after over g.person_id, g.rule_id),
     * at most {@code :limit} rows, each carrying the total: total, person_id, rule_id, state,
     * expires_on, record_id (one row of nulls but the total when the page is empty). The states are
     * materialized first: otherwise the planner pushes the keyset and ORDER BY ... LIMIT into the
     * person scan and walks every person in id order.
     */
    static String unitPage(String after) {
        return """
                with g as materialized (
                    select x.person_id, x.rule_id, x.state, x.expires_on, x.record_id
                    from (select s.*, %s as state from (%s) s) x
                    where x.state in (:states)),
                total as (select count(*) as n from g)
                select total.n, page.person_id, page.rule_id, page.state, page.expires_on, page.record_id
                from total
                left join lateral (select * from g
                                   where %s
                                   order by %s
                                   limit :limit) page on true
                order by page.person_id, page.rule_id
                """.formatted(STATE, latest("p.unit_id = :unitId", true), after, KeysetQuery.orderBy(KeysetOrder.PAIR, "g.person_id", "g.rule_id"));
    }
}

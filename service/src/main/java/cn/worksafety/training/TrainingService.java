package cn.worksafety.training;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import cn.worksafety.alert.Alert;
import cn.worksafety.audit.AuditTrail;
import cn.worksafety.common.AppConfig;
import cn.worksafety.common.Batch;
import cn.worksafety.common.Conflict;
import cn.worksafety.common.Ids;
import cn.worksafety.common.InvalidInput;
import cn.worksafety.common.KeysetOrder;
import cn.worksafety.common.NotFound;
import cn.worksafety.common.Page;
import cn.worksafety.common.PageRequest;
import cn.worksafety.common.Text;
import cn.worksafety.organisation.OrganisationService;
import cn.worksafety.organisation.Person;
import cn.worksafety.organisation.PersonRole;
import cn.worksafety.organisation.Region;
import cn.worksafety.organisation.RegionRepository;
import cn.worksafety.organisation.Unit;
import cn.worksafety.security.Caller;
import cn.worksafety.security.PersonalData;
import cn.worksafety.security.Role;

/**
 * Training rules, records and states (seed 003 三(四)1: new enforcement staff ≥ 3 months'
 * induction, ≥ 2 weeks' refresher a year; principal persons assessed yearly; special operators
 * certified). State rules: {@link TrainingStates}; the scheduled check: {@link TrainingCheck}.
 */
@ApplicationScoped
public class TrainingService {

    /** The earliest completion date accepted: older paper records are not worth entering. */
    static final LocalDate EARLIEST = LocalDate.of(1950, 1, 1);
    static final double MAX_HOURS = 10_000;
    static final Set<TrainingState> GAP_STATES = EnumSet.of(TrainingState.EXPIRED, TrainingState.EXPIRING, TrainingState.MISSING);

    @Inject
    TrainingRuleRepository rules;

    @Inject
    TrainingRecordRepository records;

    @Inject
    TrainingCheck check;

    @Inject
    RegionRepository regions;

    @Inject
    OrganisationService organisation;

    @Inject
    Caller caller;

    @Inject
    PersonalData personalData;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    AppConfig config;

    // ---------- rules ----------

    public List<TrainingRule> rules(PersonRole role) {
        return rules.visible(caller.readablePathPrefix(), role).capped("trainingRules", "trainingRulesConnection");
    }

    public Page<TrainingRule> rulesPage(PersonRole role, PageRequest page) {
        return rules.visible(caller.readablePathPrefix(), role).page(page);
    }

    /**
     * Coordinators set rules for their region (by default their own) and admins anywhere; without
     * a region an admin's rule applies everywhere. One rule per region, role and kind.
     */
    @Transactional
    public TrainingRule createRule(TrainingRuleInput input) {
        TrainingRule rule = new TrainingRule();
        rule.role = input.role;
        rule.kind = input.kind;
        rule.minimumHours = hours(input.minimumHours, "minimumHours");
        if (input.validityMonths != null && (input.validityMonths < 1 || input.validityMonths > 600)) {
            throw new InvalidInput("'validityMonths' must be between 1 and 600.");
        }
        rule.validityMonths = input.validityMonths;
        rule.description = Text.optional(input.description, "description", 500);
        String regionCode = Text.optional(input.regionCode, "regionCode", 12);
        if (regionCode == null && !caller.isAdmin()) {
            Unit own = caller.unit();
            if (own == null) {
                throw new InvalidInput("'regionCode' is required: your token names no unit whose region the rule could apply in.");
            }
            regionCode = own.regionCode;
        }
        if (regionCode != null) {
            // Regions are public; whether the caller may set rules there is the question.
            Region region = regions.findById(regionCode);
            if (region == null) {
                throw new InvalidInput("'regionCode' names no known region: " + regionCode + ".");
            }
            caller.requireRegionManager(region);
        }
        rule.regionCode = regionCode;
        if (rules.exists(rule.regionCode, rule.role, rule.kind)) {
            throw new Conflict("A " + rule.kind + " rule for " + rule.role + " already exists in "
                    + (rule.regionCode == null ? "the everywhere scope" : "region " + rule.regionCode) + ".");
        }
        rules.persist(rule);
        rules.flush();
        audit.created("createTrainingRule", rule);
        return rule;
    }

    // ---------- records ----------

    /**
     * Records a training of a person: admins anywhere, coordinators in their region, unit editors
     * for their own unit's people only. A qualifying record resolves the person's open training
     * alerts it makes good at once (the check would on its next run).
     */
    @Transactional
    public TrainingRecord record(TrainingRecordInput input) {
        Long personId = Ids.reference(input.personId, "personId");
        Person person = organisation.personById(personId);
        if (person == null || !organisation.canRead(organisation.unitById(person.unitId))) {
            throw new InvalidInput("'personId' names no person you can see: " + input.personId + ".");
        }
        requireEditor(person);
        TrainingRecord record = new TrainingRecord();
        record.personId = person.id;
        apply(record, input.kind, input.completedOn, input.hours, input.passed, input.certificateNumber, input.validUntil);
        records.persist(record);
        records.flush();
        audit.created("recordTraining", record);
        check.resolveCleared(person.id);
        return record;
    }

    /**
     * Corrects a record (every value replaced) if {@code version} is still the stored one, else
     * CONFLICT. Alerts the corrected record makes good are resolved at once; a correction that
     * opens a gap (e.g. hours below the minimum) is raised by the next check.
     */
    @Transactional
    public TrainingRecord correct(String id, int version, TrainingCorrectionInput input) {
        TrainingRecord record = records.findById(Ids.existing(id, "training record"));
        Person person = record == null ? null : organisation.personById(record.personId);
        if (person == null || !organisation.canRead(organisation.unitById(person.unitId))) {
            throw new NotFound("No training record with id " + id + ".");
        }
        requireEditor(person);
        Conflict.requireVersion("training record", record.version, version);
        String before = audit.snapshot(record);
        apply(record, input.kind, input.completedOn, input.hours, input.passed, input.certificateNumber, input.validUntil);
        records.flush();
        audit.updated("correctTrainingRecord", record, before);
        check.resolveCleared(person.id);
        return record;
    }

    private void requireEditor(Person person) {
        Unit unit = organisation.unitById(person.unitId);
        caller.requireUnitEditor(unit, organisation.regionOf(unit));
    }

    private void apply(TrainingRecord record, TrainingKind kind, LocalDate completedOn, Double hours, Boolean passed,
            String certificateNumber, LocalDate validUntil) {
        LocalDate today = LocalDate.now(clock);
        if (completedOn.isBefore(EARLIEST) || completedOn.isAfter(today)) {
            throw new InvalidInput("'completedOn' must be a date between " + EARLIEST + " and today (" + today + ").");
        }
        if (validUntil != null && validUntil.isBefore(completedOn)) {
            throw new InvalidInput("'validUntil' must not be before 'completedOn'.");
        }
        record.kind = kind;
        record.completedOn = completedOn;
        record.hours = hours(hours, "hours");
        record.passed = passed;
        record.certificateNumber = Text.optional(certificateNumber, "certificateNumber", 64);
        record.validUntil = validUntil;
    }

    private static Double hours(Double value, String field) {
        if (value != null && (value.isNaN() || value <= 0 || value > MAX_HOURS)) {
            throw new InvalidInput("'" + field + "' must be more than 0 and at most " + (int) MAX_HOURS + " hours.");
        }
        return value;
    }

    // ---------- states ----------

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * Each person's standing against every rule that applies to them (the rule's role among
     * theirs, their unit in the rule's region), as of the date (default today), in rule order.
     * Three queries for any number of persons.
     */
    public List<List<TrainingStatus>> statusesFor(List<Person> persons, LocalDate asOf) {
        LocalDate date = asOf == null ? today() : asOf;
        Set<PersonRole> roles = persons.stream().flatMap(p -> p.getRoles().stream())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(PersonRole.class)));
        List<TrainingRuleRepository.Scoped> candidates = rules.forRoles(roles);
        if (candidates.isEmpty()) {
            return persons.stream().map(p -> List.<TrainingStatus>of()).toList();
        }
        Map<Long, String> unitPaths = records.unitRegionPaths(persons.stream().map(p -> p.unitId).distinct().toList());
        Map<Long, List<TrainingRecord>> byPerson = Batch.groupBy(
                records.ofPersons(persons.stream().map(p -> p.id).distinct().toList(), null), r -> r.personId);
        List<List<TrainingStatus>> result = new ArrayList<>(persons.size());
        for (Person person : persons) {
            List<PersonRole> held = person.getRoles();
            String path = unitPaths.get(person.unitId);
            List<TrainingRecord> own = byPerson.getOrDefault(person.id, List.of());
            result.add(candidates.stream()
                    .filter(c -> held.contains(c.rule().role) && c.covers(path))
                    .map(c -> TrainingStates.evaluate(c.rule(), own, date, config.training().expiringDays()))
                    .toList());
        }
        return result;
    }

    /** Each person's records (of one kind when given), newest first: their training history. */
    public List<List<TrainingRecord>> recordsFor(List<Person> persons, TrainingKind kind) {
        return Batch.grouped(persons.stream().map(p -> p.id).toList(),
                records.ofPersons(persons.stream().map(p -> p.id).distinct().toList(), kind), r -> r.personId);
    }

    /**
     * The people of a unit the caller can read whose training against a rule is in one of the
     * states (default EXPIRED, EXPIRING, MISSING) as of the date (default today), by person then
     * rule, keyset-paged. Computed in SQL with the same rules as {@link #statusesFor}.
     */
    public Page<TrainingGap> gaps(String unitId, List<TrainingState> states, LocalDate asOf, Integer first, String after) {
        Unit unit = organisation.unit(unitId);
        if (states != null && states.contains(null)) {
            throw new InvalidInput("'states' must not contain null.");
        }
        Set<TrainingState> wanted = states == null || states.isEmpty() ? GAP_STATES : EnumSet.copyOf(states);
        LocalDate date = asOf == null ? today() : asOf;
        // The paging arguments are checked here, after the unit and states, as they always were.
        PageRequest request = PageRequest.ordered(first, after, KeysetOrder.PAIR);

        Page<TrainingRecordRepository.StateRow> page = records.unitStates(unit.id, wanted, date, config.training().expiringDays(),
                request);
        List<TrainingRecordRepository.StateRow> rows = page.items();
        Map<Long, Person> persons = byId(organisation.personsFor(rows.stream().map(r -> r.personId()).distinct().toList()), p -> p.id);
        Map<Long, TrainingRule> rulesById = byId(rules.byIds(rows.stream().map(r -> r.ruleId()).distinct().toList()), r -> r.id);
        Map<Long, TrainingRecord> recordsById = byId(records.byIds(rows.stream().map(r -> r.recordId())
                .filter(java.util.Objects::nonNull).distinct().toList()), r -> r.id);
        return page.map(r -> new TrainingGap(persons.get(r.personId()), rulesById.get(r.ruleId()), r.state(), r.expiresOn(),
                r.recordId() == null ? null : recordsById.get(r.recordId())));
    }

    private static <K, V> Map<K, V> byId(Collection<V> rows, Function<V, K> key) {
        Map<K, V> map = new HashMap<>();
        rows.forEach(row -> map.put(key.apply(row), row));
        return map;
    }

    // ---------- batch loading for nested fields ----------

    /** Certificate numbers, masked unless the caller may see the holder's personal data. */
    public List<String> certificateNumbers(List<TrainingRecord> list) {
        List<Person> holders = organisation.personsFor(list.stream().map(r -> r.certificateNumber == null ? null : r.personId).toList());
        List<String> result = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            Person holder = holders.get(i);
            result.add(holder == null ? null : personalData.certificateNumber(list.get(i).certificateNumber, holder.unitId));
        }
        return result;
    }

    public List<Person> personsOf(List<TrainingRecord> list) {
        return organisation.personsFor(list.stream().map(r -> r.personId).toList());
    }

    public List<Region> regionsOf(List<TrainingRule> list) {
        return organisation.regionsFor(list.stream().map(r -> r.regionCode).toList());
    }

    /** The rule each training alert is about; null for alerts of other kinds. */
    public List<TrainingRule> rulesOfAlerts(List<Alert> alerts) {
        Map<Long, Long> ruleIds = records.ruleIdsOfAlerts(alerts.stream().map(a -> a.id).toList());
        Map<Long, TrainingRule> byId = byId(rules.byIds(ruleIds.values().stream().distinct().toList()), r -> r.id);
        return alerts.stream().map(a -> ruleIds.containsKey(a.id) ? byId.get(ruleIds.get(a.id)) : null).toList();
    }
}

package cn.worksafety.linkage;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.runtime.annotations.RegisterForReflection;

import cn.worksafety.audit.AuditTrail;
import cn.worksafety.common.Batch;
import cn.worksafety.common.Conflict;
import cn.worksafety.common.Forbidden;
import cn.worksafety.common.Ids;
import cn.worksafety.common.InvalidInput;
import cn.worksafety.common.ListQuery;
import cn.worksafety.common.NotFound;
import cn.worksafety.common.Page;
import cn.worksafety.common.PageRequest;
import cn.worksafety.common.Period;
import cn.worksafety.common.Text;
import cn.worksafety.organisation.OrganisationService;
import cn.worksafety.organisation.Region;
import cn.worksafety.organisation.Unit;
import cn.worksafety.security.Caller;
import cn.worksafety.security.Role;

/**
 * Linkage mechanisms and their activations. A caller reads a mechanism (and its activations)
 * when the lead unit lies in the caller's region or the caller's own unit takes part in it;
 * coordinators (and admins) maintain mechanisms whose lead unit lies in their region; the lead
 * and participating units' editors record activations of the mechanisms they take part in.
 * Every change is audited in its own transaction.
 */
@ApplicationScoped
public class LinkageService {

    static final int MAX_PARTICIPANTS = 100;
    static final int MAX_TRIGGERS = 30;
    static final int MAX_ACTIVATION_UNITS = 200;
    static final int MAX_IDLE_MONTHS = 120;

    @Inject
    LinkageMechanismRepository mechanisms;

    @Inject
    LinkageParticipantRepository participants;

    @Inject
    LinkageActivationRepository activations;

    @Inject
    OrganisationService organisation;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    // ---------- reads ----------

    /**
     * A mechanism whose lead unit lies in the caller's region or in which the caller's unit takes
     * part, else NOT_FOUND (no existence leak).
     */
    public LinkageMechanism mechanism(String id) {
        LinkageMechanism mechanism = mechanisms.readable(Ids.existing(id, "linkage mechanism"), reader());
        if (mechanism == null) {
            throw new NotFound("No linkage mechanism with id " + id + ".");
        }
        return mechanism;
    }

    /**
     * Mechanisms the caller reads (see {@link #mechanism}), in creation order. With
     * {@code unitId}, those the unit leads ({@code role} LEAD), takes part in (PARTICIPANT) or
     * either (no role); {@code unitId} narrows what the caller reads, never widens it. With
     * {@code notActivatedWithinMonths}, only those with no activation starting in that many
     * months up to and including {@code asOf} (default today): for 12 months as of 2026-03-31,
     * 2025-04-01 to 2026-03-31. Activations of every kind count. Retired mechanisms only with
     * {@code includeRetired}.
     */
    public List<LinkageMechanism> mechanisms(LinkageKind kind, String unitId, LinkageRole role, Boolean includeRetired,
            Integer notActivatedWithinMonths, LocalDate asOf) {
        return mechanismQuery(kind, unitId, role, includeRetired, notActivatedWithinMonths, asOf)
                .capped("linkageMechanisms", "linkageMechanismsConnection");
    }

    public Page<LinkageMechanism> mechanismsPage(LinkageKind kind, String unitId, LinkageRole role, Boolean includeRetired,
            Integer notActivatedWithinMonths, LocalDate asOf, PageRequest page) {
        return mechanismQuery(kind, unitId, role, includeRetired, notActivatedWithinMonths, asOf).page(page);
    }

    private ListQuery<LinkageMechanism> mechanismQuery(LinkageKind kind, String unitId, LinkageRole role, Boolean includeRetired,
            Integer notActivatedWithinMonths, LocalDate asOf) {
        Long unit = Ids.reference(unitId, "unitId");
        if (role != null && unit == null) {
            throw new InvalidInput("'role' needs a 'unitId': it says how that unit stands in the mechanisms.");
        }
        OffsetDateTime idleFrom = null;
        OffsetDateTime idleTo = null;
        if (notActivatedWithinMonths != null) {
            if (notActivatedWithinMonths < 1 || notActivatedWithinMonths > MAX_IDLE_MONTHS) {
                throw new InvalidInput("'notActivatedWithinMonths' must be between 1 and " + MAX_IDLE_MONTHS + ".");
            }
            LocalDate day = asOf == null ? today() : asOf;
            idleFrom = startOf(day.minusMonths(notActivatedWithinMonths).plusDays(1));
            idleTo = startOf(day.plusDays(1));
        } else if (asOf != null) {
            throw new InvalidInput("'asOf' applies only together with 'notActivatedWithinMonths'.");
        }
        return mechanisms.search(new LinkageMechanismRepository.Filter(reader(), kind, unit, role,
                Boolean.TRUE.equals(includeRetired), idleFrom, idleTo));
    }

    /**
     * Activations of the mechanisms the caller reads, in recording order (keyset by id), or in
     * change order with {@code updatedSince}; filters as {@link #activationFilter}.
     */
    public Page<LinkageActivation> activations(String mechanismId, String unitId, ActivationKind kind, String period,
            LocalDate from, LocalDate to, PageRequest page) {
        return activations.page(reader(), Ids.reference(mechanismId, "mechanismId"),
                activationFilter(unitId, kind, period, from, to), page);
    }

    /** The caller as a reader of mechanisms: by region, and by the mechanisms its own unit takes part in. */
    private LinkageMechanismRepository.Reader reader() {
        String prefix = caller.readablePathPrefix();
        return new LinkageMechanismRepository.Reader(prefix, prefix == null ? null : caller.unitId());
    }

    /**
     * Activations that started within {@code period} (a period key) and within {@code from} ..
     * {@code to} (calendar days in the service's zone, both inclusive), in which {@code unitId}
     * took part, of {@code kind}; every filter optional.
     */
    LinkageActivationRepository.Filter activationFilter(String unitId, ActivationKind kind, String period, LocalDate from,
            LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidInput("'from' (" + from + ") is after 'to' (" + to + ").");
        }
        LocalDate first = from;
        LocalDate last = to;
        if (period != null) {
            Period key = Period.parse(period, "period");
            first = first == null || key.start().isAfter(first) ? key.start() : first;
            last = last == null || key.end().isBefore(last) ? key.end() : last;
        }
        return new LinkageActivationRepository.Filter(first == null ? null : startOf(first),
                last == null ? null : startOf(last.plusDays(1)), Ids.reference(unitId, "unitId"), kind);
    }

    // ---------- batch loading for nested fields: one statement per field, whatever the number of parents ----------

    public List<List<LinkageParticipant>> participantsFor(List<LinkageMechanism> parents) {
        Map<Long, List<LinkageParticipant>> byMechanism = new HashMap<>();
        for (LinkageParticipant p : participants.forMechanisms(ids(parents))) {
            byMechanism.computeIfAbsent(p.mechanismId, k -> new ArrayList<>()).add(p);
        }
        return parents.stream().map(m -> byMechanism.getOrDefault(m.id, List.of())).toList();
    }

    public List<List<LinkageActivation>> activationsFor(List<LinkageMechanism> parents, LinkageActivationRepository.Filter filter) {
        Map<Long, List<LinkageActivation>> byMechanism = new HashMap<>();
        for (LinkageActivation a : activations.forMechanisms(ids(parents), filter)) {
            byMechanism.computeIfAbsent(a.mechanismId, k -> new ArrayList<>()).add(a);
        }
        ListQuery.capEach(byMechanism.values(), "activations", "page through them with 'linkageActivations(mechanismId: ...)'.");
        return parents.stream().map(m -> byMechanism.getOrDefault(m.id, List.of())).toList();
    }

    /** For each mechanism, every activation kind with the number of activations started in the period (zeros included). */
    public List<List<ActivationCount>> countsFor(List<LinkageMechanism> parents, String period) {
        Period key = Period.parse(period, "period");
        Map<Long, Map<ActivationKind, Integer>> byMechanism = new HashMap<>();
        for (Object[] row : activations.counts(ids(parents), startOf(key.start()), startOf(key.end().plusDays(1)))) {
            byMechanism.computeIfAbsent((Long) row[0], k -> new EnumMap<>(ActivationKind.class))
                    .put((ActivationKind) row[1], ((Number) row[2]).intValue());
        }
        return parents.stream().map(m -> {
            Map<ActivationKind, Integer> counts = byMechanism.getOrDefault(m.id, Map.of());
            return Arrays.stream(ActivationKind.values()).map(k -> new ActivationCount(k, counts.getOrDefault(k, 0))).toList();
        }).toList();
    }

    public List<OffsetDateTime> lastActivatedFor(List<LinkageMechanism> parents) {
        Map<Long, OffsetDateTime> last = new HashMap<>();
        for (Object[] row : activations.lastStarts(ids(parents))) {
            last.put((Long) row[0], (OffsetDateTime) row[1]);
        }
        return parents.stream().map(m -> last.get(m.id)).toList();
    }

    public List<LinkageMechanism> mechanismsFor(List<LinkageActivation> parents) {
        return Batch.inOrder(parents.stream().map(a -> a.mechanismId).toList(),
                mechanisms.byIds(parents.stream().map(a -> a.mechanismId).distinct().toList()), m -> m.id);
    }

    /** The units that took part in each activation; only those outside the mechanism with {@code outsidersOnly}. */
    public List<List<Unit>> unitsFor(List<LinkageActivation> parents, boolean outsidersOnly) {
        Map<Long, List<Unit>> byActivation = new HashMap<>();
        for (Object[] row : activations.units(parents.stream().map(a -> a.id).distinct().toList(), outsidersOnly)) {
            byActivation.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((Unit) row[1]);
        }
        return parents.stream().map(a -> byActivation.getOrDefault(a.id, List.of())).toList();
    }

    private static List<Long> ids(List<LinkageMechanism> parents) {
        return parents.stream().map(m -> m.id).distinct().toList();
    }

    // ---------- changes ----------

    /** Coordinators create mechanisms led by a unit of their region; admins anywhere. */
    @Transactional
    public LinkageMechanism create(LinkageMechanismInput input) {
        LinkageMechanism mechanism = new LinkageMechanism();
        List<LinkageParticipant> members = apply(mechanism, input);
        persist(mechanism, members);
        audit.changed("createLinkageMechanism", "LinkageMechanism", mechanism.id, null, audit.snapshot(record(mechanism, members)));
        return mechanism;
    }

    /**
     * Replaces a mechanism's name, kind, scope, lead, participants with their duties and
     * triggers, if the caller saw the current {@code version} (else CONFLICT). A retired
     * mechanism is no longer changed.
     */
    @Transactional
    public LinkageMechanism update(String id, int version, LinkageMechanismInput input) {
        LinkageMechanism mechanism = mechanism(id);
        caller.requireRegionManager(organisation.regionOf(organisation.unitsFor(List.of(mechanism.leadUnitId)).get(0)));
        Conflict.requireVersion("mechanism", mechanism.version, version);
        if (!mechanism.isActive()) {
            throw new Conflict("The mechanism was retired on " + mechanism.retiredOn + " and is no longer changed.");
        }
        String before = audit.snapshot(record(mechanism, participantsFor(List.of(mechanism)).get(0)));
        List<LinkageParticipant> members = apply(mechanism, input);
        participants.deleteForMechanism(mechanism.id);
        persistParticipants(mechanism, members);
        // Participants live in their own table: touching the mechanism bumps its version and updatedAt.
        mechanism.updatedAt = OffsetDateTime.now(clock);
        mechanisms.flush();
        audit.changed("updateLinkageMechanism", "LinkageMechanism", mechanism.id, before, audit.snapshot(record(mechanism, members)));
        return mechanism;
    }

    /**
     * Retires a mechanism (it stays readable with {@code includeRetired}, with its activations);
     * {@code retiredOn} defaults to today, may not be in the future nor before an activation
     * already recorded.
     */
    @Transactional
    public LinkageMechanism retire(String id, int version, LocalDate retiredOn, String note) {
        LinkageMechanism mechanism = mechanism(id);
        caller.requireRegionManager(organisation.regionOf(organisation.unitsFor(List.of(mechanism.leadUnitId)).get(0)));
        Conflict.requireVersion("mechanism", mechanism.version, version);
        if (!mechanism.isActive()) {
            throw new Conflict("The mechanism was already retired on " + mechanism.retiredOn + ".");
        }
        LocalDate day = retiredOn == null ? today() : retiredOn;
        if (day.isAfter(today())) {
            throw new InvalidInput("'retiredOn' may not be in the future (" + day + ").");
        }
        OffsetDateTime last = lastActivatedFor(List.of(mechanism)).get(0);
        if (last != null && !last.isBefore(startOf(day.plusDays(1)))) {
            throw new InvalidInput("'retiredOn' (" + day + ") is before the mechanism's last activation, which started at "
                    + last + ".");
        }
        String retirementNote = Text.optional(note, "note", 1000);
        List<LinkageParticipant> members = participantsFor(List.of(mechanism)).get(0);
        String before = audit.snapshot(record(mechanism, members));
        mechanism.retiredOn = day;
        mechanism.retirementNote = retirementNote;
        mechanisms.flush();
        audit.changed("retireLinkageMechanism", "LinkageMechanism", mechanism.id, before, audit.snapshot(record(mechanism, members)));
        return mechanism;
    }

    /**
     * Records an activation. Allowed to admins, coordinators of the lead unit's region and
     * editors of the lead or a participating unit (wherever that unit lies). The units named are
     * those that actually took part; a unit outside the mechanism may join (a real emergency
     * draws in others, recorded by the committee office) and is marked as such; see
     * {@link #activationUnits} for which. An
     * activation may not end before it starts, lie in the future or start after the mechanism
     * was retired.
     */
    @Transactional
    public LinkageActivation recordActivation(LinkageActivationInput input) {
        LinkageMechanism mechanism = mechanism(input.mechanismId);
        Set<Long> members = new HashSet<>();
        members.add(mechanism.leadUnitId);
        participantsFor(List.of(mechanism)).get(0).forEach(p -> members.add(p.unitId));
        requireActivationRecorder(mechanism, members);

        LinkageActivation activation = new LinkageActivation();
        activation.mechanismId = mechanism.id;
        activation.kind = required(input.kind, "kind");
        activation.startedAt = instant(required(input.startedAt, "startedAt"));
        activation.endedAt = input.endedAt == null ? null : instant(input.endedAt);
        if (activation.endedAt != null && activation.endedAt.isBefore(activation.startedAt)) {
            throw new InvalidInput("'endedAt' (" + input.endedAt + ") is before 'startedAt' (" + input.startedAt
                    + "): an activation cannot end before it starts.");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (activation.startedAt.isAfter(now) || (activation.endedAt != null && activation.endedAt.isAfter(now))) {
            throw new InvalidInput("Only activations that have happened are recorded: 'startedAt' and 'endedAt' may not be in the future.");
        }
        if (mechanism.retiredOn != null && !activation.startedAt.isBefore(startOf(mechanism.retiredOn.plusDays(1)))) {
            throw new InvalidInput("The mechanism was retired on " + mechanism.retiredOn + "; an activation after that day cannot be recorded.");
        }
        activation.summary = Text.optional(input.summary, "summary", 4000);
        List<Unit> units = activationUnits(input.unitIds, members);
        activation.drewInNonParticipants = units.stream().anyMatch(u -> !members.contains(u.id));
        activation.recordedByUnitId = caller.unitId();
        activations.persist(activation);
        int position = 0;
        List<ActivationUnitRecord> unitRecords = new ArrayList<>();
        for (Unit unit : units) {
            LinkageActivationUnit row = new LinkageActivationUnit();
            row.activationId = activation.id;
            row.unitId = unit.id;
            row.participant = members.contains(unit.id);
            row.position = position++;
            activations.persistUnit(row);
            unitRecords.add(new ActivationUnitRecord(unit.id, unit.code, row.participant));
        }
        audit.changed("recordActivation", "LinkageActivation", activation.id, null,
                audit.snapshot(new ActivationRecord(activation, unitRecords)));
        return activation;
    }

    private void requireActivationRecorder(LinkageMechanism mechanism, Set<Long> members) {
        if (caller.isAdmin()) {
            return;
        }
        Unit lead = organisation.unitsFor(List.of(mechanism.leadUnitId)).get(0);
        if (caller.has(Role.COORDINATOR) && caller.canRead(organisation.regionOf(lead))) {
            return;
        }
        if (caller.has(Role.UNIT_EDITOR) && caller.unitId() != null && members.contains(caller.unitId())) {
            return;
        }
        throw new Forbidden("Only the lead and participating units of the mechanism (or the committee office of its region) "
                + "record its activations.");
    }

    /**
     * The units named as having taken part, in the order given without duplicates. Accepted: the
     * lead and participants of the mechanism ({@code members}); from admins and coordinators also
     * units of their readable region and of a region above their own (a county's or city's rescue
     * team drawn into a town's response). A unit editor names only members: it records for its own
     * unit, not that units outside the mechanism took part (FORBIDDEN, the committee office records
     * those). Anything else, unknown ids included, is refused with one message per rule, so a
     * refusal does not tell whether a unit exists.
     */
    private List<Unit> activationUnits(List<String> unitIds, Set<Long> members) {
        if (unitIds == null || unitIds.isEmpty()) {
            throw new InvalidInput("'unitIds' must name at least one unit that took part.");
        }
        LinkedHashSet<Long> ids = new LinkedHashSet<>();
        for (String unitId : unitIds) {
            ids.add(Ids.reference(required(unitId, "unitIds"), "unitIds"));
        }
        if (ids.size() > MAX_ACTIVATION_UNITS) {
            throw new InvalidInput("'unitIds' may name at most " + MAX_ACTIVATION_UNITS + " units.");
        }
        List<Long> order = new ArrayList<>(ids);
        if (!caller.isAdmin() && !caller.has(Role.COORDINATOR)) {
            for (Long id : order) {
                if (!members.contains(id)) {
                    throw new Forbidden("A unit editor names only the mechanism's lead and participating units in 'unitIds' ("
                            + id + " is neither); units drawn in from outside the mechanism are recorded by the committee office.");
                }
            }
        }
        List<Unit> units = organisation.unitsFor(order);
        List<Region> regions = organisation.regionsFor(units.stream().map(u -> u == null ? null : u.regionCode).toList());
        for (int i = 0; i < units.size(); i++) {
            Unit unit = units.get(i);
            boolean accepted = unit != null && (members.contains(unit.id) || caller.canRead(regions.get(i))
                    || caller.isAboveOwnRegion(regions.get(i)));
            if (!accepted) {
                throw new InvalidInput("'unitIds' names no unit that can take part: " + order.get(i) + ". Name the mechanism's "
                        + "lead or participating units, units of your region or units of a region above yours.");
            }
        }
        return units;
    }

    /** Validates the input and sets the mechanism's own fields; returns the participants to store. */
    private List<LinkageParticipant> apply(LinkageMechanism mechanism, LinkageMechanismInput input) {
        String name = Text.required(input.name, "name", 200);
        LinkageKind kind = required(input.kind, "kind");
        Long leadId = Ids.reference(input.leadUnitId, "leadUnitId");
        if (leadId == null) {
            throw new InvalidInput("'leadUnitId' is required: every mechanism has a lead unit (牵头单位).");
        }
        Unit lead = organisation.readableUnit(leadId, "leadUnitId");
        caller.requireRegionManager(organisation.regionOf(lead));

        List<LinkageParticipantInput> given = input.participants == null ? List.of() : input.participants;
        if (given.isEmpty()) {
            throw new InvalidInput("'participants' must name at least one unit besides the lead: a linkage mechanism joins departments.");
        }
        if (given.size() > MAX_PARTICIPANTS) {
            throw new InvalidInput("'participants' may name at most " + MAX_PARTICIPANTS + " units.");
        }
        List<LinkageParticipant> members = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (LinkageParticipantInput p : given) {
            Long unitId = Ids.reference(required(p, "participants").unitId, "participants.unitId");
            Unit unit = organisation.readableUnit(unitId, "participants.unitId");
            if (unit.id.equals(lead.id)) {
                throw new InvalidInput("The lead unit " + lead.code + " takes part by leading; do not list it among the participants.");
            }
            if (!seen.add(unit.id)) {
                throw new InvalidInput("'participants' names unit " + unit.code + " twice; give each unit once with all its duties.");
            }
            LinkageParticipant member = new LinkageParticipant();
            member.unitId = unit.id;
            member.duty = Text.optional(p.duty, "participants.duty", 1000);
            members.add(member);
        }

        List<String> triggers = new ArrayList<>();
        for (String trigger : input.triggers == null ? List.<String>of() : input.triggers) {
            String t = Text.required(trigger, "triggers", 200);
            if (!triggers.contains(t)) {
                triggers.add(t);
            }
        }
        if (triggers.size() > MAX_TRIGGERS) {
            throw new InvalidInput("'triggers' may list at most " + MAX_TRIGGERS + " entries.");
        }

        mechanism.name = name;
        mechanism.kind = kind;
        mechanism.scope = Text.optional(input.scope, "scope", 200);
        mechanism.leadUnitId = lead.id;
        mechanism.triggers = triggers;
        mechanism.description = Text.optional(input.description, "description", 4000);
        mechanism.basis = Text.optional(input.basis, "basis", 500);
        return members;
    }

    /** Stores a new mechanism with its participants; also used by the sample data. */
    public void persist(LinkageMechanism mechanism, List<LinkageParticipant> members) {
        mechanisms.persist(mechanism);
        persistParticipants(mechanism, members);
    }

    private void persistParticipants(LinkageMechanism mechanism, List<LinkageParticipant> members) {
        int position = 0;
        for (LinkageParticipant member : members) {
            member.mechanismId = mechanism.id;
            member.position = position++;
            participants.persist(member);
        }
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidInput("'" + field + "' is required.");
        }
        return value;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The first instant of a calendar day in the service's zone. */
    private OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(clock.getZone()).toOffsetDateTime();
    }

    /** Instants are stored as PostgreSQL keeps them: UTC, microseconds. */
    private static OffsetDateTime instant(OffsetDateTime value) {
        return value.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    // ---------- audit snapshots: a mechanism with its participants, an activation with its units ----------

    /** A mechanism with its participants as the audit trail keeps it; also used by the sample data. */
    public static MechanismRecord record(LinkageMechanism m, List<LinkageParticipant> members) {
        return new MechanismRecord(m.id, m.name, m.kind, m.scope, m.leadUnitId, List.copyOf(m.triggers), m.description, m.basis,
                m.retiredOn, m.retirementNote, m.version, m.updatedAt,
                members.stream().map(p -> new ParticipantRecord(p.unitId, p.duty)).toList());
    }

    @RegisterForReflection
    public record ParticipantRecord(Long unitId, String duty) {
    }

    @RegisterForReflection
    public record MechanismRecord(Long id, String name, LinkageKind kind, String scope, Long leadUnitId, List<String> triggers,
            String description, String basis, LocalDate retiredOn, String retirementNote, int version,
            OffsetDateTime updatedAt, List<ParticipantRecord> participants) {
    }

    @RegisterForReflection
    public record ActivationUnitRecord(Long unitId, String code, boolean participant) {
    }

    @RegisterForReflection
    public record ActivationRecord(LinkageActivation activation, List<ActivationUnitRecord> units) {
    }
}

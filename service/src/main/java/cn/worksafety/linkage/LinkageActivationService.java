package cn.worksafety.linkage;

import static cn.worksafety.linkage.LinkageMechanismService.required;

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
import cn.worksafety.common.Forbidden;
import cn.worksafety.common.Ids;
import cn.worksafety.common.InvalidInput;
import cn.worksafety.common.ListQuery;
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
 * Activations of linkage mechanisms. A caller reads the activations of the mechanisms it reads
 * ({@link LinkageMechanismService}); the lead and participating units' editors record
 * activations of the mechanisms they take part in. Every activation is audited in its own
 * transaction.
 */
@ApplicationScoped
public class LinkageActivationService {

    static final int MAX_ACTIVATION_UNITS = 200;

    @Inject
    LinkageMechanismService mechanisms;

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
     * Activations of the mechanisms the caller reads, in recording order (keyset by id), or in
     * change order with {@code updatedSince}; filters as {@link #activationFilter}.
     */
    public Page<LinkageActivation> activations(String mechanismId, String unitId, ActivationKind kind, String period,
            LocalDate from, LocalDate to, PageRequest page) {
        return activations.page(mechanisms.reader(), Ids.reference(mechanismId, "mechanismId"),
                activationFilter(unitId, kind, period, from, to), page);
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
        return new LinkageActivationRepository.Filter(first == null ? null : mechanisms.startOf(first),
                last == null ? null : mechanisms.startOf(last.plusDays(1)), Ids.reference(unitId, "unitId"), kind);
    }

    // ---------- batch loading for nested fields: one statement per field, whatever the number of parents ----------

    public List<List<LinkageActivation>> activationsFor(List<LinkageMechanism> parents, LinkageActivationRepository.Filter filter) {
        List<List<LinkageActivation>> grouped = Batch.grouped(parents.stream().map(m -> m.id).toList(),
                activations.forMechanisms(ids(parents), filter), a -> a.mechanismId);
        ListQuery.capEach(grouped, "activations", "page through them with 'linkageActivations(mechanismId: ...)'.");
        return grouped;
    }

    /** For each mechanism, every activation kind with the number of activations started in the period (zeros included). */
    public List<List<ActivationCount>> countsFor(List<LinkageMechanism> parents, String period) {
        Period key = Period.parse(period, "period");
        Map<Long, Map<ActivationKind, Integer>> byMechanism = new HashMap<>();
        for (Object[] row : activations.counts(ids(parents), mechanisms.startOf(key.start()), mechanisms.startOf(key.end().plusDays(1)))) {
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

    /** The units that took part in each activation; only those outside the mechanism with {@code outsidersOnly}. */
    public List<List<Unit>> unitsFor(List<LinkageActivation> parents, boolean outsidersOnly) {
        List<Object[]> rows = activations.units(parents.stream().map(a -> a.id).distinct().toList(), outsidersOnly);
        return Batch.grouped(parents.stream().map(a -> a.id).toList(), rows, row -> (Long) row[0]).stream()
                .map(group -> group.stream().map(row -> (Unit) row[1]).toList()).toList();
    }

    private static List<Long> ids(List<LinkageMechanism> parents) {
        return parents.stream().map(m -> m.id).distinct().toList();
    }

    // ---------- changes ----------

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
        LinkageMechanism mechanism = mechanisms.mechanism(input.mechanismId);
        Set<Long> members = new HashSet<>();
        members.add(mechanism.leadUnitId);
        mechanisms.participants(mechanism).forEach(p -> members.add(p.unitId));
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
        if (mechanism.retiredOn != null && !activation.startedAt.isBefore(mechanisms.startOf(mechanism.retiredOn.plusDays(1)))) {
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
        Unit lead = organisation.unitById(mechanism.leadUnitId);
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

    /** Instants are stored as PostgreSQL keeps them: UTC, microseconds. */
    private static OffsetDateTime instant(OffsetDateTime value) {
        return value.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    // ---------- audit snapshots: an activation with its units ----------

    @RegisterForReflection
    public record ActivationUnitRecord(Long unitId, String code, boolean participant) {
    }

    @RegisterForReflection
    public record ActivationRecord(LinkageActivation activation, List<ActivationUnitRecord> units) {
    }
}

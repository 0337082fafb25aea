package cn.worksafety.linkage;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.runtime.annotations.RegisterForReflection;

import cn.worksafety.audit.AuditTrail;
import cn.worksafety.common.Batch;
import cn.worksafety.common.Conflict;
import cn.worksafety.common.Ids;
import cn.worksafety.common.InvalidInput;
import cn.worksafety.common.ListQuery;
import cn.worksafety.common.NotFound;
import cn.worksafety.common.Page;
import cn.worksafety.common.PageRequest;
import cn.worksafety.common.Text;
import cn.worksafety.organisation.OrganisationService;
import cn.worksafety.organisation.Unit;
import cn.worksafety.security.Caller;

/**
 * Linkage mechanisms with their participants. A caller reads a mechanism when the lead unit lies
 * in the caller's region or the caller's own unit takes part in it; coordinators (and admins)
 * maintain mechanisms whose lead unit lies in their region. Every change is audited in its own
 * transaction. Activations: {@link LinkageActivationService}.
 */
@ApplicationScoped
public class LinkageMechanismService {

    static final int MAX_PARTICIPANTS = 100;
    static final int MAX_TRIGGERS = 30;
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

    /** The caller as a reader of mechanisms: by region, and by the mechanisms its own unit takes part in. */
    LinkageMechanismRepository.Reader reader() {
        String prefix = caller.readablePathPrefix();
        return new LinkageMechanismRepository.Reader(prefix, prefix == null ? null : caller.unitId());
    }

    /** The participants of one mechanism, in their order. */
    List<LinkageParticipant> participants(LinkageMechanism mechanism) {
        return participants.forMechanism(mechanism.id);
    }

    // ---------- batch loading for nested fields: one statement per field, whatever the number of parents ----------

    public List<List<LinkageParticipant>> participantsFor(List<LinkageMechanism> parents) {
        return Batch.grouped(parents.stream().map(m -> m.id).toList(),
                participants.forMechanisms(parents.stream().map(m -> m.id).distinct().toList()), p -> p.mechanismId);
    }

    public List<LinkageMechanism> mechanismsFor(List<LinkageActivation> parents) {
        return Batch.inOrder(parents.stream().map(a -> a.mechanismId).toList(),
                mechanisms.byIds(parents.stream().map(a -> a.mechanismId).distinct().toList()), m -> m.id);
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
        caller.requireRegionManager(organisation.regionOf(organisation.unitById(mechanism.leadUnitId)));
        Conflict.requireVersion("mechanism", mechanism.version, version);
        if (!mechanism.isActive()) {
            throw new Conflict("The mechanism was retired on " + mechanism.retiredOn + " and is no longer changed.");
        }
        String before = audit.snapshot(record(mechanism, participants(mechanism)));
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
        caller.requireRegionManager(organisation.regionOf(organisation.unitById(mechanism.leadUnitId)));
        Conflict.requireVersion("mechanism", mechanism.version, version);
        if (!mechanism.isActive()) {
            throw new Conflict("The mechanism was already retired on " + mechanism.retiredOn + ".");
        }
        LocalDate day = retiredOn == null ? today() : retiredOn;
        if (day.isAfter(today())) {
            throw new InvalidInput("'retiredOn' may not be in the future (" + day + ").");
        }
        OffsetDateTime last = activations.lastStart(mechanism.id);
        if (last != null && !last.isBefore(startOf(day.plusDays(1)))) {
            throw new InvalidInput("'retiredOn' (" + day + ") is before the mechanism's last activation, which started at "
                    + last + ".");
        }
        String retirementNote = Text.optional(note, "note", 1000);
        List<LinkageParticipant> members = participants(mechanism);
        String before = audit.snapshot(record(mechanism, members));
        mechanism.retiredOn = day;
        mechanism.retirementNote = retirementNote;
        mechanisms.flush();
        audit.changed("retireLinkageMechanism", "LinkageMechanism", mechanism.id, before, audit.snapshot(record(mechanism, members)));
        return mechanism;
    }

    /**
     * Checks the whole input, then sets the mechanism's own fields; returns the participants to
     * store. A refused input leaves the mechanism untouched.
     */
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
        String scope = Text.optional(input.scope, "scope", 200);
        String description = Text.optional(input.description, "description", 4000);
        String basis = Text.optional(input.basis, "basis", 500);

        // Every check has passed: only now does the (possibly managed) mechanism change.
        mechanism.name = name;
        mechanism.kind = kind;
        mechanism.scope = scope;
        mechanism.leadUnitId = lead.id;
        mechanism.triggers = triggers;
        mechanism.description = description;
        mechanism.basis = basis;
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

    /** Shared with {@link LinkageActivationService}. */
    static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidInput("'" + field + "' is required.");
        }
        return value;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The first instant of a calendar day in the service's zone; shared with {@link LinkageActivationService}. */
    OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(clock.getZone()).toOffsetDateTime();
    }

    // ---------- audit snapshots: a mechanism with its participants ----------

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
}

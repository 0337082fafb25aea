package cn.worksafety.committee;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import cn.worksafety.audit.AuditTrail;
import cn.worksafety.common.Batch;
import cn.worksafety.common.Conflict;
import cn.worksafety.common.Ids;
import cn.worksafety.common.InvalidInput;
import cn.worksafety.common.NotFound;
import cn.worksafety.common.Page;
import cn.worksafety.common.PageRequest;
import cn.worksafety.common.Text;
import cn.worksafety.organisation.OrganisationService;
import cn.worksafety.organisation.Unit;
import cn.worksafety.security.Caller;

/**
 * Committees with their meeting rule and members. Reads are scoped to the caller's region
 * (through the committee's unit); coordinators manage committees of their region. Every change is
 * audited, and a change that clears a MISSED_MEETING condition resolves its alert in the same
 * transaction. Meetings: {@link MeetingService}.
 */
@ApplicationScoped
public class CommitteeService {

    static final LocalDate EARLIEST = LocalDate.of(1980, 1, 1);
    static final int MAX_UNITS = 200;

    @Inject
    CommitteeRepository committees;

    @Inject
    MeetingCheck check;

    @Inject
    OrganisationService organisation;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    // ---------- reads ----------

    /** A committee the caller may read, else NOT_FOUND. */
    public Committee committee(String id) {
        Committee committee = committees.findById(Ids.existing(id, "committee"));
        if (committee == null || !organisation.canRead(unitOf(committee))) {
            throw new NotFound("No committee with id " + id + ".");
        }
        return committee;
    }

    /** Committees in the caller's region, of one unit when given (none when that unit is outside it). */
    public List<Committee> committees(String unitId) {
        return committees.readable(caller.readablePathPrefix(), Ids.reference(unitId, "unitId")).capped("committees", "committeesConnection");
    }

    public Page<Committee> committeesPage(String unitId, PageRequest page) {
        return committees.readable(caller.readablePathPrefix(), Ids.reference(unitId, "unitId")).page(page);
    }

    public List<Unit> unitsOf(List<Committee> list) {
        return organisation.unitsFor(list.stream().map(c -> c.unitId).toList());
    }

    public List<List<Unit>> membersOf(List<Committee> list) {
        List<Long> ids = ids(list);
        return Batch.grouped(ids, committees.members(ids), row -> (Long) row[0]).stream()
                .map(rows -> rows.stream().map(row -> (Unit) row[1]).toList()).toList();
    }

    public List<Committee> committeesOf(List<Meeting> list) {
        List<Long> keys = list.stream().map(m -> m.committeeId).toList();
        return Batch.inOrder(keys, committees.byIds(keys.stream().distinct().toList()), c -> c.id);
    }

    // ---------- committees ----------

    /** Coordinators create committees of units in their region; admins anywhere. */
    @Transactional
    public Committee create(CommitteeInput input) {
        Unit unit = organisation.readableUnit(Ids.reference(input.unitId, "unitId"), "unitId");
        caller.requireRegionManager(organisation.regionOf(unit));
        Committee committee = new Committee();
        committee.unitId = unit.id;
        committee.name = name(input.name, unit.id, null);
        committee.establishedOn = establishedOn(input.establishedOn);
        committee.rule = rule(input.rule);
        List<Long> members = units(input.memberIds, "memberIds");
        committees.persist(committee);
        committees.replaceMembers(committee.id, members);
        committees.flush();
        audit.changed("createCommittee", "Committee", committee.id, null, snapshot(committee, members));
        return committee;
    }

    /**
     * Edits a committee as of the version the client saw (else CONFLICT): name, establishment
     * date, rule (replaced whole) and members (replaced); fields left out stay. The unit stays:
     * a committee of another unit is another committee. Alerts the new rule or date no longer
     * require are resolved at once; periods it newly requires are flagged by the next check run.
     */
    @Transactional
    public Committee update(String id, int version, CommitteeUpdateInput input) {
        Committee committee = committee(id);
        caller.requireRegionManager(organisation.regionOf(unitOf(committee)));
        Conflict.requireVersion("committee", committee.version, version);
        String before = snapshot(committee, committees.memberIds(committee.id));
        // Every check that reads the database runs before the entity changes, so it is flushed once.
        String name = input.name == null ? null : name(input.name, committee.unitId, committee.id);
        LocalDate established = null;
        if (input.establishedOn != null) {
            established = establishedOn(input.establishedOn);
            LocalDate first = committees.firstMeeting(committee.id);
            if (first != null && first.isBefore(established)) {
                throw new InvalidInput("'establishedOn' cannot be after the first recorded meeting (" + first
                        + "); correct or withdraw that record first.");
            }
        }
        MeetingRule rule = input.rule == null ? null : rule(input.rule);
        List<Long> members = input.memberIds == null ? null : units(input.memberIds, "memberIds");

        committee.name = name == null ? committee.name : name;
        committee.establishedOn = established == null ? committee.establishedOn : established;
        committee.rule = rule == null ? committee.rule : rule;
        committee.updatedAt = now(); // a change of members alone still moves the version and updatedAt
        committees.flush();
        if (members != null) {
            committees.replaceMembers(committee.id, members);
            committees.flush();
        }
        audit.changed("updateCommittee", "Committee", committee.id, before, snapshot(committee, committees.memberIds(committee.id)));
        check.resolveCleared(committee.id);
        return committee;
    }

    // ---------- helpers ----------

    /** The committee's unit; shared with {@link MeetingService}. */
    Unit unitOf(Committee committee) {
        return organisation.unitById(committee.unitId);
    }

    private String name(String raw, Long unitId, Long exceptId) {
        String name = Text.required(raw, "name", 200);
        if (committees.nameTaken(unitId, name, exceptId)) {
            throw new Conflict("The unit already has a committee named " + name + ".");
        }
        return name;
    }

    private LocalDate establishedOn(LocalDate date) {
        LocalDate latest = LocalDate.now(clock).plusYears(1);
        if (date == null || date.isBefore(EARLIEST) || date.isAfter(latest)) {
            throw new InvalidInput("'establishedOn' must be between " + EARLIEST + " and " + latest + ".");
        }
        return date;
    }

    private static MeetingRule rule(MeetingRuleInput input) {
        if (input == null || input.frequency == null || input.minimumMeetings == null) {
            throw new InvalidInput("'rule' needs a frequency and minimumMeetings.");
        }
        if (input.minimumMeetings < 1 || input.minimumMeetings > 100) {
            throw new InvalidInput("'minimumMeetings' must be between 1 and 100, was " + input.minimumMeetings + ".");
        }
        int grace = input.graceDays == null ? 0 : input.graceDays;
        if (grace < 0 || grace > 366) {
            throw new InvalidInput("'graceDays' must be between 0 and 366, was " + grace + ".");
        }
        MeetingRule rule = new MeetingRule();
        rule.frequency = input.frequency;
        rule.minimumMeetings = input.minimumMeetings;
        rule.graceDays = grace;
        return rule;
    }

    /**
     * Distinct unit ids, each a unit the caller can see (in one query), in the order given:
     * members here, attendees in {@link MeetingService}.
     */
    List<Long> units(List<String> ids, String field) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        List<Long> parsed = ids.stream().map(id -> Ids.reference(id, field)).filter(Objects::nonNull).distinct().toList();
        if (parsed.size() > MAX_UNITS) {
            throw new InvalidInput("'" + field + "' lists more than " + MAX_UNITS + " units.");
        }
        List<Unit> found = organisation.unitsFor(parsed);
        for (int i = 0; i < parsed.size(); i++) {
            if (!organisation.canRead(found.get(i))) {
                throw new InvalidInput("'" + field + "' names no unit you can see: " + parsed.get(i) + ".");
            }
        }
        return parsed;
    }

    private String snapshot(Committee committee, List<Long> memberIds) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("committee", committee);
        state.put("memberIds", memberIds);
        return audit.snapshot(state);
    }

    /** The committees' ids; shared with {@link MeetingService}. */
    static List<Long> ids(List<Committee> list) {
        return list.stream().map(c -> c.id).toList();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}

package cn.worksafety.committee;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
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
import cn.worksafety.common.ListQuery;
import cn.worksafety.common.NotFound;
import cn.worksafety.common.Page;
import cn.worksafety.common.PageRequest;
import cn.worksafety.common.Period;
import cn.worksafety.common.Text;
import cn.worksafety.organisation.OrganisationService;
import cn.worksafety.organisation.Unit;
import cn.worksafety.security.Caller;

/**
 * Committees, their rules and members, and the meetings they hold. Reads are scoped to the
 * caller's region (through the committee's unit); coordinators manage committees of their region,
 * unit editors record the meetings of their own unit's committees. Every change is audited, and
 * a change that clears a MISSED_MEETING condition resolves its alert in the same transaction.
 */
@ApplicationScoped
public class CommitteeService {

    static final LocalDate EARLIEST = LocalDate.of(1980, 1, 1);
    static final int MAX_UNITS = 200;

    @Inject
    CommitteeRepository committees;

    @Inject
    MeetingRepository meetings;

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
        Map<Long, List<Unit>> byCommittee = new HashMap<>();
        for (Object[] row : committees.members(ids(list))) {
            byCommittee.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((Unit) row[1]);
        }
        return list.stream().map(c -> byCommittee.getOrDefault(c.id, List.of())).toList();
    }

    public List<List<Meeting>> meetingsOf(List<Committee> list, LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidInput("'from' must not be after 'to'.");
        }
        Map<Long, List<Meeting>> byCommittee = new HashMap<>();
        for (Meeting meeting : meetings.ofCommittees(ids(list), from, to)) {
            byCommittee.computeIfAbsent(meeting.committeeId, k -> new ArrayList<>()).add(meeting);
        }
        ListQuery.capEach(byCommittee.values(), "meetings", "narrow it with 'from' and 'to'.");
        return list.stream().map(c -> byCommittee.getOrDefault(c.id, List.of())).toList();
    }

    /**
     * Every period of the year that has started by today, per committee (RULES.md): required is
     * the rule's minimum from the first period starting on or after establishment (0 before),
     * held counts PLENARY meetings, and a period still running is compliant until it ends. Agrees
     * with {@link MeetingCheck}: an ended period is non-compliant exactly when the check flags it
     * (once its grace days have passed).
     */
    public List<List<PeriodCompliance>> complianceOf(List<Committee> list, int year) {
        if (year < EARLIEST.getYear() || year > 9999) {
            throw new InvalidInput("'year' must be between " + EARLIEST.getYear() + " and 9999.");
        }
        LocalDate today = LocalDate.now(clock);
        Map<Long, List<LocalDate>> plenary = new HashMap<>();
        for (Object[] row : meetings.plenaryDays(ids(list), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))) {
            plenary.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((LocalDate) row[1]);
        }
        List<List<PeriodCompliance>> result = new ArrayList<>(list.size());
        for (Committee committee : list) {
            List<LocalDate> days = plenary.getOrDefault(committee.id, List.of());
            List<PeriodCompliance> periods = new ArrayList<>();
            for (Period period : MeetingPeriods.ofYear(committee.rule.frequency, year)) {
                if (period.start().isAfter(today)) {
                    break;
                }
                int required = MeetingPeriods.isRequired(period, committee.establishedOn) ? committee.rule.minimumMeetings : 0;
                int held = (int) days.stream().filter(period::contains).count();
                boolean compliant = !period.end().isBefore(today) || held >= required;
                periods.add(new PeriodCompliance(period.key(), required, held, compliant));
            }
            result.add(periods);
        }
        return result;
    }

    public List<List<Unit>> attendeesOf(List<Meeting> list) {
        Map<Long, List<Unit>> byMeeting = new HashMap<>();
        for (Object[] row : meetings.attendees(list.stream().map(m -> m.id).toList())) {
            byMeeting.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((Unit) row[1]);
        }
        return list.stream().map(m -> byMeeting.getOrDefault(m.id, List.of())).toList();
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

    // ---------- meetings ----------

    /**
     * Records a meeting: unit editors of the committee's unit, coordinators of its region, admins.
     * The day must lie between establishment and today; one record per committee, day and kind.
     * A PLENARY meeting that brings its period up to the rule resolves that period's alert.
     */
    @Transactional
    public Meeting record(MeetingInput input) {
        Committee committee = writableCommittee(input.committeeId);
        Meeting meeting = new Meeting();
        meeting.committeeId = committee.id;
        meeting.kind = Objects.requireNonNull(input.kind, "kind");
        meeting.heldOn = heldOn(input.heldOn, committee);
        meeting.chair = Text.optional(input.chair, "chair", 100);
        meeting.summary = Text.optional(input.summary, "summary", 4000);
        List<Long> attendees = units(input.attendeeIds, "attendeeIds");
        requireNoDuplicate(meeting.committeeId, meeting.heldOn, meeting.kind, null);
        meetings.persist(meeting);
        meetings.replaceAttendees(meeting.id, attendees);
        meetings.flush();
        audit.changed("recordMeeting", "Meeting", meeting.id, null, snapshot(meeting, attendees));
        check.resolveCleared(committee.id);
        return meeting;
    }

    /** Corrects a meeting record as of the version the client saw; fields left out stay. */
    @Transactional
    public Meeting correct(String id, int version, MeetingCorrectionInput input) {
        Meeting meeting = writableMeeting(id, version);
        Committee committee = committees.findById(meeting.committeeId);
        String before = snapshot(meeting, meetings.attendeeIds(meeting.id));
        // Every check that reads the database runs before the entity changes, so it is flushed once.
        LocalDate heldOn = input.heldOn == null ? meeting.heldOn : heldOn(input.heldOn, committee);
        MeetingKind kind = input.kind == null ? meeting.kind : input.kind;
        String chair = input.chair == null ? meeting.chair : Text.optional(input.chair, "chair", 100);
        String summary = input.summary == null ? meeting.summary : Text.optional(input.summary, "summary", 4000);
        List<Long> attendees = input.attendeeIds == null ? null : units(input.attendeeIds, "attendeeIds");
        requireNoDuplicate(meeting.committeeId, heldOn, kind, meeting.id);

        meeting.heldOn = heldOn;
        meeting.kind = kind;
        meeting.chair = chair;
        meeting.summary = summary;
        meeting.updatedAt = now(); // a change of attendees alone still moves the version and updatedAt
        meetings.flush();
        if (attendees != null) {
            meetings.replaceAttendees(meeting.id, attendees);
            meetings.flush();
        }
        audit.changed("correctMeeting", "Meeting", meeting.id, before, snapshot(meeting, meetings.attendeeIds(meeting.id)));
        check.resolveCleared(committee.id);
        return meeting;
    }

    /**
     * Withdraws a meeting record entered in error: it stays stored with who, when and why, but is
     * no longer listed or counted. A period it leaves short is flagged again by the next check run.
     */
    @Transactional
    public Meeting withdraw(String id, int version, String reason) {
        Meeting meeting = writableMeeting(id, version);
        List<Long> attendees = meetings.attendeeIds(meeting.id);
        String before = snapshot(meeting, attendees);
        meeting.withdrawalReason = Text.required(reason, "reason", 1000);
        meeting.withdrawnAt = now();
        meeting.withdrawnBy = caller.auditSubject();
        meetings.flush();
        audit.changed("withdrawMeeting", "Meeting", meeting.id, before, snapshot(meeting, attendees));
        return meeting;
    }

    // ---------- helpers ----------

    private Committee writableCommittee(String id) {
        Committee committee = committees.findById(Ids.existing(id, "committee"));
        Unit unit = committee == null ? null : unitOf(committee);
        if (committee == null || !organisation.canRead(unit)) {
            throw new NotFound("No committee with id " + id + ".");
        }
        caller.requireUnitEditor(unit, organisation.regionOf(unit));
        return committee;
    }

    private Meeting writableMeeting(String id, int version) {
        Meeting meeting = meetings.findById(Ids.existing(id, "meeting"));
        Committee committee = meeting == null ? null : committees.findById(meeting.committeeId);
        Unit unit = committee == null ? null : unitOf(committee);
        if (meeting == null || !organisation.canRead(unit)) {
            throw new NotFound("No meeting with id " + id + ".");
        }
        caller.requireUnitEditor(unit, organisation.regionOf(unit));
        if (meeting.withdrawn()) {
            throw new InvalidInput("The meeting record was withdrawn on " + meeting.withdrawnAt.toLocalDate() + "; record the meeting anew instead.");
        }
        Conflict.requireVersion("meeting record", meeting.version, version);
        return meeting;
    }

    private Unit unitOf(Committee committee) {
        return organisation.unitsFor(List.of(committee.unitId)).get(0);
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

    private LocalDate heldOn(LocalDate date, Committee committee) {
        LocalDate today = LocalDate.now(clock);
        if (date == null || date.isBefore(committee.establishedOn) || date.isAfter(today)) {
            throw new InvalidInput("'heldOn' must be between the committee's establishment (" + committee.establishedOn
                    + ") and today (" + today + ").");
        }
        return date;
    }

    private void requireNoDuplicate(Long committeeId, LocalDate heldOn, MeetingKind kind, Long exceptId) {
        if (meetings.duplicate(committeeId, heldOn, kind, exceptId)) {
            throw new Conflict("A " + kind + " meeting of this committee on " + heldOn
                    + " is already recorded; correct that record instead.");
        }
    }

    /** Distinct unit ids, each a unit the caller can see (in one query), in the order given. */
    private List<Long> units(List<String> ids, String field) {
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

    private String snapshot(Meeting meeting, List<Long> attendeeIds) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("meeting", meeting);
        state.put("attendeeIds", attendeeIds);
        return audit.snapshot(state);
    }

    private List<Long> ids(List<Committee> list) {
        return list.stream().map(c -> c.id).toList();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}

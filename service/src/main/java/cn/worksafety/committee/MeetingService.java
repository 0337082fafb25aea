package cn.worksafety.committee;

import static cn.worksafety.committee.CommitteeService.EARLIEST;
import static cn.worksafety.committee.CommitteeService.ids;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
import cn.worksafety.common.Period;
import cn.worksafety.common.Text;
import cn.worksafety.organisation.OrganisationService;
import cn.worksafety.organisation.Unit;
import cn.worksafety.security.Caller;

/**
 * The meetings committees hold, and each committee's compliance with its meeting rule. Unit
 * editors record the meetings of their own unit's committees, coordinators those of their region.
 * Every change is audited, and a change that clears a MISSED_MEETING condition resolves its alert
 * in the same transaction.
 */
@ApplicationScoped
public class MeetingService {

    @Inject
    MeetingRepository meetings;

    @Inject
    CommitteeRepository committeeRepository;

    @Inject
    CommitteeService committees;

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

    // ---------- reads: nested fields, one statement per field ----------

    public List<List<Meeting>> meetingsOf(List<Committee> list, LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidInput("'from' must not be after 'to'.");
        }
        List<Long> ids = ids(list);
        List<List<Meeting>> grouped = Batch.grouped(ids, meetings.ofCommittees(ids, from, to), m -> m.committeeId);
        ListQuery.capEach(grouped, "meetings", "narrow it with 'from' and 'to'.");
        return grouped;
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
        List<Long> ids = ids(list);
        List<List<Object[]>> plenary = Batch.grouped(ids, meetings.plenaryDays(ids, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)),
                row -> (Long) row[0]);
        List<List<PeriodCompliance>> result = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            Committee committee = list.get(i);
            List<LocalDate> days = plenary.get(i).stream().map(row -> (LocalDate) row[1]).toList();
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
        List<Long> keys = list.stream().map(m -> m.id).toList();
        return Batch.grouped(keys, meetings.attendees(keys), row -> (Long) row[0]).stream()
                .map(rows -> rows.stream().map(row -> (Unit) row[1]).toList()).toList();
    }

    // ---------- meetings ----------

    /**
     * Records a meeting: unit editors of the committee's unit, coordinators of its region, admins.
     * The day must lie between establishment and today; one record per committee, day and kind.
     * A PLENARY meeting that brings its period up to the rule resolves that period's alert.
     */
    @Transactional
    public Meeting record(MeetingInput input) {
        Committee committee = committeeToRecordFor(input.committeeId);
        Meeting meeting = new Meeting();
        meeting.committeeId = committee.id;
        meeting.kind = Objects.requireNonNull(input.kind, "kind");
        meeting.heldOn = heldOn(input.heldOn, committee);
        meeting.chair = Text.optional(input.chair, "chair", 100);
        meeting.summary = Text.optional(input.summary, "summary", 4000);
        List<Long> attendees = committees.units(input.attendeeIds, "attendeeIds");
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
        Committee committee = committeeRepository.findById(meeting.committeeId);
        String before = snapshot(meeting, meetings.attendeeIds(meeting.id));
        // Every check that reads the database runs before the entity changes, so it is flushed once.
        LocalDate heldOn = input.heldOn == null ? meeting.heldOn : heldOn(input.heldOn, committee);
        MeetingKind kind = input.kind == null ? meeting.kind : input.kind;
        String chair = input.chair == null ? meeting.chair : Text.optional(input.chair, "chair", 100);
        String summary = input.summary == null ? meeting.summary : Text.optional(input.summary, "summary", 4000);
        List<Long> attendees = input.attendeeIds == null ? null : committees.units(input.attendeeIds, "attendeeIds");
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

    /** A committee whose meetings the caller records: its unit's editors, coordinators of its region, admins. */
    private Committee committeeToRecordFor(String id) {
        Committee committee = committeeRepository.findById(Ids.existing(id, "committee"));
        Unit unit = committee == null ? null : committees.unitOf(committee);
        if (committee == null || !organisation.canRead(unit)) {
            throw new NotFound("No committee with id " + id + ".");
        }
        caller.requireUnitEditor(unit, organisation.regionOf(unit));
        return committee;
    }

    private Meeting writableMeeting(String id, int version) {
        Meeting meeting = meetings.findById(Ids.existing(id, "meeting"));
        Committee committee = meeting == null ? null : committeeRepository.findById(meeting.committeeId);
        Unit unit = committee == null ? null : committees.unitOf(committee);
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

    private String snapshot(Meeting meeting, List<Long> attendeeIds) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("meeting", meeting);
        state.put("attendeeIds", attendeeIds);
        return audit.snapshot(state);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}

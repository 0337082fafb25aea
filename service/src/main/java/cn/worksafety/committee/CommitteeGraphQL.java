package cn.worksafety.committee;

import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import cn.worksafety.common.PageRequest;
import cn.worksafety.organisation.Unit;
import cn.worksafety.security.Allowed;
import cn.worksafety.security.Role;

@GraphQLApi
public class CommitteeGraphQL {

    @Inject
    CommitteeService committeeService;

    @Inject
    MeetingService meetingService;

    @Query
    @Allowed
    public Committee committee(@NonNull @Id String id) {
        return committeeService.committee(id);
    }

    @Query
    @Allowed
    @Description("Committees of units in the caller's region, of one unit when unitId is given; in creation order. At "
            + "most 500 (more: BAD_USER_INPUT, page with committeesConnection).")
    public @NonNull List<@NonNull Committee> committees(@Id String unitId) {
        return committeeService.committees(unitId);
    }

    @Query
    @Allowed
    @Description("The committees of committees, in pages.")
    public @NonNull CommitteeConnection committeesConnection(Integer first, String after, @Id String unitId) {
        return CommitteeConnection.of(committeeService.committeesPage(unitId, PageRequest.of(first, after)));
    }

    @Mutation
    @Allowed({ Role.ADMIN, Role.COORDINATOR })
    @Description("Creates a committee of a unit in the caller's region (coordinators) or anywhere (admins).")
    public @NonNull Committee createCommittee(@NonNull CommitteeInput input) {
        return committeeService.create(input);
    }

    @Mutation
    @Allowed({ Role.ADMIN, Role.COORDINATOR })
    @Description("Edits a committee's name, establishment date, rule or members as of the version last read "
            + "(CONFLICT if it changed since); fields left out stay as they are.")
    public @NonNull Committee updateCommittee(@NonNull @Id String id, @NonNull int version, @NonNull CommitteeUpdateInput input) {
        return committeeService.update(id, version, input);
    }

    @Mutation
    @Allowed({ Role.ADMIN, Role.COORDINATOR, Role.UNIT_EDITOR })
    @Description("Records a meeting of a committee of the caller's unit (unit editors) or region (coordinators); "
            + "a PLENARY meeting that brings its period up to the rule resolves that period's MISSED_MEETING alert.")
    public @NonNull Meeting recordMeeting(@NonNull MeetingInput input) {
        return meetingService.record(input);
    }

    @Mutation
    @Allowed({ Role.ADMIN, Role.COORDINATOR, Role.UNIT_EDITOR })
    @Description("Corrects a meeting record as of the version last read; fields left out stay as they are.")
    public @NonNull Meeting correctMeeting(@NonNull @Id String id, @NonNull int version, @NonNull MeetingCorrectionInput input) {
        return meetingService.correct(id, version, input);
    }

    @Mutation
    @Allowed({ Role.ADMIN, Role.COORDINATOR, Role.UNIT_EDITOR })
    @Description("Withdraws a meeting record entered in error (kept with the reason, no longer listed or counted).")
    public @NonNull Meeting withdrawMeeting(@NonNull @Id String id, @NonNull int version, @NonNull String reason) {
        return meetingService.withdraw(id, version, reason);
    }

    // ---------- nested fields, loaded in one query per field and level ----------

    @Name("unit")
    public @NonNull List<@NonNull Unit> committeeUnit(@Source List<Committee> committees) {
        return committeeService.unitsOf(committees);
    }

    @Name("members")
    public @NonNull List<@NonNull List<@NonNull Unit>> committeeMembers(@Source List<Committee> committees) {
        return committeeService.membersOf(committees);
    }

    @Name("meetings")
    @Description("Meetings held between from and to (inclusive, either may be left out), oldest first; withdrawn records excluded.")
    public @NonNull List<@NonNull List<@NonNull Meeting>> committeeMeetings(@Source List<Committee> committees, LocalDate from,
            LocalDate to) {
        return meetingService.meetingsOf(committees, from, to);
    }

    @Name("compliance")
    @Description("Every period of the year that has started by today, with PLENARY meetings required and held.")
    public @NonNull List<@NonNull List<@NonNull PeriodCompliance>> committeeCompliance(@Source List<Committee> committees,
            @NonNull int year) {
        return meetingService.complianceOf(committees, year);
    }

    @Name("attendees")
    public @NonNull List<@NonNull List<@NonNull Unit>> meetingAttendees(@Source List<Meeting> meetings) {
        return meetingService.attendeesOf(meetings);
    }

    @Name("committee")
    public @NonNull List<@NonNull Committee> meetingCommittee(@Source List<Meeting> meetings) {
        return committeeService.committeesOf(meetings);
    }
}

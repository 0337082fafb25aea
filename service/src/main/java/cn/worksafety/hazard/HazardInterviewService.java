package cn.worksafety.hazard;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import cn.worksafety.audit.AuditTrail;
import cn.worksafety.common.Batch;
import cn.worksafety.common.InvalidInput;
import cn.worksafety.common.Text;
import cn.worksafety.security.PersonalData;

/**
 * Interviews (约谈) about hazards, held by the supervising unit, the committee office or the park
 * command of the hazard's region (docs/hazards.md). Names are shown as {@link PersonalData} allows.
 */
@ApplicationScoped
public class HazardInterviewService {

    @Inject
    HazardService hazards;

    @Inject
    HazardRepository repository;

    @Inject
    HazardAccess access;

    @Inject
    HazardCheck check;

    @Inject
    PersonalData personalData;

    @Inject
    AuditTrail audit;

    /**
     * An interview (约谈) about the hazard: by the supervising unit, the committee office or park
     * command of the hazard's region, coordinators in the region, admins. Resolves INTERVIEW_OVERDUE
     * when held on or after the due date.
     */
    @Transactional
    public Interview recordInterview(String hazardId, InterviewInput input) {
        Hazard hazard = hazards.hazard(hazardId);
        access.requireUnitOf(hazard, "record an interview about", hazard.supervisingUnitId,
                repository.designated(hazard.regionCode, DesignationRole.COMMITTEE_OFFICE),
                repository.designated(hazard.regionCode, DesignationRole.PARK_COMMAND));
        if (input.heldOn.isBefore(hazard.foundOn) || input.heldOn.isAfter(hazards.today())) {
            throw new InvalidInput("'heldOn' must be between the day the hazard was found (" + hazard.foundOn + ") and today.");
        }
        HazardInterview interview = new HazardInterview();
        interview.hazardId = hazard.id;
        interview.heldOn = input.heldOn;
        interview.heldBy = Text.required(input.heldBy, "heldBy", 200);
        interview.interviewee = Text.required(input.interviewee, "interviewee", 200);
        interview.summary = Text.optional(input.summary, "summary", 2000);
        repository.persist(interview);
        repository.flush();
        audit.created("recordInterview", interview);
        check.resolveCleared(hazard.id);
        return view(interview, hazard);
    }

    private Interview view(HazardInterview i, Hazard hazard) {
        return new Interview(String.valueOf(i.id), i.heldOn, personalData.personName(i.heldBy, hazard.unitId, hazard.supervisingUnitId),
                personalData.personName(i.interviewee, hazard.unitId, hazard.supervisingUnitId), i.summary);
    }

    // ---------- batch loading for nested fields ----------

    public List<List<Interview>> interviews(List<Hazard> list) {
        List<List<HazardInterview>> grouped = Batch.grouped(list.stream().map(h -> h.id).toList(),
                repository.interviewsOf(HazardService.ids(list)), i -> i.hazardId);
        List<List<Interview>> result = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            Hazard hazard = list.get(i);
            result.add(grouped.get(i).stream().map(interview -> view(interview, hazard)).toList());
        }
        return result;
    }
}

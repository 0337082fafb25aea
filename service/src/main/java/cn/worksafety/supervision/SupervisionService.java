package cn.worksafety.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import cn.worksafety.alert.Alert;
import cn.worksafety.alert.AlertKind;
import cn.worksafety.alert.AlertService;
import cn.worksafety.alert.AlertStatus;
import cn.worksafety.audit.AuditTrail;
import cn.worksafety.common.Conflict;
import cn.worksafety.common.Forbidden;
import cn.worksafety.common.Ids;
import cn.worksafety.common.InvalidInput;
import cn.worksafety.common.NotFound;
import cn.worksafety.common.Text;
import cn.worksafety.organisation.Region;
import cn.worksafety.security.Caller;
import cn.worksafety.security.Role;

/** Ladders, the actions the office issues against alerts and the units' replies (docs/supervision.md). */
@ApplicationScoped
public class SupervisionService {

    @Inject
    SupervisionRepository repository;

    @Inject
    AlertService alerts;

    @Inject
    SupervisionDueCheck dueCheck;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    public List<SupervisionLadder> ladders() {
        return repository.ladders(caller.readablePathPrefix());
    }

    /**
     * Replaces the ladder of a kind for a region (coordinators in their region) or the default (no
     * region: admins). Steps in order, each at most once, afterDays 0 to 3650.
     */
    @Transactional
    public SupervisionLadder setLadder(AlertKind kind, String regionCode, List<LadderStepInput> input) {
        if (kind == null) {
            throw new InvalidInput("'alertKind' is required.");
        }
        if (input == null) {
            throw new InvalidInput("'steps' is required (an empty list means no escalation).");
        }
        String region = regionCode == null || regionCode.isBlank() ? null : regionCode.trim();
        if (region == null) {
            if (!caller.isAdmin()) {
                throw new Forbidden("Only an admin sets the default ladder; a coordinator sets the ladder of a region.");
            }
        } else {
            Region target = em.find(Region.class, region);
            // The region tree is public (regions), so a region outside the caller's is FORBIDDEN, as for
            // designateUnit and createTrainingRule, not NOT_FOUND.
            if (target == null) {
                throw new NotFound("No region with code " + region + ".");
            }
            caller.requireRegionManager(target);
        }
        List<LadderStep> steps = new ArrayList<>();
        Set<SupervisionStep> seen = EnumSet.noneOf(SupervisionStep.class);
        for (LadderStepInput step : input) {
            if (step == null || step.step == null) {
                throw new InvalidInput("Every step needs its 'step'.");
            }
            if (!seen.add(step.step)) {
                throw new InvalidInput("The step " + step.step + " appears twice in the ladder.");
            }
            if (step.afterDays < 0 || step.afterDays > 3650) {
                throw new InvalidInput("'afterDays' of " + step.step + " must be between 0 and 3650.");
            }
            steps.add(new LadderStep(step.step, step.afterDays));
        }
        SupervisionLadder before = repository.ladder(kind, region);
        repository.replaceLadder(kind, region, steps);
        SupervisionLadder after = new SupervisionLadder(kind, region, steps);
        audit.changed("setSupervisionLadder", "SupervisionLadder", kind + "/" + (region == null ? "default" : region),
                audit.snapshot(before), audit.snapshot(after));
        return after;
    }

    /**
     * The office (coordinator of the alert's region, admin) issues a step of the alert's ladder to
     * the alert's unit. Early or skipped steps are allowed and recorded as issued.
     */
    @Transactional
    public SupervisionAction issue(String alertId, SupervisionStep step, LocalDate issuedOn, LocalDate replyBy, String note) {
        Alert alert = alerts.visible(alertId);
        Region region = alerts.alertRegion(alert);
        requireOffice(region, "issues supervision");
        if (step == null || issuedOn == null) {
            throw new InvalidInput("'step' and 'issuedOn' are required.");
        }
        if (alert.status == AlertStatus.RESOLVED) {
            throw new InvalidInput("The alert is resolved: there is nothing to supervise.");
        }
        List<SupervisionStep> ladder = repository.effectiveSteps(alert.kind, region.code);
        if (!ladder.contains(step)) {
            throw new InvalidInput("The step " + step + " is not in the " + alert.kind + " ladder that applies to the alert's region "
                    + "(" + (ladder.isEmpty() ? "no steps" : ladder) + ").");
        }
        LocalDate raisedOn = alert.raisedAt.atZoneSameInstant(clock.getZone()).toLocalDate();
        if (issuedOn.isBefore(raisedOn)) {
            throw new InvalidInput("'issuedOn' (" + issuedOn + ") is before the alert was raised (" + raisedOn + ").");
        }
        if (replyBy != null && replyBy.isBefore(issuedOn)) {
            throw new InvalidInput("'replyBy' (" + replyBy + ") is before 'issuedOn' (" + issuedOn + ").");
        }
        Long issuer = caller.unitId() != null ? caller.unitId() : repository.committeeOffice(region.code);
        if (issuer == null) {
            throw new Conflict("No committee office is designated for the alert's region, and you have no unit to issue from.");
        }
        SupervisionAction action = new SupervisionAction();
        action.alertId = alert.id;
        action.step = step;
        action.issuedOn = issuedOn;
        action.issuedById = issuer;
        action.targetId = alert.unitId;
        action.replyBy = replyBy;
        action.note = Text.optional(note, "note", 2000);
        repository.persist(action);
        dueCheck.resolveCleared(alert.id);
        audit.created("issueSupervision", action);
        return action;
    }

    /** The target unit's editors, or the office, record the reply to an action (once). */
    @Transactional
    public SupervisionAction reply(String actionId, String reply, LocalDate repliedOn) {
        SupervisionAction action = repository.action(Ids.existing(actionId, "supervision action"));
        if (action == null) {
            throw new NotFound("No supervision action with id " + actionId + ".");
        }
        Alert alert = alerts.visible(String.valueOf(action.alertId));
        Region region = alerts.alertRegion(alert);
        boolean office = caller.isAdmin() || (caller.has(Role.COORDINATOR) && caller.canRead(region));
        boolean target = caller.has(Role.UNIT_EDITOR) && action.targetId.equals(caller.unitId());
        if (!office && !target) {
            throw new Forbidden("Only the unit the step was issued to (its unit editors) or the committee office replies to it.");
        }
        String text = Text.required(reply, "reply", 4000);
        if (repliedOn == null) {
            throw new InvalidInput("'repliedOn' is required.");
        }
        if (repliedOn.isBefore(action.issuedOn)) {
            throw new InvalidInput("'repliedOn' (" + repliedOn + ") is before the step was issued (" + action.issuedOn + ").");
        }
        if (action.reply != null) {
            throw new Conflict("The step was already answered on " + action.repliedOn + ".");
        }
        String before = audit.snapshot(action);
        action.reply = text;
        action.repliedOn = repliedOn;
        action.repliedBy = caller.auditSubject();
        em.flush();
        audit.updated("replyToSupervision", action, before);
        return action;
    }

    private void requireOffice(Region region, String what) {
        if (!caller.isAdmin() && !(caller.has(Role.COORDINATOR) && caller.canRead(region))) {
            throw new Forbidden("Only the committee office (a coordinator of the alert's region, or an admin) " + what + ".");
        }
    }
}

package cn.worksafety.hazard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import cn.worksafety.audit.AuditTrail;
import cn.worksafety.common.Batch;
import cn.worksafety.common.Conflict;
import cn.worksafety.common.Forbidden;
import cn.worksafety.common.Ids;
import cn.worksafety.common.InvalidInput;
import cn.worksafety.common.NotFound;
import cn.worksafety.common.Text;
import cn.worksafety.security.Caller;
import cn.worksafety.security.Role;

/**
 * Extensions of a hazard's due date (延期整改, 002 (十五)): requested by the responsible unit,
 * signed by the park command and the supervising department, filed with the emergency management
 * bureau (挂牌督办). Who may do what: docs/hazards.md. Every change is audited.
 */
@ApplicationScoped
public class HazardExtensionService {

    @Inject
    HazardService hazards;

    @Inject
    HazardRepository repository;

    @Inject
    HazardAccess access;

    @Inject
    HazardCheck check;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** The responsible unit asks for a later due date (延期整改申请); one request at a time. */
    @Transactional
    public HazardExtension requestExtension(String hazardId, LocalDate requestedDueOn, String reason) {
        Hazard hazard = hazards.hazard(hazardId);
        access.requireUnitOf(hazard, "request an extension for", hazard.unitId);
        HazardAccess.requireStatus(hazard, HazardStatus.OPEN, "Only an OPEN hazard's due date can be extended");
        if (!requestedDueOn.isAfter(hazard.dueOn)) {
            throw new InvalidInput("'requestedDueOn' (" + requestedDueOn + ") must be after the hazard's due date (" + hazard.dueOn + ").");
        }
        if (repository.pendingExtension(hazard.id).isPresent()) {
            throw new Conflict("The hazard already has an extension request awaiting signatures or filing; decide on it first.");
        }
        HazardExtension extension = new HazardExtension();
        extension.hazardId = hazard.id;
        extension.previousDueOn = hazard.dueOn;
        extension.requestedDueOn = requestedDueOn;
        extension.reason = Text.required(reason, "reason", 2000);
        extension.status = ExtensionStatus.REQUESTED;
        repository.persist(extension);
        repository.flush();
        audit.created("requestHazardExtension", extension);
        return extension;
    }

    /**
     * A signature (002 (十五): 由各园区攻坚指挥部和区行业主管部门签字同意): by a user of the park command
     * designated for the hazard's region, or of the hazard's supervising department. A unit that is
     * both signs both. Refusal by either ends the request.
     */
    @Transactional
    public HazardExtension decideExtension(String extensionId, boolean approve, String note) {
        HazardExtension extension = extension(extensionId);
        Hazard hazard = repository.find(Hazard.class, extension.hazardId);
        Long park = repository.designated(hazard.regionCode, DesignationRole.PARK_COMMAND);
        Long own = signatory();
        boolean asPark = own != null && own.equals(park);
        boolean asDepartment = own != null && own.equals(hazard.supervisingUnitId);
        if (!asPark && !asDepartment) {
            throw new Forbidden("An extension is signed by the park command designated for the hazard's region"
                    + (park == null ? " (none is designated: see designateUnit)" : " (unit " + park + ")")
                    + " and by the supervising unit (unit " + hazard.supervisingUnitId + "); your unit is neither.");
        }
        if (extension.status != ExtensionStatus.REQUESTED) {
            throw new InvalidInput("The extension is " + extension.status + ": only a REQUESTED extension can be decided.");
        }
        if ((asPark && !asDepartment && extension.parkApproved) || (asDepartment && !asPark && extension.departmentApproved)) {
            throw new Conflict("Your unit has already approved this extension.");
        }
        String before = audit.snapshot(extension);
        String text = Text.optional(note, "note", 400);
        if (text != null) {
            String entry = (asPark ? "park command" : "supervising unit") + ": " + text;
            extension.decisionNote = extension.decisionNote == null ? entry : extension.decisionNote + "\n" + entry;
        }
        if (!approve) {
            extension.status = ExtensionStatus.REFUSED;
        } else {
            if (asPark) {
                extension.parkApproved = true;
                extension.parkUnitId = own;
            }
            if (asDepartment) {
                extension.departmentApproved = true;
                extension.departmentUnitId = own;
            }
            if (extension.parkApproved && extension.departmentApproved) {
                extension.status = ExtensionStatus.APPROVED;
            }
        }
        repository.flush();
        audit.updated("decideHazardExtension", extension, before);
        return extension;
    }

    /**
     * Filing with the emergency management bureau (报区应急局备案) by a user of the bureau designated for
     * the hazard's region: the extension takes effect, the hazard's due date becomes the requested
     * one and the hazard is under listed supervision (挂牌督办).
     */
    @Transactional
    public HazardExtension fileExtension(String extensionId, LocalDate filedOn) {
        HazardExtension extension = extension(extensionId);
        Hazard hazard = repository.find(Hazard.class, extension.hazardId);
        Long bureau = repository.designated(hazard.regionCode, DesignationRole.EMERGENCY_BUREAU);
        Long own = signatory();
        if (own == null || !own.equals(bureau)) {
            throw new Forbidden("An extension is filed by the emergency management bureau designated for the hazard's region"
                    + (bureau == null ? " (none is designated: see designateUnit)" : " (unit " + bureau + ")") + "; your unit is not it.");
        }
        if (extension.status != ExtensionStatus.APPROVED) {
            throw new InvalidInput("The extension is " + extension.status
                    + ": it can be filed only once both the park command and the supervising unit have approved it.");
        }
        if (hazard.status != HazardStatus.OPEN) {
            throw new InvalidInput("The hazard is " + hazard.status + ": an extension matters only while it is OPEN.");
        }
        if (filedOn.isBefore(extension.createdAt.atZoneSameInstant(clock.getZone()).toLocalDate()) || filedOn.isAfter(hazards.today())) {
            throw new InvalidInput("'filedOn' must be between the day of the request and today.");
        }
        String before = audit.snapshot(extension);
        String hazardBefore = audit.snapshot(hazard);
        extension.status = ExtensionStatus.FILED;
        extension.filedOn = filedOn;
        extension.filedByUnitId = own;
        hazard.dueOn = extension.requestedDueOn;
        hazard.listedSupervision = true;
        repository.flush();
        audit.updated("fileHazardExtension", extension, before);
        audit.updated("fileHazardExtension", hazard, hazardBefore);
        check.resolveCleared(hazard.id);
        return extension;
    }

    private HazardExtension extension(String id) {
        HazardExtension extension = repository.find(HazardExtension.class, Ids.existing(id, "extension"));
        if (extension == null || !caller.canRead(access.region(repository.find(Hazard.class, extension.hazardId)))) {
            throw new NotFound("No hazard extension with id " + id + ".");
        }
        return extension;
    }

    /** The unit a signature is made for: its own users sign (unit editors or coordinators), never an admin without a unit. */
    private Long signatory() {
        if (!caller.has(Role.UNIT_EDITOR) && !caller.has(Role.COORDINATOR)) {
            throw new Forbidden("Signatures and filings are made by users of the units named for them.");
        }
        return caller.unitId();
    }

    // ---------- batch loading for nested fields ----------

    public List<List<HazardExtension>> extensions(List<Hazard> list) {
        return Batch.grouped(list.stream().map(h -> h.id).toList(), repository.extensionsOf(HazardService.ids(list)), e -> e.hazardId);
    }
}

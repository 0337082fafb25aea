package cn.worksafety.responsibility;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import cn.worksafety.audit.AuditTrail;
import cn.worksafety.common.Batch;
import cn.worksafety.common.Forbidden;
import cn.worksafety.common.Ids;
import cn.worksafety.common.InvalidInput;
import cn.worksafety.common.ListQuery;
import cn.worksafety.common.Text;
import cn.worksafety.organisation.OrganisationService;
import cn.worksafety.organisation.Unit;
import cn.worksafety.security.Caller;
import cn.worksafety.security.Role;

/**
 * Progress reports on responsibility items (RULES.md "Security", issue 5): a unit editor reports
 * only for its own unit and only on items its unit is assigned to; a report completes its item
 * only when it says completed and comes from a LEAD unit of the item or from the committee office
 * (a coordinator of the list's region, or an admin).
 */
@ApplicationScoped
public class ProgressReportService {

    static final int SUMMARY_MAX = 4000;

    @Inject
    ResponsibilityRepository items;

    @Inject
    ResponsibilityListRepository lists;

    @Inject
    ResponsibilityService itemService;

    @Inject
    ResponsibilityAccess access;

    @Inject
    OrganisationService organisation;

    @Inject
    ResponsibilityOverdueCheck overdue;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    public List<List<ProgressReport>> reportsFor(List<Responsibility> parents) {
        List<Long> ids = parents.stream().map(r -> r.id).toList();
        List<List<ProgressReport>> reports = Batch.grouped(ids, items.reportsOf(Batch.distinct(ids)), p -> p.responsibilityId);
        ListQuery.capEach(reports, "progressReports", "an item with that many reports is a data error; ask an admin.");
        return reports;
    }

    /**
     * Files a progress report. The committee office (admins, coordinators of the list's region)
     * may report for any unit it can see, and its completed report completes the item. Anyone
     * else reports only for its own unit, which must be assigned to the item; a completed
     * report completes the item only when that unit is a LEAD unit of it. The decision is
     * recorded on the report ({@code countsAsCompletion}) when it is filed.
     */
    @Transactional
    public ProgressReport report(ProgressReportInput input) {
        Responsibility item = itemService.item(Text.required(input.responsibilityId, "responsibilityId", 30));
        ResponsibilityList list = lists.findById(item.listId);
        if (list.withdrawnOn != null) {
            throw new InvalidInput("The list was withdrawn on " + list.withdrawnOn + "; it takes no more reports.");
        }
        Unit unit = organisation.readableUnit(Ids.reference(Text.required(input.unitId, "unitId", 30), "unitId"), "unitId");
        boolean office = access.isManager(list);
        Assignment assignment = items.assignmentsOf(List.of(item.id)).stream()
                .filter(a -> a.unitId.equals(unit.id)).findFirst().orElse(null);
        if (!office) {
            if (!(caller.has(Role.UNIT_EDITOR) || caller.has(Role.COORDINATOR)) || !unit.id.equals(caller.unitId())) {
                throw new Forbidden("You may report progress only for your own unit.");
            }
            if (assignment == null) {
                throw new Forbidden("Your unit is not assigned to this item; only its assigned units report on it.");
            }
        }
        if (input.reportedOn == null || input.reportedOn.isAfter(access.today()) || input.reportedOn.getYear() < 2000) {
            throw new InvalidInput("'reportedOn' must be a date from 2000 up to today, was " + input.reportedOn + ".");
        }
        ProgressReport report = new ProgressReport();
        report.responsibilityId = item.id;
        report.unitId = unit.id;
        report.reportedOn = input.reportedOn;
        report.summary = Text.required(input.summary, "summary", SUMMARY_MAX);
        report.completed = input.completed;
        report.filedByOffice = office;
        report.countsAsCompletion = input.completed && (office || assignment.role == AssignmentRole.LEAD);
        report.reportedBy = caller.auditSubject();
        report.recordedAt = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        items.persist(report);
        items.flush();
        items.touchItem(item.id);
        if (report.countsAsCompletion) {
            overdue.resolveCleared(List.of(item.id), access.today());
        }
        audit.changed("reportProgress", "ProgressReport", report.id, null, audit.snapshot(report));
        return report;
    }
}

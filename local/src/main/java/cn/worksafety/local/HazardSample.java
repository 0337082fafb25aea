package cn.worksafety.local;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import cn.worksafety.audit.AuditTrail;
import cn.worksafety.hazard.DesignationRole;
import cn.worksafety.hazard.ExtensionStatus;
import cn.worksafety.hazard.Hazard;
import cn.worksafety.hazard.HazardExtension;
import cn.worksafety.hazard.HazardGrade;
import cn.worksafety.hazard.HazardInterview;
import cn.worksafety.hazard.HazardRepository;
import cn.worksafety.hazard.HazardSource;
import cn.worksafety.hazard.HazardStatus;
import cn.worksafety.hazard.RemediationPlan;
import cn.worksafety.hazard.RiskLevel;
import cn.worksafety.hazard.RiskPoint;
import cn.worksafety.hazard.UnitDesignation;
import cn.worksafety.organisation.Unit;
import cn.worksafety.organisation.UnitRepository;

/**
 * Illustrative hazards (marked 示例) on the training sample's enterprises of the Guangyuan and
 * Yicheng seed districts, dated back from the day the sample loads so that a newcomer sees every
 * state of the loop: verified, rectified awaiting sign-off, open, extended and listed, overdue with
 * an interview and overdue without one. Also the districts' designated units and risk points.
 */
@ApplicationScoped
public class HazardSample implements SampleDataSet {

    @Inject
    UnitRepository units;

    @Inject
    EntityManager em;

    @Inject
    HazardRepository hazardRepository;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Override
    public String name() {
        return "hazards";
    }

    @Override
    public int order() {
        // After the training sample, whose enterprises the hazards are found at.
        return 60;
    }

    @Override
    public void load() {
        LocalDate today = LocalDate.now(clock);
        for (String[] row : SampleDataSet.csv("sample/hazard-designations.csv")) {
            UnitDesignation designation = new UnitDesignation();
            designation.regionCode = row[0];
            designation.role = DesignationRole.valueOf(row[1]);
            designation.unitId = unit(row[2]).id;
            em.persist(designation);
            audit.created("sample-data", designation);
        }
        Map<String, RiskPoint> points = new HashMap<>();
        for (String[] row : SampleDataSet.csv("sample/risk-points.csv")) {
            RiskPoint point = new RiskPoint();
            point.unitId = unit(row[1]).id;
            point.name = row[2];
            point.level = RiskLevel.valueOf(row[3]);
            point.monitored = Boolean.parseBoolean(row[4]);
            point.controls = row[5];
            em.persist(point);
            audit.created("sample-data", point);
            points.put(row[0], point);
        }
        Map<String, Hazard> hazards = new HashMap<>();
        for (String[] row : SampleDataSet.csv("sample/hazards.csv")) {
            Unit unit = unit(row[1]);
            Hazard hazard = new Hazard();
            hazard.unitId = unit.id;
            hazard.regionCode = unit.regionCode;
            hazard.supervisingUnitId = unit(row[2]).id;
            hazard.grade = HazardGrade.valueOf(row[3]);
            hazard.source = HazardSource.valueOf(row[4]);
            hazard.foundOn = today.minusDays(Long.parseLong(row[5]));
            hazard.dueOn = hazard.foundOn.plusDays(Long.parseLong(row[6]));
            hazard.listedSupervision = hazard.grade == HazardGrade.MAJOR;
            hazard.riskPointId = row[7].isEmpty() ? null : points.get(row[7]).id;
            hazard.status = HazardStatus.OPEN;
            if (!row[8].isEmpty()) {
                hazard.status = HazardStatus.RECTIFIED;
                hazard.rectifiedOn = today.minusDays(Long.parseLong(row[8]));
                hazard.evidence = "（示例）整改完成，附照片";
            }
            if (!row[9].isEmpty()) {
                hazard.status = HazardStatus.VERIFIED;
                hazard.verifiedOn = today.minusDays(Long.parseLong(row[9]));
                hazard.verificationNote = "（示例）现场验收合格，销号";
            }
            hazard.description = row[10];
            hazards.put(row[0], hazard);
        }
        for (String[] row : SampleDataSet.csv("sample/hazard-follow-ups.csv")) {
            if (row[0].equals("PLAN")) {
                Hazard hazard = hazards.get(row[1]);
                String[] parts = row[6].split("\\|");
                hazard.plan = new RemediationPlan();
                hazard.plan.responsibility = row[4];
                hazard.plan.measures = parts[0];
                hazard.plan.funds = parts[1];
                hazard.plan.contingency = parts[2];
                hazard.plan.timeLimit = hazard.dueOn;
            }
        }
        for (Hazard hazard : hazards.values()) {
            em.persist(hazard);
        }
        em.flush();
        for (String[] row : SampleDataSet.csv("sample/hazard-follow-ups.csv")) {
            Hazard hazard = hazards.get(row[1]);
            if (row[0].equals("EXTENSION")) {
                LocalDate on = today.minusDays(Long.parseLong(row[2]));
                HazardExtension extension = new HazardExtension();
                extension.hazardId = hazard.id;
                extension.previousDueOn = hazard.dueOn;
                extension.requestedDueOn = today.plusDays(Long.parseLong(row[3]));
                extension.reason = row[6];
                extension.parkApproved = true;
                extension.parkUnitId = designated(hazard.regionCode, DesignationRole.PARK_COMMAND);
                extension.departmentApproved = true;
                extension.departmentUnitId = hazard.supervisingUnitId;
                extension.status = ExtensionStatus.FILED;
                extension.filedOn = on;
                extension.filedByUnitId = designated(hazard.regionCode, DesignationRole.EMERGENCY_BUREAU);
                em.persist(extension);
                audit.created("sample-data", extension);
                hazard.dueOn = extension.requestedDueOn;
                hazard.listedSupervision = true;
                if (hazard.plan != null) {
                    hazard.plan.timeLimit = hazard.dueOn;
                }
            } else if (row[0].equals("INTERVIEW")) {
                HazardInterview interview = new HazardInterview();
                interview.hazardId = hazard.id;
                interview.heldOn = today.minusDays(Long.parseLong(row[2]));
                interview.heldBy = row[4];
                interview.interviewee = row[5];
                interview.summary = row[6];
                em.persist(interview);
                audit.created("sample-data", interview);
            }
        }
        em.flush();
        for (Hazard hazard : hazards.values()) {
            audit.created("sample-data", hazard);
        }
    }

    private Unit unit(String code) {
        return units.findByCode(code).orElseThrow(() -> new IllegalStateException("Sample unit " + code + " is missing"));
    }

    private Long designated(String regionCode, DesignationRole role) {
        return hazardRepository.designated(regionCode, role);
    }
}

package cn.worksafety.local;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.worksafety.organisation.UnitRepository;
import cn.worksafety.planning.IndicatorInput;
import cn.worksafety.planning.IndicatorNature;
import cn.worksafety.planning.PlanInput;
import cn.worksafety.planning.PlanKind;
import cn.worksafety.planning.PlanService;
import cn.worksafety.planning.TargetComparator;
import cn.worksafety.planning.TargetInput;

/**
 * The indicator tables of the seed documents (sample/plans.csv, sample/indicators.csv): the
 * Liaocheng resort district's 14th five-year emergency-management and work-safety plans (004)
 * and Haiyan County's 2019 work points (001). Plans and targets only: the documents report no
 * observed values, so every indicator starts as NO_DATA.
 */
@ApplicationScoped
public class PlanningSample implements SampleDataSet {

    @Inject
    PlanService planService;

    @Inject
    UnitRepository units;

    @Override
    public String name() {
        return "planning";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public void load() {
        Map<String, PlanInput> plans = new LinkedHashMap<>();
        for (String[] row : SampleDataSet.csv("sample/plans.csv")) {
            PlanInput plan = new PlanInput();
            plan.title = row[1];
            plan.kind = PlanKind.valueOf(row[2]);
            plan.periodStart = LocalDate.parse(row[3]);
            plan.periodEnd = LocalDate.parse(row[4]);
            plan.issuerId = String.valueOf(units.findByCode(row[5]).orElseThrow().id);
            plan.indicators = new ArrayList<>();
            plans.put(row[0], plan);
        }
        for (String[] row : SampleDataSet.csv("sample/indicators.csv")) {
            IndicatorInput indicator = new IndicatorInput();
            indicator.sequence = Integer.valueOf(row[1]);
            indicator.category = row[2];
            indicator.name = row[3];
            indicator.unitOfMeasure = row[4];
            TargetInput target = new TargetInput();
            target.comparator = TargetComparator.valueOf(row[5]);
            target.value = Double.valueOf(row[6]);
            target.baselinePeriod = row[7];
            target.averageYears = row[8].isEmpty() ? null : Integer.valueOf(row[8]);
            target.wording = row[10];
            indicator.target = target;
            indicator.nature = IndicatorNature.valueOf(row[9]);
            plans.get(row[0]).indicators.add(indicator);
        }
        List.copyOf(plans.values()).forEach(planService::importPlan);
    }
}

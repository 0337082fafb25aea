package cn.worksafety.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.worksafety.organisation.UnitRepository;
import cn.worksafety.planning.Plan;
import cn.worksafety.planning.PlanRepository;
import cn.worksafety.planning.PlanTaskInput;
import cn.worksafety.planning.PlanTaskService;

/**
 * The main tasks (主要任务) of the sample plans (sample/plan-tasks.csv): the Liaocheng resort
 * district's 14th five-year emergency-management plan (004) with its lead units, and Haiyan
 * County's 2019 work points (001). A set of its own, after the plans, so that it also reaches a
 * local database that loaded the plans before tasks existed. No task is linked to a
 * responsibility item: the sample lists belong to other regions.
 */
@ApplicationScoped
public class PlanTaskSample implements SampleDataSet {

    @Inject
    PlanTaskService planTasks;

    @Inject
    PlanRepository plans;

    @Inject
    UnitRepository units;

    @Override
    public String name() {
        return "plan-tasks";
    }

    @Override
    public int order() {
        return 31;
    }

    @Override
    public void load() {
        Map<String, String[]> planRows = new LinkedHashMap<>();
        for (String[] row : SampleDataSet.csv("sample/plans.csv")) {
            planRows.put(row[0], row);
        }
        Map<String, List<PlanTaskInput>> tasks = new LinkedHashMap<>();
        for (String[] row : SampleDataSet.csv("sample/plan-tasks.csv")) {
            PlanTaskInput task = new PlanTaskInput();
            task.number = row[1];
            task.title = row[2];
            task.leadUnitId = row[3].isEmpty() ? null : String.valueOf(units.findByCode(row[3]).orElseThrow().id);
            tasks.computeIfAbsent(row[0], k -> new ArrayList<>()).add(task);
        }
        tasks.forEach((key, rows) -> {
            // The sample plan by its title and issuer; one renamed since, or given tasks by someone, is skipped.
            String[] plan = planRows.get(key);
            long issuerId = units.findByCode(plan[5]).orElseThrow().id;
            for (Plan found : plans.list("title = ?1 and issuerId = ?2", plan[1], issuerId)) {
                planTasks.importTasks(found.id, rows);
            }
        });
    }
}

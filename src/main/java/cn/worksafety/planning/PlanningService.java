package cn.worksafety.planning;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The sample-data entry points local mode's loaders call (local.PlanningSample, local.PlanTaskSample).
 * Only until those loaders call {@link PlanService#importPlan} and {@link PlanTaskService#importTasks}
 * themselves: local mode is being moved to its own module in a parallel change, so its files are
 * left alone here.
 */
@ApplicationScoped
public class PlanningService {

    @Inject
    PlanService plans;

    @Inject
    PlanTaskService tasks;

    @Transactional(Transactional.TxType.MANDATORY)
    public Plan importPlan(PlanInput input) {
        return plans.importPlan(input);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean importTasks(long planId, List<PlanTaskInput> rows) {
        return tasks.importTasks(planId, rows);
    }
}

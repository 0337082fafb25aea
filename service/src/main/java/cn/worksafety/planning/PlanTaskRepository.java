package cn.worksafety.planning;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class PlanTaskRepository implements PanacheRepository<PlanTask> {

    /** The tasks of the plans, by plan and in document order. */
    public List<PlanTask> ofPlans(Collection<Long> planIds) {
        return planIds.isEmpty() ? List.of() : list("planId in ?1 order by planId, position, id", planIds);
    }
}

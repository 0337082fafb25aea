package cn.worksafety.planning;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class IndicatorRepository implements PanacheRepository<Indicator> {

    /** The indicators of the plans, ordered by plan and sequence. */
    public List<Indicator> ofPlans(Collection<Long> planIds) {
        return planIds.isEmpty() ? List.of() : list("planId in ?1 order by planId, sequence", planIds);
    }

    public boolean responsibleFor(long planId, long unitId) {
        return count("planId = ?1 and responsibleUnitId = ?2", planId, unitId) > 0;
    }
}

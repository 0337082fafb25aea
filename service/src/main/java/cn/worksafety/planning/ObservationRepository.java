package cn.worksafety.planning;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class ObservationRepository implements PanacheRepository<Observation> {

    /** The observations of the indicators, ordered by indicator and period. */
    public List<Observation> ofIndicators(Collection<Long> indicatorIds) {
        return indicatorIds.isEmpty() ? List.of()
                : list("indicatorId in ?1 order by indicatorId, periodStart", indicatorIds);
    }

    public Optional<Observation> find(long indicatorId, String period) {
        return find("indicatorId = ?1 and period = ?2", indicatorId, period).firstResultOptional();
    }

    public long countFor(long indicatorId) {
        return count("indicatorId", indicatorId);
    }
}

package cn.worksafety.planning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * The observations of the indicators one GraphQL request asks about, loaded once: the
 * {@code observations}, {@code latest} and {@code status} fields of the same indicators share
 * one query instead of one each. Synchronized: SmallRye GraphQL may run those batched fields
 * on several worker threads at once, and each must find what another already loaded.
 */
@RequestScoped
public class ObservationBatch {

    @Inject
    ObservationService service;

    private final Map<Long, List<Observation>> loaded = new HashMap<>();

    /** The observations of each indicator (oldest period first), in the order of {@code indicators}. */
    public synchronized List<List<Observation>> of(List<Indicator> indicators) {
        List<Long> missing = indicators.stream().map(i -> i.id).filter(id -> !loaded.containsKey(id)).distinct().toList();
        if (!missing.isEmpty()) {
            List<List<Observation>> fresh = service.observationsOf(missing);
            for (int i = 0; i < missing.size(); i++) {
                loaded.put(missing.get(i), fresh.get(i));
            }
        }
        List<List<Observation>> result = new ArrayList<>(indicators.size());
        for (Indicator indicator : indicators) {
            result.add(loaded.get(indicator.id));
        }
        return result;
    }

    /** Forgets what was loaded (after a change in the same request). */
    public synchronized void clear() {
        loaded.clear();
    }
}

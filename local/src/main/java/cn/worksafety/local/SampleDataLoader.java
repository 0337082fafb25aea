package cn.worksafety.local;

import java.util.Comparator;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.arc.profile.UnlessBuildProfile;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;

/** In local mode, loads every sample data set the database does not have yet, at start-up. */
@ApplicationScoped
@UnlessBuildProfile("test")
public class SampleDataLoader {

    private static final Logger LOG = Logger.getLogger(SampleDataLoader.class);

    @Inject
    @Any
    Instance<SampleDataSet> sets;

    @Inject
    EntityManager em;

    // Before the other start-up observers (default priority APPLICATION + 500), so that the checks'
    // start-up catch-up, which CheckScheduler starts from its own observer, finds the sample data.
    @ActivateRequestContext
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION) StartupEvent event) {
        if (!ConfigUtils.getProfiles().contains("local")) {
            return;
        }
        List<SampleDataSet> ordered = sets.stream().sorted(Comparator.comparingInt(SampleDataSet::order)).toList();
        for (SampleDataSet set : ordered) {
            QuarkusTransaction.requiringNew().run(() -> loadOnce(em, set));
        }
    }

    /** Loads a set unless sample_data records it as loaded, and records it; the tests load sets the same way. */
    static void loadOnce(EntityManager em, SampleDataSet set) {
        boolean loaded = !em.createNativeQuery("select 1 from sample_data where name = ?1")
                .setParameter(1, set.name()).getResultList().isEmpty();
        if (loaded) {
            return;
        }
        set.load();
        em.createNativeQuery("insert into sample_data (name) values (?1)").setParameter(1, set.name()).executeUpdate();
        LOG.infof("Loaded sample data '%s'", set.name());
    }
}

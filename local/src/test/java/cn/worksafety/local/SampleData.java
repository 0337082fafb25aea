package cn.worksafety.local;

import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Loads local-mode sample data sets into the test database the way the local-mode loader does:
 * each set once (recorded in sample_data), in its own transaction, so any test may ask for them.
 */
public final class SampleData {

    private SampleData() {
    }

    public static synchronized void ensureLoaded(EntityManager em, SampleDataSet... sets) {
        for (SampleDataSet set : sets) {
            QuarkusTransaction.requiringNew().run(() -> {
                boolean loaded = !em.createNativeQuery("select 1 from sample_data where name = ?1")
                        .setParameter(1, set.name()).getResultList().isEmpty();
                if (!loaded) {
                    set.load();
                    em.createNativeQuery("insert into sample_data (name) values (?1)").setParameter(1, set.name()).executeUpdate();
                }
            });
        }
    }
}

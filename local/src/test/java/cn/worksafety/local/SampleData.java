package cn.worksafety.local;

import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Loads local-mode sample data sets into the test database the way the local-mode loader does
 * (SampleDataLoader is not a bean under the test profile): each set once (recorded in
 * sample_data), in its own transaction, so any test may ask for them.
 */
public final class SampleData {

    private SampleData() {
    }

    public static synchronized void ensureLoaded(EntityManager em, SampleDataSet... sets) {
        for (SampleDataSet set : sets) {
            QuarkusTransaction.requiringNew().run(() -> SampleDataLoader.loadOnce(em, set));
        }
    }
}

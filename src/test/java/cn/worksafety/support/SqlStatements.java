package cn.worksafety.support;

import org.hibernate.SessionFactory;

/** What a request costs in SQL statements, from Hibernate's statistics (on in the test profile). */
public final class SqlStatements {

    private SqlStatements() {
    }

    /**
     * The fewest statements of three runs of a read-only request. SmallRye GraphQL dispatches batched
     * fields by thread timing and now and then splits one batch in two, one statement more; an N+1
     * shows in every run, so the fewest is the request's real cost.
     */
    public static long cost(SessionFactory sessionFactory, Runnable request) {
        long fewest = Long.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            long before = sessionFactory.getStatistics().getPrepareStatementCount();
            request.run();
            fewest = Math.min(fewest, sessionFactory.getStatistics().getPrepareStatementCount() - before);
        }
        return fewest;
    }
}

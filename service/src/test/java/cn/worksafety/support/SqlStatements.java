package cn.worksafety.support;

import org.hibernate.SessionFactory;

import cn.worksafety.read.CompiledReads;
import io.quarkus.arc.Arc;

/**
 * What a request costs in SQL statements: the statements Hibernate prepared (its statistics are
 * on in the test profile) plus those the compiled read path ran.
 */
public final class SqlStatements {

    private SqlStatements() {
    }

    /**
     * The cost of a read-only request down either read path: the larger of its cost as a client's
     * request goes (the compiled read path where it can) and its cost forced to the GraphQL engine
     * (which answers mutations, fallbacks and the objects mutations return). A bound asserted on
     * it holds for both paths; an N+1 in either shows.
     */
    public static long cost(SessionFactory sessionFactory, Runnable request) {
        return Math.max(asSent(sessionFactory, request), engine(sessionFactory, request));
    }

    /** The cost as a client's request goes. */
    public static long asSent(SessionFactory sessionFactory, Runnable request) {
        return fewest(sessionFactory, request);
    }

    /** The cost when the GraphQL engine answers. */
    public static long engine(SessionFactory sessionFactory, Runnable request) {
        return ReadPaths.engine(() -> fewest(sessionFactory, request));
    }

    /**
     * The fewest statements of three runs. The GraphQL engine may split one batch of a nested field
     * in two by thread timing, one statement more; an N+1 shows in every run, so the fewest is the
     * request's real cost.
     */
    private static long fewest(SessionFactory sessionFactory, Runnable request) {
        CompiledReads compiled = Arc.container().instance(CompiledReads.class).get();
        long fewest = Long.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            long before = sessionFactory.getStatistics().getPrepareStatementCount() + compiled.statementCount();
            ReadPaths.withoutComparison(request);
            fewest = Math.min(fewest, sessionFactory.getStatistics().getPrepareStatementCount() + compiled.statementCount() - before);
        }
        return fewest;
    }
}

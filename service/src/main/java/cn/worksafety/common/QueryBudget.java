package cn.worksafety.common;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.CoercedVariables;
import graphql.language.Document;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.util.TraversalControl;

/**
 * What one request may cost, counted in rows, not fields (docs/query-cost.md), and checked before
 * anything runs: by {@link QueryBudgetInstrumentation} in the GraphQL engine and by the compiled
 * read path (cn.worksafety.read) before it builds its SQL, so both refuse the same requests.
 *
 * <ul>
 * <li>an object field costs one row for every row of its parent;</li>
 * <li>a connection costs its {@code first} (default {@link PageRequest#DEFAULT_FIRST}) rows for
 * every row of its parent (its edges and nodes are those rows), and the nodes' fields are counted
 * that many times;</li>
 * <li>a list without paging costs {@code app.graphql.list-estimate} rows (10 by default: what such lists hold
 * in practice; their hard cap, common.ListQuery.CAP, is larger);</li>
 * <li>scalars, page info and introspection ({@code __schema}, {@code __type}, {@code __typename})
 * cost nothing: the standard introspection query always passes;</li>
 * <li>aliases add up: every selected field counts, whatever its name.</li>
 * </ul>
 * Besides the cost, the number of root fields (aliases included) and the depth of data fields are
 * capped.
 */
@ApplicationScoped
public class QueryBudget {

    @Inject
    AppConfig config;

    /** What a request would fetch. */
    public record Cost(long rows, int rootFields, int depth) {
    }

    /** Measures a validated document's operation with variables already coerced. */
    public Cost measure(GraphQLSchema schema, Document document, String operationName, CoercedVariables variables) {
        Counter counter = new Counter();
        QueryTraverser.newQueryTraverser().schema(schema).document(document).operationName(operationName)
                .coercedVariables(variables).build().visitPreOrder(counter);
        return new Cost(counter.rows, counter.rootFields, counter.depth);
    }

    /** Measures a validated document's operation with the raw variables of the request. */
    public Cost measure(GraphQLSchema schema, Document document, String operationName, Map<String, Object> rawVariables) {
        Counter counter = new Counter();
        QueryTraverser.newQueryTraverser().schema(schema).document(document).operationName(operationName)
                .variables(rawVariables).build().visitPreOrder(counter);
        return new Cost(counter.rows, counter.rootFields, counter.depth);
    }

    /** Why the request is refused, in words a client can act on; null when it is within the budget. */
    public String refusal(Cost cost) {
        if (cost.rootFields() > config.graphql().maxRootFields()) {
            return "The query has " + cost.rootFields() + " root fields (aliases count), more than the " + config.graphql().maxRootFields()
                    + " allowed in one request: split it into several requests.";
        }
        if (cost.depth() > config.graphql().maxDepth()) {
            return "The query nests fields " + cost.depth() + " levels deep, more than the " + config.graphql().maxDepth() + " allowed.";
        }
        if (cost.rows() > config.graphql().maxCost()) {
            return "The query would fetch about " + cost.rows() + " rows (its cost), more than the " + config.graphql().maxCost()
                    + " allowed in one request: ask for smaller pages ('first'), fewer aliases or fewer nested lists.";
        }
        return null;
    }

    /** Sums rows over the fields the traverser visits, parents before children. */
    private final class Counter extends QueryVisitorStub {
        long rows;
        int rootFields;
        int depth;

        @Override
        public TraversalControl visitFieldWithControl(QueryVisitorFieldEnvironment env) {
            if (env.getField().getName().startsWith("__")) {
                if (env.getParentEnvironment() == null) {
                    rootFields++;
                }
                return TraversalControl.ABORT; // introspection is free, and so is everything under it
            }
            int level = 1;
            for (QueryVisitorFieldEnvironment p = env.getParentEnvironment(); p != null; p = p.getParentEnvironment()) {
                level++;
            }
            if (level == 1) {
                rootFields++;
            }
            depth = Math.max(depth, level);
            rows = saturatedAdd(rows, rowsOf(env));
            return TraversalControl.CONTINUE;
        }

        /** Rows this field fetches: its own rows per parent row times every ancestor's multiplier. */
        private long rowsOf(QueryVisitorFieldEnvironment env) {
            long total = rows(env, false);
            for (QueryVisitorFieldEnvironment p = env.getParentEnvironment(); p != null && total != 0; p = p.getParentEnvironment()) {
                total = saturatedMultiply(total, rows(p, true));
            }
            return total;
        }

        /**
         * Rows one instance of this field stands for, per parent row. A connection: its first;
         * an unpaged list: the estimate; an object: one. Its edges and their node are the rows
         * the connection counted (multiplier 1, no rows of their own); scalars and page info are
         * no rows (a root scalar is still one query).
         */
        private long rows(QueryVisitorFieldEnvironment env, boolean asMultiplier) {
            GraphQLType type = env.getFieldDefinition().getType();
            GraphQLNamedType named = GraphQLTypeUtil.unwrapAll(type);
            if (!(named instanceof GraphQLObjectType) || named.getName().equals("PageInfo")) {
                return asMultiplier || env.getParentEnvironment() == null ? 1 : 0;
            }
            String name = named.getName();
            if (name.endsWith("Edge") || GraphQLTypeUtil.unwrapAll(env.getParentType()).getName().endsWith("Edge")) {
                return asMultiplier ? 1 : 0;
            }
            if (name.endsWith("Connection")) {
                Object first = env.getArguments().get("first");
                long n = first instanceof Number number ? number.longValue() : PageRequest.DEFAULT_FIRST;
                return Math.max(1, Math.min(n, PageRequest.MAX_FIRST)); // outside 1..MAX the resolver refuses it
            }
            return GraphQLTypeUtil.unwrapNonNull(type) instanceof GraphQLList ? config.graphql().listEstimate() : 1;
        }
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return r < 0 ? Long.MAX_VALUE : r;
    }

    private static long saturatedMultiply(long a, long b) {
        return b != 0 && a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
    }
}

package cn.worksafety.common;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldsContainer;

/**
 * A guard for batched nested fields that take arguments. SmallRye GraphQL gathers every use of
 * such a field at one level of the query into one batch and calls the resolver with the
 * arguments of the first use only, so two aliases asking with different arguments (say
 * {@code y2025: activationCounts(period: "2025")} and {@code y2026: activationCounts(period:
 * "2026")}) would silently get the same answer. This refuses such a request instead: it reads
 * the whole operation and fails with BAD_USER_INPUT when the field appears with more than one
 * set of argument values.
 */
public final class BatchArguments {

    private BatchArguments() {
    }

    /** Fails unless every use of the current field (same parent type and name) has the same arguments. */
    public static void requireOneSet(DataFetchingEnvironment env) {
        if (env == null) {
            return;
        }
        String parentType = env.getExecutionStepInfo().getObjectType().getName();
        String fieldName = env.getField().getName();
        Set<Map<String, Object>> seen = new HashSet<>();
        QueryTraverser.newQueryTraverser()
                .schema(env.getGraphQLSchema())
                .document(env.getDocument())
                .operationName(env.getOperationDefinition().getName())
                .variables(env.getVariables())
                .build()
                .visitPreOrder(new QueryVisitorStub() {
                    @Override
                    public void visitField(QueryVisitorFieldEnvironment field) {
                        GraphQLFieldsContainer container = field.getFieldsContainer();
                        if (fieldName.equals(field.getField().getName()) && container != null
                                && parentType.equals(container.getName())) {
                            seen.add(field.getArguments());
                        }
                    }
                });
        if (seen.size() > 1) {
            throw new InvalidInput("'" + parentType + "." + fieldName + "' is asked for with different arguments in one "
                    + "request; ask for one set of arguments per request (send separate requests for the others).");
        }
    }
}

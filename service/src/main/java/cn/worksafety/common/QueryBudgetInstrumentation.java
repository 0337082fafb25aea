package cn.worksafety.common;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import graphql.GraphQL;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.ExecutionResult;

/**
 * Puts {@link QueryBudget} into the GraphQL engine through graphql-java's instrumentation, which
 * SmallRye GraphQL lets us add when it builds its GraphQL instance: a request over budget is
 * refused after validation and before any field runs, with BAD_USER_INPUT (GraphQLErrorCodes)
 * and the computed cost in the message.
 */
@ApplicationScoped
public class QueryBudgetInstrumentation extends SimplePerformantInstrumentation {

    @Inject
    QueryBudget budget;

    /** SmallRye's own instrumentation (its query cache) stays in the chain, ours goes after it. */
    void install(@Observes GraphQL.Builder builder) {
        Instrumentation smallrye = builder.build().getInstrumentation();
        builder.instrumentation(new ChainedInstrumentation(List.of(smallrye, this)));
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
            InstrumentationState state) {
        ExecutionContext execution = parameters.getExecutionContext();
        String operationName = execution.getOperationDefinition().getName();
        QueryBudget.Cost cost = budget.measure(execution.getGraphQLSchema(), execution.getDocument(), operationName,
                execution.getCoercedVariables());
        String refusal = budget.refusal(cost);
        if (refusal != null) {
            throw new AbortExecutionException(refusal);
        }
        return super.beginExecuteOperation(parameters, state);
    }
}

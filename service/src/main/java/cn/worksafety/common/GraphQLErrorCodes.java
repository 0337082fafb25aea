package cn.worksafety.common;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;

/**
 * Gives every error of a GraphQL engine response its {@code extensions.code} and message
 * ({@link ErrorBody}). It rewrites the result through graphql-java's instrumentation (a public
 * API), which sees every result of the engine, parse, validation and budget refusals included.
 */
@ApplicationScoped
public class GraphQLErrorCodes extends SimplePerformantInstrumentation {

    /** SmallRye's own instrumentation stays in the chain, ours goes after it. */
    void install(@Observes GraphQL.Builder builder) {
        builder.instrumentation(new ChainedInstrumentation(List.of(builder.build().getInstrumentation(), this)));
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        if (result.getErrors().isEmpty()) {
            return CompletableFuture.completedFuture(result);
        }
        List<GraphQLError> errors = result.getErrors().stream().map(GraphQLErrorCodes::translate).toList();
        return CompletableFuture.completedFuture(result.transform(b -> b.errors(errors)));
    }

    private static GraphQLError translate(GraphQLError error) {
        if (error instanceof ExceptionWhileDataFetching fetching) {
            return ErrorBody.of(fetching.getException()).graphQLError(error);
        }
        // Syntax errors, unknown fields, wrong argument types, the query budget: the request itself is wrong.
        return new ErrorBody("BAD_USER_INPUT", error.getMessage()).graphQLError(error);
    }
}

package cn.worksafety.read;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.schema.GraphQLSchema;
import graphql.validation.Validator;

/**
 * A query document the compiled read path may answer: it parses and validates against the schema,
 * and its operation is a query. Anything else is the engine's to answer, with its own errors. The
 * cost of a request depends on its variables, so {@link CompiledReads} checks the budget per request.
 */
record ParsedQuery(Document document, OperationDefinition operation, Map<String, FragmentDefinition> fragments) {

    /** The document's operation, or null when the engine should see the request. */
    static ParsedQuery parse(GraphQLSchema schema, String query, String operationName, int maxTokens) {
        Document document;
        try {
            ParserOptions options = ParserOptions.getDefaultParserOptions().transform(o -> o.maxTokens(maxTokens));
            document = Parser.parse(ParserEnvironment.newParserEnvironment().document(query).parserOptions(options).build());
        } catch (InvalidSyntaxException e) {
            return null;
        }
        if (!new Validator().validateDocument(schema, document, Locale.ENGLISH).isEmpty()) {
            return null;
        }
        OperationDefinition operation = null;
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        int operations = 0;
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof OperationDefinition op) {
                operations++;
                if (operationName == null || operationName.equals(op.getName())) {
                    operation = op;
                }
            } else if (definition instanceof FragmentDefinition fragment) {
                fragments.put(fragment.getName(), fragment);
            }
        }
        if (operation == null || (operationName == null && operations > 1)
                || operation.getOperation() != OperationDefinition.Operation.QUERY) {
            return null;
        }
        return new ParsedQuery(document, operation, Map.copyOf(fragments));
    }
}

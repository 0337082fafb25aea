package cn.worksafety.read;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.schema.GraphQLSchema;
import graphql.validation.Validator;

/**
 * A query document the compiled read path may answer: it parses, validates against the schema,
 * its operation is a query, and it is within the depth and complexity limits the GraphQL engine
 * enforces (so the engine would run it too). Anything else is the engine's to answer, with its
 * own errors.
 */
record ParsedQuery(OperationDefinition operation, Map<String, FragmentDefinition> fragments) {

    /** The limits the GraphQL engine is configured with. */
    record Limits(int maxTokens, int maxDepth, int maxComplexity) {
    }

    /** The document's operation, or null when the engine should see the request. */
    static ParsedQuery parse(GraphQLSchema schema, String query, String operationName, Limits limits) {
        Document document;
        try {
            ParserOptions options = ParserOptions.getDefaultParserOptions().transform(o -> o.maxTokens(limits.maxTokens()));
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
        Shape shape = new Shape(fragments);
        shape.measure(operation.getSelectionSet(), 1);
        if (shape.depth > limits.maxDepth() || shape.fields > limits.maxComplexity()) {
            return null;
        }
        return new ParsedQuery(operation, Map.copyOf(fragments));
    }

    /** Depth and field count with fragments expanded, as the engine's depth and complexity limits count them. */
    private static final class Shape {
        final Map<String, FragmentDefinition> fragments;
        int depth;
        int fields;

        Shape(Map<String, FragmentDefinition> fragments) {
            this.fragments = fragments;
        }

        void measure(SelectionSet set, int level) {
            if (set == null) {
                return;
            }
            if (fields > 100_000) {
                return; // far over any limit already: stop expanding fragments
            }
            List<Selection> selections = set.getSelections();
            for (Selection<?> selection : selections) {
                if (selection instanceof Field field) {
                    fields++;
                    depth = Math.max(depth, level);
                    measure(field.getSelectionSet(), level + 1);
                } else if (selection instanceof InlineFragment fragment) {
                    measure(fragment.getSelectionSet(), level);
                } else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())) {
                    measure(fragments.get(spread.getName()).getSelectionSet(), level);
                }
            }
        }
    }
}

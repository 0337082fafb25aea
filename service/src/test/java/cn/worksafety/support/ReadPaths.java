package cn.worksafety.support;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NumericNode;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import io.restassured.response.ValidatableResponse;

/**
 * The two read paths of the service, as tests see them: a query goes down the compiled read path
 * (cn.worksafety.read) when it can, else to the GraphQL engine; the test profile honours the
 * header {@value #HEADER} to send it to the engine and marks compiled answers with the same
 * header. Tests compare the two answers and force one path where they measure it.
 */
public final class ReadPaths {

    public static final String HEADER = "X-Read-Path";
    public static final String ENGINE = "engine";
    public static final String COMPILED = "compiled";

    private static final ThreadLocal<String> FORCED = new ThreadLocal<>();
    private static volatile boolean comparing = true;
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final String REFERENCE = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private ReadPaths() {
    }

    /** Runs {@code requests} with every request sent to the GraphQL engine. */
    public static <T> T engine(Supplier<T> requests) {
        FORCED.set(ENGINE);
        try {
            return requests.get();
        } finally {
            FORCED.remove();
        }
    }

    /**
     * Runs requests whose answers may differ between two sends without either path being wrong
     * (reads racing concurrent writes), without comparing the paths.
     */
    public static synchronized void withoutComparison(Runnable requests) {
        comparing = false;
        try {
            requests.run();
        } finally {
            comparing = true;
        }
    }

    static String forced() {
        return FORCED.get();
    }

    static boolean comparing() {
        return comparing;
    }

    /** Whether the document's operation is a query (mutations are never sent twice). */
    static boolean isQuery(String query) {
        try {
            Document document = Parser.parse(query);
            return document.getDefinitionsOfType(OperationDefinition.class).stream()
                    .allMatch(op -> op.getOperation() == OperationDefinition.Operation.QUERY);
        } catch (InvalidSyntaxException e) {
            return true;
        }
    }

    /** Whether the compiled read path answered this response. */
    public static boolean compiled(ValidatableResponse response) {
        return COMPILED.equals(response.extract().header(HEADER));
    }

    /**
     * Fails unless both answers are the same JSON: same values, numbers equal by value (1 and
     * 1.0), error references (random per error) aside.
     */
    static void assertSame(String query, ValidatableResponse first, ValidatableResponse engine) {
        String a = first.extract().asString();
        String b = engine.extract().asString();
        try {
            JsonNode left = JSON.readTree(a.replaceAll(REFERENCE, "<reference>"));
            JsonNode right = JSON.readTree(b.replaceAll(REFERENCE, "<reference>"));
            if (!left.equals(NUMBERS_BY_VALUE, right)) {
                throw new AssertionError("The read paths answer differently.\nquery: " + query + "\n" + (compiled(first)
                        ? "compiled" : "first") + ": " + a + "\nengine:   " + b);
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError("Not JSON: " + a + " / " + b, e);
        }
    }

    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (x, y) -> {
        if (x instanceof NumericNode nx && y instanceof NumericNode ny) {
            return new BigDecimal(nx.asText()).compareTo(new BigDecimal(ny.asText()));
        }
        return x.equals(y) ? 0 : 1;
    };
}

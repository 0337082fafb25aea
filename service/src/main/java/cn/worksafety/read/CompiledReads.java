package cn.worksafety.read;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import cn.worksafety.common.QueryBudget;
import graphql.language.OperationDefinition;
import graphql.schema.GraphQLSchema;
import io.agroal.api.AgroalDataSource;
import io.vertx.core.buffer.Buffer;

/**
 * The compiled read path: a GraphQL query becomes one SQL statement in which PostgreSQL builds
 * the whole JSON answer (scoping and masking included, see {@link ReadModel}), and its bytes go
 * to the client as they come. No entity is loaded and no GraphQL field is executed in Java.
 * A request it cannot answer exactly as the GraphQL engine would is left to the engine.
 */
@ApplicationScoped
public class CompiledReads {

    private static final int CACHED_DOCUMENTS = 2000;
    private static final int CACHED_STATEMENTS = 500;
    private static final ParsedQuery NOT_A_READ = new ParsedQuery(null, null, Map.of());
    private static final Statement FOR_THE_ENGINE = new Statement(null, List.of());

    @Inject
    GraphQLSchema schema;

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "quarkus.smallrye-graphql.parser-max-tokens", defaultValue = "15000")
    int maxTokens;

    @Inject
    QueryBudget budget;

    private final ReadModel model = new ReadModel();
    private final Map<String, ParsedQuery> documents = new ConcurrentHashMap<>();
    /**
     * Statements already built, per query, operation and variables. The SQL text depends on
     * nothing else: the caller enters only through the scope's parameters, which come first and
     * are substituted per request. Clients send a fixed set of queries, so building (walking the
     * selection, writing the SQL text) is done once per query rather than per request.
     */
    private final Map<StatementKey, Statement> built = new ConcurrentHashMap<>();
    private final AtomicLong statements = new AtomicLong();

    private record StatementKey(String query, String operationName, Map<String, Object> variables) {
    }

    /** A query this path answers, ready to run; empty when the engine should answer. */
    Optional<Statement> compile(String query, String operationName, Map<String, Object> variables, ReadCaller caller) {
        StatementKey key = new StatementKey(query, operationName, variables);
        Statement statement = built.get(key);
        if (statement == null) {
            statement = build(query, operationName, variables, caller);
            if (built.size() >= CACHED_STATEMENTS) {
                built.clear(); // beyond a client's fixed set of queries (other ids, cursors): not worth keeping
            }
            built.put(key, statement);
        }
        return statement == FOR_THE_ENGINE ? Optional.empty() : Optional.of(statement.forCaller(caller));
    }

    private Statement build(String query, String operationName, Map<String, Object> variables, ReadCaller caller) {
        ParsedQuery parsed = documents.get(key(query, operationName));
        if (parsed == null) {
            parsed = ParsedQuery.parse(schema, query, operationName, maxTokens);
            if (documents.size() >= CACHED_DOCUMENTS) {
                documents.clear(); // clients send a fixed set of queries; anything beyond is not worth keeping
            }
            documents.put(key(query, operationName), parsed == null ? NOT_A_READ : parsed);
        }
        if (parsed == null || parsed == NOT_A_READ) {
            return FOR_THE_ENGINE;
        }
        try {
            Map<String, Object> coerced = Variables.coerce(schema, parsed.operation(), variables);
            // The engine's budget, checked the same way before any SQL: a request over it goes to the
            // engine, which refuses it with the same error whichever path the client's request took.
            if (overBudget(parsed, operationName, variables)) {
                return FOR_THE_ENGINE;
            }
            return build(parsed, coerced, caller);
        } catch (NotCompilable e) {
            return FOR_THE_ENGINE;
        }
    }

    private boolean overBudget(ParsedQuery parsed, String operationName, Map<String, Object> variables) {
        try {
            return budget.refusal(budget.measure(schema, parsed.document(), operationName, variables == null ? Map.of() : variables)) != null;
        } catch (RuntimeException e) {
            return true; // variables the traverser cannot coerce: the engine answers with its own error
        }
    }

    private static String key(String query, String operationName) {
        return operationName == null ? query : operationName + '\n' + query;
    }

    private Statement build(ParsedQuery parsed, Map<String, Object> variables, ReadCaller caller) {
        OperationDefinition operation = parsed.operation();
        Selected.Request request = new Selected.Request(parsed.fragments(), variables);
        SqlQuery q = new SqlQuery(model);
        StringBuilder sql = new StringBuilder(caller.scope(q)).append("select ");
        List<Root> roots = new ArrayList<>();
        ObjectReads query = model.query();
        for (Selected field : Selected.of(operation.getSelectionSet(), "Query", request)) {
            sql.append(roots.isEmpty() ? "" : ", ").append(q.value(query, "Query", null, field));
            roots.add(new Root(field.key, model.engineAnswersNull(field.name)));
        }
        SqlQuery.Prepared prepared = q.prepare(sql.append(" from c").toString());
        List<Object> scope = caller.scopeValues();
        if (!prepared.parameters().subList(0, scope.size()).equals(scope)) {
            // The statement is reused for other callers by substituting these: they must come first.
            throw new IllegalStateException("the caller's scope is not the statement's first parameters");
        }
        return new Statement(prepared, List.copyOf(roots));
    }

    /** One compiled request: its SQL, and per column the response key of its root field. */
    record Statement(SqlQuery.Prepared sql, List<Root> roots) {

        /** This statement for {@code caller}: its scope values in place of the first parameters. */
        Statement forCaller(ReadCaller caller) {
            List<Object> scope = caller.scopeValues();
            List<Object> parameters = new ArrayList<>(sql.parameters());
            for (int i = 0; i < scope.size(); i++) {
                parameters.set(i, scope.get(i));
            }
            return new Statement(new SqlQuery.Prepared(sql.sql(), parameters), roots);
        }
    }

    record Root(String key, boolean engineAnswersNull, byte[] name) {

        Root(String key, boolean engineAnswersNull) {
            this(key, engineAnswersNull, ("\"" + key + "\":").getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Runs the statement and writes the response body ({@code {"data":{...}}}); empty when a root
     * field that names a record by id found none the caller may see (the engine answers NOT_FOUND).
     */
    Optional<Buffer> run(Statement statement) throws SQLException {
        try {
            return answer(statement);
        } catch (SQLException e) {
            if (SqlQuery.OVER_CAP.equals(e.getSQLState())) {
                return Optional.empty(); // a list over its cap: the engine refuses it with its own words
            }
            throw e;
        }
    }

    private Optional<Buffer> answer(Statement statement) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement ps = connection.prepareStatement(statement.sql().sql())) {
            List<Object> parameters = statement.sql().parameters();
            for (int i = 0; i < parameters.size(); i++) {
                bind(ps, i + 1, parameters.get(i));
            }
            statements.incrementAndGet();
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                // The column values go into the response buffer as they are: one copy of the answer.
                Buffer body = Buffer.buffer(4096).appendBytes(DATA_OPEN);
                for (int i = 0; i < statement.roots().size(); i++) {
                    Root root = statement.roots().get(i);
                    byte[] value = rs.getBytes(i + 1);
                    if (value == null && root.engineAnswersNull()) {
                        return Optional.empty();
                    }
                    if (i > 0) {
                        body.appendByte((byte) ',');
                    }
                    body.appendBytes(root.name()).appendBytes(value == null ? NULL : value);
                }
                return Optional.of(body.appendBytes(DATA_CLOSE));
            }
        }
    }

    private static final byte[] DATA_OPEN = "{\"data\":{".getBytes(StandardCharsets.UTF_8);
    private static final byte[] DATA_CLOSE = "}}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NULL = "null".getBytes(StandardCharsets.UTF_8);

    /** Every placeholder carries its SQL cast, so a null needs no type of its own. */
    private static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, java.sql.Types.VARCHAR);
        } else {
            ps.setObject(index, value);
        }
    }

    /** Statements this path has run, for tests that count what a request costs. */
    public long statementCount() {
        return statements.get();
    }
}

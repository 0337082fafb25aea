package cn.worksafety.read;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import cn.worksafety.common.AppConfig;
import cn.worksafety.common.GraphQLRequestShape;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Sends GraphQL queries that {@link CompiledReads} can answer down the compiled path, and
 * everything else (mutations, anonymous or role-less callers, fields it has no SQL for, requests
 * the engine would refuse) on to the GraphQL engine unchanged. Runs after authentication and
 * after {@link GraphQLRequestShape} checked and parsed the body; the SQL runs on a worker thread
 * of its own, so a request never waits behind another one's database work.
 */
@ApplicationScoped
public class ReadPathRoute {

    private static final Logger LOG = Logger.getLogger(ReadPathRoute.class);
    /**
     * Tests compare both paths on the same request with this header, and see which path answered
     * in it (honoured and sent only when app.read.path-header is set, as in the test profile).
     */
    static final String PATH_HEADER = "X-Read-Path";

    @Inject
    CompiledReads reads;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry registry;

    @Inject
    AppConfig config;

    private Counter compiled;
    private Counter engine;

    void install(@Observes Router router) {
        compiled = Counter.builder("safety_graphql_reads").tag("path", "compiled")
                .description("GraphQL requests answered by the compiled read path").register(registry);
        engine = Counter.builder("safety_graphql_reads").tag("path", "engine")
                .description("GraphQL requests left to the GraphQL engine").register(registry);
        // After GraphQLRequestShape (order -10), before the GraphQL route.
        router.post("/graphql").order(-5).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        JsonObject request = context.get(GraphQLRequestShape.PARSED);
        String contentType = responseType(context);
        if (!config.read().compiled() || request == null || contentType == null
                || (config.read().pathHeader() && "engine".equals(context.request().getHeader(PATH_HEADER)))) {
            toEngine(context);
            return;
        }
        Uni<SecurityIdentity> identity = QuarkusHttpUser.getSecurityIdentity(context, null);
        if (identity == null) {
            toEngine(context);
            return;
        }
        io.vertx.core.Context requestContext = Vertx.currentContext();
        identity.subscribe().with(
                caller -> answer(context, requestContext, request, caller, contentType),
                failure -> toEngine(context)); // a rejected token: the engine answers UNAUTHENTICATED
    }

    private void answer(RoutingContext context, io.vertx.core.Context requestContext, JsonObject request, SecurityIdentity identity,
            String contentType) {
        if (identity.isAnonymous()) {
            toEngine(context);
            return;
        }
        ReadCaller caller = ReadCaller.of(identity, config.security().unitClaim(), LocalDate.now(clock));
        if (caller == null) {
            toEngine(context);
            return;
        }
        JsonObject variables = request.getJsonObject("variables");
        Map<String, Object> values = variables == null ? Map.of() : variables.getMap();
        // Unordered: blocking work of one request must not queue behind another's on the same event loop.
        requestContext.<Optional<Buffer>>executeBlocking(() -> {
            Optional<CompiledReads.Statement> statement = reads.compile(request.getString("query"),
                    request.getString("operationName"), values, caller);
            return statement.isEmpty() ? Optional.empty() : reads.run(statement.get());
        }, false).onComplete(result -> {
            if (result.succeeded() && result.result().isPresent()) {
                compiled.increment();
                if (config.read().pathHeader()) {
                    context.response().putHeader(PATH_HEADER, "compiled");
                }
                context.response().setStatusCode(200).putHeader("Content-Type", contentType)
                        .end(result.result().get());
            } else {
                if (result.failed()) {
                    // A fault of this path must not become the client's: the engine answers instead.
                    LOG.errorf(result.cause(), "Compiled read failed, answered by the GraphQL engine (reference %s)",
                            UUID.randomUUID());
                }
                toEngine(context);
            }
        });
    }

    private void toEngine(RoutingContext context) {
        engine.increment();
        context.next();
    }

    /**
     * The response type the GraphQL route would give: the default for no or any Accept, else the
     * JSON type asked for; null (the engine decides) for anything else.
     */
    private static String responseType(RoutingContext context) {
        String accept = context.request().getHeader("Accept");
        if (accept == null || accept.isBlank() || accept.startsWith("*/*")) {
            return "application/graphql-response+json; charset=UTF-8";
        }
        if (accept.equals("application/json") || accept.equals("application/graphql-response+json")) {
            return accept;
        }
        return null;
    }
}

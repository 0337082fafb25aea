package cn.worksafety.security;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import cn.worksafety.common.AppConfig;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.runtime.OidcIdentityProvider;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Bearer tokens already verified, so that a client sending the same token again is not verified
 * again: parsing the token, its RSA signature and the identity built from its claims were about a
 * quarter of the CPU a small read cost (issue 14, docs/performance.md).
 * <p>
 * It stands in front of Quarkus' OIDC identity provider (a higher priority, so the identity
 * provider manager asks it first) and hands every token it has not seen to that provider,
 * unchanged. Only what the provider accepted is kept, keyed by the exact token text, and only
 * until the token's {@code exp} (and {@code iat} + {@code quarkus.oidc.token.age} when that is
 * set), never beyond: a token is answered from here only while OIDC would still accept it. A
 * token that fails verification is never kept, so it fails every time; any other text, a token
 * with one character changed or appended among them, is a different key and goes to OIDC. The
 * identity is a function of the token alone with this service's configuration (roles and unit
 * from its claims; no user-info or introspection call), which is what makes keeping it sound.
 * At most {@code app.security.token-cache-size} tokens are kept.
 */
@ApplicationScoped
public class VerifiedTokens implements IdentityProvider<TokenAuthenticationRequest> {

    @Inject
    OidcIdentityProvider oidc;

    @Inject
    AppConfig config;

    @ConfigProperty(name = "quarkus.oidc.token.age")
    Optional<Duration> maxAge;

    private final Map<String, Verified> tokens = new ConcurrentHashMap<>();
    private final AtomicLong verifications = new AtomicLong();

    private record Verified(SecurityIdentity identity, long validUntilMillis) {
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /**
     * Asked before the OIDC provider, which has the default priority (1001, above
     * {@link #SYSTEM_FIRST}); the manager asks the highest first.
     */
    @Override
    public int priority() {
        return IdentityProvider.super.priority() + 1000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!(request.getToken() instanceof AccessTokenCredential) || config.security().tokenCacheSize() <= 0) {
            return Uni.createFrom().nullItem(); // not a bearer token: the other providers decide
        }
        String token = request.getToken().getToken();
        Verified known = tokens.get(token);
        if (known != null) {
            if (System.currentTimeMillis() < known.validUntilMillis()) {
                return Uni.createFrom().item(forThisRequest(known.identity(), request, context));
            }
            tokens.remove(token, known);
        }
        verifications.incrementAndGet();
        return oidc.authenticate(request, context).invoke(identity -> remember(token, identity));
    }

    private void remember(String token, SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)
                || jwt.getExpirationTime() <= 0) {
            return;
        }
        long until = jwt.getExpirationTime() * 1000;
        if (maxAge.isPresent()) {
            if (jwt.getIssuedAtTime() <= 0) {
                return;
            }
            until = Math.min(until, (jwt.getIssuedAtTime() + maxAge.get().toSeconds()) * 1000);
        }
        if (tokens.size() >= config.security().tokenCacheSize()) {
            long now = System.currentTimeMillis();
            tokens.values().removeIf(v -> v.validUntilMillis() <= now);
            if (tokens.size() >= config.security().tokenCacheSize()) {
                tokens.clear(); // more live tokens than expected: start over rather than grow
            }
        }
        tokens.put(token, new Verified(identity, until));
    }

    /**
     * The kept identity with this request's own objects: OIDC puts the request's routing context
     * and authentication context into the identity it builds, and the former request's must not
     * be reached through a later one.
     */
    private static SecurityIdentity forThisRequest(SecurityIdentity identity, TokenAuthenticationRequest request,
            AuthenticationRequestContext context) {
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (routing != null) {
            routing.put(AuthenticationRequestContext.class.getName(), context);
        }
        return QuarkusSecurityIdentity.builder(identity)
                .addAttribute(RoutingContext.class.getName(), routing)
                .addAttribute(AuthenticationRequestContext.class.getName(), context)
                .build();
    }

    /** How many tokens went to full verification (cache misses), for tests. */
    public long verifications() {
        return verifications.get();
    }
}

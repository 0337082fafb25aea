package cn.worksafety.support;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import cn.worksafety.embedded.SigningKey;
import cn.worksafety.embedded.TokenMinter;

/** Real signed bearer tokens for tests, verified by the service's OIDC layer. */
public final class Tokens {

    public static final String ISSUER = "urn:safety-governance:local";

    /** The audience the service checks by default (quarkus.oidc.token.audience). */
    public static final String AUDIENCE = "safety-governance";

    private static TokenMinter minter;

    private Tokens() {
    }

    private static synchronized TokenMinter minter() {
        if (minter == null) {
            SigningKey key = SigningKey.loadOrCreate(EmbeddedPostgresResource.HOME.resolve("token-signing-key.der"));
            minter = new TokenMinter(key, ISSUER, "realm_access/roles", "unit", List.of(AUDIENCE));
        }
        return minter;
    }

    /** A token for the given unit code (may be null) and roles ("admin", "viewer", ...). */
    public static String token(String unit, String... roles) {
        return minter().sign("test-" + String.join("-", roles) + "@" + unit, Arrays.asList(roles), unit, Duration.ofHours(1));
    }

    public static String admin() {
        return token(null, "admin");
    }

    /** A correctly signed token that expires {@code ttl} from now. */
    public static String expiringIn(Duration ttl, String unit, String... roles) {
        return minter().sign("brief", Arrays.asList(roles), unit, ttl);
    }

    /** A token signed with the service's key but naming another issuer. */
    public static String issuedBy(String issuer, String unit, String... roles) {
        TokenMinter ours = minter();
        return new TokenMinter(ours.key(), issuer, "realm_access/roles", "unit", ours.audience())
                .sign("test-" + String.join("-", roles) + "@" + unit, Arrays.asList(roles), unit, Duration.ofHours(1));
    }

    /** A token signed with a key the service does not know. */
    public static String forged(String unit, String... roles) {
        SigningKey stranger = SigningKey.fromPkcs8(freshKey());
        return new TokenMinter(stranger, ISSUER, "realm_access/roles", "unit", List.of(AUDIENCE))
                .sign("forger", List.of(roles), unit, Duration.ofHours(1));
    }

    /** A correctly signed, current token issued for another application of the same issuer. */
    public static String otherAudience(String unit, String... roles) {
        return new TokenMinter(minter().key(), ISSUER, "realm_access/roles", "unit", List.of("another-app"))
                .sign("other-app", Arrays.asList(roles), unit, Duration.ofHours(1));
    }

    /** A correctly signed token that expired an hour ago. */
    public static String expired(String unit, String... roles) {
        return minter().sign("late", Arrays.asList(roles), unit, Duration.ofHours(-1));
    }

    private static byte[] freshKey() {
        try {
            var generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate().getEncoded();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

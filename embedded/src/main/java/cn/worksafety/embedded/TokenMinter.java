package cn.worksafety.embedded;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.smallrye.jwt.build.Jwt;

/**
 * Signs tokens shaped like the production provider's: roles under the configured role-claim
 * path (realm_access/roles by default), the unit code under the unit claim, and the audience the
 * service checks ({@code quarkus.oidc.token.audience}; none when it checks none).
 */
public record TokenMinter(SigningKey key, String issuer, String roleClaimPath, String unitClaim, List<String> audience) {

    public String sign(String subject, List<String> roles, String unit, Duration ttl) {
        String[] path = roleClaimPath.split("/");
        Object value = roles;
        for (int i = path.length - 1; i >= 1; i--) {
            Map<String, Object> level = new HashMap<>();
            level.put(path[i], value);
            value = level;
        }
        var claims = Jwt.issuer(issuer).subject(subject).upn(subject).expiresIn(ttl).claim(path[0], value);
        if (!audience.isEmpty()) {
            claims.audience(new java.util.HashSet<>(audience));
        }
        if (unit != null) {
            claims.claim(unitClaim, unit);
        }
        return claims.jws().sign(key.privateKey());
    }
}

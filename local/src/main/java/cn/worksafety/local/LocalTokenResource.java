package cn.worksafety.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import cn.worksafety.common.AppConfig;
import cn.worksafety.embedded.SigningKey;
import cn.worksafety.embedded.TokenMinter;
import cn.worksafety.organisation.UnitRepository;
import cn.worksafety.security.Role;
import io.quarkus.runtime.configuration.ConfigUtils;

/**
 * {@code POST /local/token}: in local mode only, a signed token for the roles and unit asked
 * for, verified by the same OIDC path as a production token. Anywhere else: 404.
 */
@Path("/local/token")
public class LocalTokenResource {

    public record TokenRequest(List<String> roles, String unit, String subject) {
    }

    @Inject
    AppConfig config;

    @Inject
    LocalConfig local;

    @ConfigProperty(name = "quarkus.oidc.roles.role-claim-path")
    String roleClaimPath;

    @ConfigProperty(name = "quarkus.oidc.token.audience")
    Optional<List<String>> audience;

    @Inject
    UnitRepository units;

    private SigningKey key;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response issue(TokenRequest request) {
        if (!ConfigUtils.getProfiles().contains("local") || local.signingKeyFile().isEmpty()) {
            throw new NotFoundException();
        }
        Set<String> known = java.util.Arrays.stream(Role.values()).map(Role::claimValue).collect(Collectors.toSet());
        if (request == null || request.roles() == null || request.roles().isEmpty() || !known.containsAll(request.roles())) {
            return badRequest("'roles' must list one or more of " + known + ".");
        }
        if (request.unit() != null && units.findByCode(request.unit()).isEmpty()) {
            return badRequest("'unit' names no known unit code: " + request.unit() + ".");
        }
        String subject = request.subject() == null ? "local-" + String.join("-", request.roles()) : request.subject();
        String token = new TokenMinter(key(), local.tokenIssuer(), roleClaimPath, config.security().unitClaim(), audience.orElse(List.of()))
                .sign(subject, request.roles(), request.unit(), Duration.ofHours(12));
        return Response.ok(Map.of("access_token", token, "token_type", "Bearer", "expires_in", 43200)).build();
    }

    private synchronized SigningKey key() {
        if (key == null) {
            try {
                key = SigningKey.fromPkcs8(Files.readAllBytes(java.nio.file.Path.of(local.signingKeyFile().get())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return key;
    }

    private static Response badRequest(String message) {
        return Response.status(Response.Status.BAD_REQUEST).entity(Map.of("error", message)).build();
    }
}

package cn.worksafety.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import cn.worksafety.common.ErrorBody;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.Router;

/**
 * A bearer token that fails verification (bad signature, expired, wrong issuer) is rejected by
 * the HTTP security layer before GraphQL runs. For GraphQL clients this turns that bare 401
 * into the same shape as every other failure: a GraphQL error with code UNAUTHENTICATED.
 */
@ApplicationScoped
public class RejectedTokenHandler {

    void install(@Observes Router router) {
        router.route("/graphql*").order(Integer.MIN_VALUE).failureHandler(context -> {
            Throwable failure = context.failure();
            if ((failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException)
                    && !context.response().headWritten()) {
                new ErrorBody("UNAUTHENTICATED", "The bearer token was rejected (bad signature, expired or not for this service).")
                        .sendAsGraphQL(context, 200);
            } else {
                context.next();
            }
        });
    }
}

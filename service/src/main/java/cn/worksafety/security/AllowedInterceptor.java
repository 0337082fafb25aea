package cn.worksafety.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import org.jboss.logging.Logger;

import cn.worksafety.common.DomainException;

/** Enforces {@link Allowed} before the operation runs, and logs denied and failed mutations. */
@Allowed
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class AllowedInterceptor {

    private static final Logger LOG = Logger.getLogger("cn.worksafety.security.denied");

    @Inject
    Caller caller;

    @AroundInvoke
    Object check(InvocationContext context) throws Exception {
        Allowed allowed = context.getMethod().getAnnotation(Allowed.class);
        if (allowed == null) {
            allowed = context.getMethod().getDeclaringClass().getAnnotation(Allowed.class);
        }
        String operation = context.getMethod().getName();
        try {
            caller.requireAnyOf(allowed.value());
            return context.proceed();
        } catch (DomainException e) {
            // No arguments in the log: they may carry personal data.
            LOG.infof("%s by %s refused: %s", operation, who(), e.code());
            throw e;
        } catch (RuntimeException e) {
            // Failures found by the database or at commit (a constraint, a concurrent change): the
            // client's code comes from ErrorBody; the log names the kind of failure only.
            LOG.infof("%s by %s failed: %s", operation, who(), e.getClass().getSimpleName());
            throw e;
        }
    }

    /**
     * The caller for the log line. A client that hangs up during a long wait (runChecks behind a
     * running one, a statement timeout) ends its request context before the failure arrives here;
     * reaching the request-scoped Caller then threw ContextNotActiveException, which replaced the
     * real error and was logged as INTERNAL.
     */
    private String who() {
        try {
            return caller.describe();
        } catch (ContextNotActiveException e) {
            return "a caller whose request has ended";
        }
    }
}

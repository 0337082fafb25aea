package cn.worksafety.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

/**
 * Declares which roles may call a GraphQL operation; without a value, any authenticated
 * caller. Anonymous callers get UNAUTHENTICATED, callers without a listed role FORBIDDEN.
 * Which records a permitted caller may touch (its region, its unit) is decided by the
 * feature's service through {@link Caller}.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface Allowed {

    @Nonbinding
    Role[] value() default { Role.ADMIN, Role.COORDINATOR, Role.UNIT_EDITOR, Role.VIEWER, Role.EXCHANGE };
}

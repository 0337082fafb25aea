package cn.worksafety.read;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.EnumSet;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;

import cn.worksafety.security.Role;
import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The caller as the compiled read path scopes it, with the rules of security.Caller and
 * security.PersonalData: admins read everything; everyone else the region of the unit the
 * token names, and below (nothing when the token names no known unit); personal data whole for
 * admins, coordinators and a unit editor's own unit. The statement resolves the unit itself, as
 * its first row {@code c}.
 */
record ReadCaller(Set<Role> roles, String unitCode, LocalDate asOf) {

    /** The caller from a verified token; null when the token carries none of the service's roles. */
    static ReadCaller of(SecurityIdentity identity, String unitClaim, LocalDate asOf) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (identity.hasRole(role.claimValue())) {
                roles.add(role);
            }
        }
        if (roles.isEmpty()) {
            return null;
        }
        return new ReadCaller(roles, unit(identity, unitClaim), asOf);
    }

    /**
     * The unit claim, as security.Caller reads it. For OIDC's principal it is read from the claims
     * directly: JsonWebToken.getClaim first looks the name up among the standard claims and,
     * for a name like "unit" that is none of them, builds and throws away an exception on every
     * request.
     */
    private static String unit(SecurityIdentity identity, String unitClaim) {
        if (identity.getPrincipal() instanceof OidcJwtCallerPrincipal oidc
                && oidc.getClaims().getClaimValue(unitClaim) instanceof String unit) {
            return unit;
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim(unitClaim) != null) {
            return String.valueOf((Object) jwt.getClaim(unitClaim));
        }
        return null;
    }

    /**
     * The values of {@link #scope}'s parameters, in their order in the statement: they are the
     * statement's first parameters, and the only ones that depend on the caller, so a statement
     * built once is reused for every caller with these substituted (CompiledReads).
     */
    List<Object> scopeValues() {
        boolean admin = roles.contains(Role.ADMIN);
        boolean seesPersonalData = admin || roles.contains(Role.COORDINATOR);
        return Arrays.asList(admin, asOf, seesPersonalData, roles.contains(Role.UNIT_EDITOR), unitCode);
    }

    /** The statement's first part: the row {@code c} every scoped field refers to. */
    String scope(SqlQuery q) {
        List<Object> v = scopeValues();
        return "with c as materialized (select u.id as unit_id,"
                + " case when " + q.param(v.get(0), "boolean") + " then '' else coalesce(g.path, '-none-') end as readable,"
                + " " + q.param(v.get(1), "date") + " as as_of,"
                + " " + q.param(v.get(2), "boolean") + " as sees_personal_data,"
                + " " + q.param(v.get(3), "boolean") + " as editor"
                + " from (select 1) one left join unit u on u.code = " + q.param(v.get(4), "text")
                + " left join region g on g.code = u.region_code) ";
    }

    /** Personal data of a record owned by {@code ownerUnit}: whole, or masked keeping keepStart and keepEnd characters. */
    static String personalData(String value, String ownerUnit, int keepStart, int keepEnd) {
        return "case when c.sees_personal_data or (c.editor and " + ownerUnit + " = c.unit_id) then " + value
                + " else gql_mask(" + value + ", " + keepStart + ", " + keepEnd + ") end";
    }

    /** Whether a record in the region with path {@code path} is in the caller's readable region. */
    static String readable(String path) {
        return "starts_with(" + path + ", c.readable)";
    }
}

package cn.worksafety.security;

import java.util.EnumSet;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import cn.worksafety.common.AppConfig;
import cn.worksafety.common.Forbidden;
import cn.worksafety.common.Unauthenticated;
import cn.worksafety.organisation.Region;
import cn.worksafety.organisation.RegionRepository;
import cn.worksafety.organisation.Unit;
import cn.worksafety.organisation.UnitRepository;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling, for the length of one request: roles from the token, the acting unit
 * from the unit claim, and the region subtree the caller may read. Every scoping decision
 * goes through here.
 */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

    @Inject
    UnitRepository units;

    @Inject
    RegionRepository regions;

    @Inject
    AppConfig config;

    private boolean resolved;
    private Set<Role> roles;
    private Unit unit;
    private Region region;

    private void resolve() {
        if (resolved) {
            return;
        }
        try {
            if (identity.isAnonymous()) {
                throw new Unauthenticated("Authentication required: send a valid bearer token.");
            }
        } catch (AuthenticationFailedException e) {
            throw new Unauthenticated("The bearer token was rejected (bad signature, expired or not for this service).");
        }
        roles = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (identity.hasRole(role.claimValue())) {
                roles.add(role);
            }
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim(config.security().unitClaim()) != null) {
            unit = units.findByCode(String.valueOf((Object) jwt.getClaim(config.security().unitClaim()))).orElse(null);
            region = unit == null ? null : regions.findById(unit.regionCode);
        }
        resolved = true;
    }

    /** Fails with UNAUTHENTICATED for anonymous callers and FORBIDDEN without one of the roles. */
    public void requireAnyOf(Role... allowed) {
        resolve();
        for (Role role : allowed) {
            if (roles.contains(role)) {
                return;
            }
        }
        throw new Forbidden("Your role may not perform this operation.");
    }

    public boolean has(Role role) {
        resolve();
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return has(Role.ADMIN);
    }

    /** The caller's unit, or null when the token names none that exists. */
    public Unit unit() {
        resolve();
        return unit;
    }

    public Long unitId() {
        Unit u = unit();
        return u == null ? null : u.id;
    }

    /**
     * The region-path prefix the caller may read: null means everything (admin); a caller
     * without a known unit gets a prefix nothing matches.
     */
    public String readablePathPrefix() {
        resolve();
        if (roles.contains(Role.ADMIN)) {
            return null;
        }
        return region == null ? "-none-" : region.path;
    }

    public boolean canRead(Region target) {
        String prefix = readablePathPrefix();
        return prefix == null || (target != null && target.path.startsWith(prefix));
    }

    /**
     * Whether {@code target} lies above the caller's own region: one of its ancestors, whose
     * path is a proper prefix of the caller's (/51/ and /51/5108/ above /51/5108/510812/).
     * Admins and callers without a unit have no region of their own: false.
     */
    public boolean isAboveOwnRegion(Region target) {
        resolve();
        return region != null && target != null && region.path.length() > target.path.length()
                && region.path.startsWith(target.path);
    }

    /** Coordinators change records of their region; admins everywhere. */
    public void requireRegionManager(Region target) {
        if (isAdmin()) {
            return;
        }
        if (has(Role.COORDINATOR) && canRead(target)) {
            return;
        }
        throw new Forbidden("You may change records only in your own region.");
    }

    /**
     * Admins anywhere, coordinators in their region, unit editors for their own unit only:
     * the rule for records a unit owns.
     */
    public void requireUnitEditor(Unit owner, Region ownerRegion) {
        if (isAdmin() || (has(Role.COORDINATOR) && canRead(ownerRegion))) {
            return;
        }
        if (has(Role.UNIT_EDITOR) && unit != null && unit.id.equals(owner.id)) {
            return;
        }
        throw new Forbidden("You may change records only of your own unit.");
    }

    /** Who the caller is, for audit rows and logs: the token subject, or "system" outside a request. */
    public String subject() {
        resolve();
        String name = identity.getPrincipal().getName();
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            name = jwt.getSubject();
        }
        return name;
    }

    /** The audit subject: the token subject, or "system" for scheduled and start-up work. */
    public String auditSubject() {
        try {
            return subject();
        } catch (Unauthenticated e) {
            return "system";
        }
    }

    public String unitCode() {
        try {
            Unit u = unit();
            return u == null ? null : u.code;
        } catch (Unauthenticated e) {
            return null;
        }
    }

    /** A short description for logs that never fails and never names personal data. */
    public String describe() {
        try {
            return subject() + "@" + unitCode() + " " + roles;
        } catch (RuntimeException e) {
            return "anonymous";
        }
    }
}

package cn.youfu.identity.internal;

import cn.youfu.identity.CurrentUser;
import cn.youfu.identity.Role;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;

/**
 * Where Youfu reads a person in the identity platform's claims, the same for the API's bearer tokens and the pages'
 * sign-in (docs/production.md, "The claims contract"):
 * <ul>
 *   <li>roles: the list at {@link OidcSettings#rolesPath()} (by default Youfu's own client roles,
 *       {@code resource_access.<client>.roles}), and the realm's roles only when {@link OidcSettings#realmRoles()}
 *       says so. Names Youfu does not know, and {@code system}, are ignored;</li>
 *   <li>department, ID number (or credit code) and registered name from the claims
 *       {@link OidcSettings#claims()} names.</li>
 * </ul>
 */
final class ClaimsContract {

    private final OidcSettings oidc;
    private final List<String> rolesPath;

    ClaimsContract(OidcSettings oidc) {
        this.oidc = oidc;
        this.rolesPath = List.of(oidc.rolesPath().split("\\."));
    }

    Set<Role> roles(ClaimAccessor claims) {
        var names = new ArrayList<String>(names(at(claims.getClaims(), rolesPath)));
        if (oidc.realmRoles()) {
            names.addAll(names(at(claims.getClaims(), List.of("realm_access", "roles"))));
        }
        var roles = EnumSet.noneOf(Role.class);
        names.stream().map(Role::fromClaim).flatMap(Optional::stream).forEach(roles::add);
        return roles;
    }

    /** The caller the claims stand for, with the roles read from them (or from another token of the same person). */
    CurrentUser user(ClaimAccessor claims, Set<Role> roles) {
        var subject = claims.getClaimAsString(StandardClaimNames.SUB);
        return new CurrentUser(subject, name(claims, subject), roles, text(claims, oidc.claims().department()),
                text(claims, oidc.claims().subjectId()));
    }

    /** The claims a token carries for {@code roles}, department, ID number and name, as the platform would put them. */
    Map<String, Object> claimsOf(Collection<Role> roles, String name, String department, String subjectId) {
        var claims = new LinkedHashMap<String, Object>();
        Object value = roles.stream().map(Role::claim).sorted().toList();
        for (int i = rolesPath.size() - 1; i > 0; i--) {
            value = Map.of(rolesPath.get(i), value);
        }
        claims.put(rolesPath.get(0), value);
        claims.put(oidc.claims().name(), name);
        if (department != null) {
            claims.put(oidc.claims().department(), department);
        }
        if (subjectId != null) {
            claims.put(oidc.claims().subjectId(), subjectId);
        }
        return claims;
    }

    static List<GrantedAuthority> authorities(Set<Role> roles) {
        return roles.stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority())).toList();
    }

    /** The registered name; a platform without that claim gives the standard name, else the user name. */
    private String name(ClaimAccessor claims, String subject) {
        for (var claim : List.of(oidc.claims().name(), StandardClaimNames.NAME,
                StandardClaimNames.PREFERRED_USERNAME)) {
            var value = text(claims, claim);
            if (value != null) {
                return value;
            }
        }
        return subject;
    }

    private static String text(ClaimAccessor claims, String claim) {
        var value = claims.hasClaim(claim) ? claims.getClaimAsString(claim) : null;
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Object at(Map<String, Object> claims, List<String> path) {
        Object node = claims;
        for (var key : path) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(key);
        }
        return node;
    }

    /** Role names as a list, or as one string of names separated by blanks or commas. */
    private static List<String> names(Object value) {
        if (value instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        if (value instanceof String text) {
            return Arrays.stream(text.split("[\\s,]+")).filter(s -> !s.isEmpty()).toList();
        }
        return List.of();
    }
}

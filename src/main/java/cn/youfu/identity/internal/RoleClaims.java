package cn.youfu.identity.internal;

import cn.youfu.identity.CurrentUser.Claims;
import cn.youfu.identity.Role;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.ClaimAccessor;

/**
 * Youfu's roles in the identity platform's claims, the same for the API's bearer tokens and the pages' sign-in: the
 * {@code roles} claim (the demo issuer, or a mapper) or a Keycloak realm's {@code realm_access.roles}. Names Youfu
 * does not know, and {@code system}, are ignored.
 */
final class RoleClaims {

    private RoleClaims() {
    }

    static Set<Role> roles(ClaimAccessor claims) {
        var names = new ArrayList<String>();
        var direct = claims.getClaimAsStringList(Claims.ROLES);
        if (direct != null) {
            names.addAll(direct);
        }
        var realm = claims.getClaimAsMap("realm_access");
        if (realm != null && realm.get("roles") instanceof List<?> realmRoles) {
            realmRoles.forEach(r -> names.add(String.valueOf(r)));
        }
        var roles = EnumSet.noneOf(Role.class);
        names.stream().map(Role::fromClaim).flatMap(Optional::stream).forEach(roles::add);
        return roles;
    }

    static List<GrantedAuthority> authorities(Set<Role> roles) {
        return roles.stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority())).toList();
    }
}

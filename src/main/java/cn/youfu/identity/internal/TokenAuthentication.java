package cn.youfu.identity.internal;

import cn.youfu.identity.CurrentUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * A verified bearer token and the caller the claims contract reads in it. The caller may have none of Youfu's roles:
 * the API refuses such a caller with 403 ({@link SecurityConfiguration}).
 */
final class TokenAuthentication extends JwtAuthenticationToken implements CurrentUser.Carrier {

    private final CurrentUser user;

    TokenAuthentication(Jwt jwt, CurrentUser user) {
        super(jwt, ClaimsContract.authorities(user.roles()), user.username());
        this.user = user;
    }

    /** Reads the caller from a verified token. */
    static TokenAuthentication of(Jwt jwt, ClaimsContract contract) {
        return new TokenAuthentication(jwt, contract.user(jwt, contract.roles(jwt)));
    }

    @Override
    public CurrentUser currentUser() {
        return user;
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other) && other instanceof TokenAuthentication that && user.equals(that.user);
    }

    @Override
    public int hashCode() {
        return super.hashCode() * 31 + user.hashCode();
    }
}

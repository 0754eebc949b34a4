package cn.youfu.identity.internal;

import cn.youfu.identity.CurrentUser;
import cn.youfu.platform.DemoOnly;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * The web pages' sign-in form (demo mode): the same names and passwords as the demo token endpoint. The session's
 * principal is the {@link CurrentUser}, so pages read the caller as the API does.
 */
@Component
@DemoOnly
class SessionSignIn implements AuthenticationProvider {

    private final PasswordSignIn signIn;

    SessionSignIn(PasswordSignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        var username = authentication.getName();
        var password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        if (username == null || username.isBlank() || password.isEmpty()) {
            throw new BadCredentialsException("missing username or password");
        }
        var account = signIn.authenticate(username, password)
                .orElseThrow(() -> new BadCredentialsException("invalid username or password"));
        var user = new CurrentUser(account.username(), account.displayName(), account.roles(), account.department(),
                account.subjectId());
        return UsernamePasswordAuthenticationToken.authenticated(user, null,
                account.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}

package cn.youfu.identity.internal;

import cn.youfu.identity.PageSignIn;
import cn.youfu.platform.PublicEndpoint;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Production: signs a person out at the identity platform who is signed in there but not at Youfu (refused for having
 * none of Youfu's roles), so that the next person on a shared counter terminal is asked for their own account.
 */
@Controller
@ConditionalOnProperty(name = "youfu.mode", havingValue = "production")
class PlatformSignOut {

    private final ClientRegistrationRepository registrations;

    PlatformSignOut(ClientRegistrationRepository registrations) {
        this.registrations = registrations;
    }

    @GetMapping(PageSignIn.PLATFORM_SIGN_OUT)
    @PublicEndpoint
    String signOut(HttpServletRequest request) {
        var base = ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
        return "redirect:" + OidcPageSignIn.platformSignOut(registrations, base).orElse("/login?error=unavailable");
    }
}

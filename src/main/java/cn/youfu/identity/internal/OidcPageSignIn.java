package cn.youfu.identity.internal;

import cn.youfu.identity.CurrentUser;
import cn.youfu.identity.PageSignIn;
import cn.youfu.identity.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.security.core.AuthenticationException;
import java.util.function.Consumer;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Production sign-in to the pages through the province's identity platform ({@code YOUFU_OIDC_ISSUER}): OpenID
 * Connect authorization code (with PKCE), the person mapped to the same roles as a bearer token on the API.
 */
final class OidcPageSignIn {

    /** The error of a sign-in refused because the person has none of Youfu's roles. */
    static final String NO_ROLE = "no_youfu_role";

    private OidcPageSignIn() {
    }

    /**
     * A sign-in that did not succeed: back to the sign-in page, which says why ({@code error=no-role}: the person
     * has none of Youfu's roles; otherwise cancelled or refused at the platform).
     */
    static void failed(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        boolean roleless = failure instanceof OAuth2AuthenticationException oauth
                && NO_ROLE.equals(oauth.getError().getErrorCode());
        response.sendRedirect(request.getContextPath() + (roleless ? "/login?error=no-role" : "/login?error"));
    }

    /**
     * The identity platform as an OAuth 2.0 client registration, read from its discovery document on the first
     * sign-in (not at start-up, so that Youfu starts while the platform is away; a failed read is tried again on the
     * next sign-in).
     */
    static final class IssuerRegistration implements ClientRegistrationRepository {

        private final OidcSettings oidc;
        private volatile ClientRegistration registration;

        IssuerRegistration(OidcSettings oidc) {
            this.oidc = oidc;
        }

        @Override
        public ClientRegistration findByRegistrationId(String registrationId) {
            if (!PageSignIn.REGISTRATION.equals(registrationId)) {
                return null;
            }
            var found = registration;
            if (found == null) {
                synchronized (this) {
                    if (registration == null) {
                        registration = discover();
                    }
                    found = registration;
                }
            }
            return found;
        }

        private ClientRegistration discover() {
            var builder = ClientRegistrations.fromIssuerLocation(oidc.issuer())
                    .registrationId(PageSignIn.REGISTRATION)
                    .clientName("Youfu")
                    .clientId(oidc.clientId())
                    .scope("openid", "profile")
                    .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}");
            if (oidc.publicClient()) {
                builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
            } else {
                builder.clientSecret(oidc.clientSecret());
            }
            return builder.build();
        }
    }

    /**
     * The identity platform's end-session address (RP-initiated logout) for someone signed in there but not at
     * Youfu: no ID token to name them, so the platform asks them to confirm, then sends them to {@code /login}.
     * Empty when the platform cannot be reached or has no end-session endpoint.
     */
    static java.util.Optional<String> platformSignOut(ClientRegistrationRepository registrations, String baseUrl) {
        ClientRegistration registration;
        try {
            registration = registrations.findByRegistrationId(PageSignIn.REGISTRATION);
        } catch (RuntimeException unreachable) {
            return java.util.Optional.empty();
        }
        var endSession = registration == null ? null
                : registration.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint");
        if (endSession == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(org.springframework.web.util.UriComponentsBuilder.fromUriString(
                        endSession.toString())
                .queryParam("client_id", registration.getClientId())
                .queryParam("post_logout_redirect_uri", baseUrl + "/login")
                .encode().build().toUriString());
    }

    /**
     * The signed-in person: the identity platform's user (ID token, user info), with Youfu's roles as authorities
     * and the {@link CurrentUser} the pages read.
     */
    static final class SignedInUser extends DefaultOidcUser implements CurrentUser.Carrier {

        private final CurrentUser user;

        SignedInUser(OidcUser oidc, CurrentUser user) {
            super(ClaimsContract.authorities(user.roles()), oidc.getIdToken(), oidc.getUserInfo(), IdTokenClaimNames.SUB);
            this.user = user;
        }

        @Override
        public CurrentUser currentUser() {
            return user;
        }

        @Override
        public boolean equals(Object other) {
            return super.equals(other) && other instanceof SignedInUser that && user.equals(that.user);
        }

        @Override
        public int hashCode() {
            return super.hashCode() * 31 + user.hashCode();
        }
    }

    /**
     * Maps the identity platform's user to Youfu's: roles from the ID token or user info, else from the access token
     * (Keycloak puts {@code resource_access} there by default), read as on the API ({@link ClaimsContract}). A person
     * with none of Youfu's roles is not signed in ({@link #NO_ROLE}).
     */
    static final class PageUsers implements OAuth2UserService<OidcUserRequest, OidcUser> {

        private final OAuth2UserService<OidcUserRequest, OidcUser> platform;
        private final JwtDecoder accessTokens;
        private final ClaimsContract contract;
        private final Consumer<CurrentUser> signedIn;

        /** @param signedIn told of each person signed in (staff names are kept for the timelines) */
        PageUsers(OAuth2UserService<OidcUserRequest, OidcUser> platform, JwtDecoder accessTokens,
                  ClaimsContract contract, Consumer<CurrentUser> signedIn) {
            this.platform = platform;
            this.accessTokens = accessTokens;
            this.contract = contract;
            this.signedIn = signedIn;
        }

        PageUsers(JwtDecoder accessTokens, ClaimsContract contract, Consumer<CurrentUser> signedIn) {
            this(new OidcUserService(), accessTokens, contract, signedIn);
        }

        @Override
        public OidcUser loadUser(OidcUserRequest request) {
            var oidc = platform.loadUser(request);
            var roles = contract.roles(oidc);
            if (roles.isEmpty()) {
                roles = accessTokenRoles(request.getAccessToken().getTokenValue());
            }
            if (roles.isEmpty()) {
                throw new OAuth2AuthenticationException(new OAuth2Error(NO_ROLE,
                        "the identity platform gives this person none of Youfu's roles", null));
            }
            var user = contract.user(oidc, roles);
            signedIn.accept(user);
            return new SignedInUser(oidc, user);
        }

        private Set<Role> accessTokenRoles(String token) {
            try {
                return contract.roles(accessTokens.decode(token));
            } catch (JwtException notAJwtOrNotOurs) {
                return Set.of();
            }
        }
    }
}

package cn.youfu.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.youfu.identity.CurrentUser;
import cn.youfu.identity.Role;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;

/** The pages' OpenID Connect sign-in maps the identity platform's person to Youfu's roles as the API does. */
class OidcPageSignInTest {

    static final ClientRegistration PLATFORM = ClientRegistration.withRegistrationId("province").clientId("youfu")
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
            .authorizationUri("https://idp.example/auth").tokenUri("https://idp.example/token").build();

    static OidcIdToken idToken(Map<String, Object> claims) {
        var builder = OidcIdToken.withTokenValue("id").subject("officer-7").issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60));
        claims.forEach(builder::claim);
        return builder.build();
    }

    static OidcUserRequest request(OidcIdToken id, String accessToken) {
        return new OidcUserRequest(PLATFORM, new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, accessToken,
                Instant.now(), Instant.now().plusSeconds(60)), id);
    }

    static Jwt jwt(Map<String, Object> claims) {
        var builder = Jwt.withTokenValue("access").header("alg", "RS256").subject("officer-7");
        claims.forEach(builder::claim);
        return builder.build();
    }

    final List<CurrentUser> signedIn = new java.util.ArrayList<>();
    final ClaimsContract contract = new ClaimsContract(OidcSettings.defaults());

    /** Youfu's own client roles, where Keycloak puts them. */
    static Map<String, Object> clientRoles(String... roles) {
        return Map.of("resource_access", Map.of("youfu", Map.of("roles", List.of(roles))));
    }

    /** The platform's own user service, as it would answer: the ID token's claims. */
    OidcPageSignIn.PageUsers users(JwtDecoder accessTokens) {
        return new OidcPageSignIn.PageUsers(r -> new DefaultOidcUser(List.of(), r.getIdToken()), accessTokens,
                contract, signedIn::add);
    }

    static final JwtDecoder OPAQUE = token -> {
        throw new BadJwtException("not a JWT");
    };

    @Test
    void anOfficerFromTheIdTokenBecomesTheSameCallerAsOnTheApi() {
        var claims = new java.util.HashMap<String, Object>(clientRoles("officer"));
        claims.putAll(Map.of("registered_name", "林秀英", "name", "秀英 林", "department", "fz-approval"));
        var user = users(OPAQUE).loadUser(request(idToken(claims), "opaque"));
        assertThat(user.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_OFFICER");
        var current = ((CurrentUser.Carrier) user).currentUser();
        assertThat(current).isEqualTo(new CurrentUser("officer-7", "林秀英", java.util.Set.of(Role.OFFICER),
                "fz-approval", null));
        var signedIn = new OAuth2AuthenticationToken(user, user.getAuthorities(), "province");
        assertThat(CurrentUser.of(signedIn)).isEqualTo(current);
        assertThat(this.signedIn).containsExactly(current);
    }

    @Test
    void rolesOnlyInTheAccessTokenAreReadFromIt() {
        var user = users(token -> jwt(clientRoles("applicant")))
                .loadUser(request(idToken(Map.of("subject_id", "350102195803120016")), "a.jwt.token"));
        var current = ((CurrentUser.Carrier) user).currentUser();
        assertThat(current.roles()).containsExactly(Role.APPLICANT);
        assertThat(current.subjectId()).isEqualTo("350102195803120016");
        assertThat(current.displayName()).isEqualTo("officer-7");
    }

    @Test
    void someoneWithNoneOfYoufusRolesIsNotSignedIn() {
        // a realm-wide admin, and another application's client roles, are not Youfu's roles
        assertThatThrownBy(() -> users(OPAQUE).loadUser(request(idToken(Map.of(
                "realm_access", Map.of("roles", List.of("admin", "offline_access")),
                "resource_access", Map.of("fz-portal", Map.of("roles", List.of("admin", "officer"))))), "opaque")))
                .isInstanceOf(OAuth2AuthenticationException.class)
                .hasMessageContaining("none of Youfu's roles");
        assertThat(signedIn).isEmpty();
    }
}

package cn.youfu.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.Jwt;

/** What a bearer token must be for Youfu: its issuer, its time, Youfu's audience, Youfu's client, an access token. */
class TokenRulesTest {

    static final String ISSUER = "https://idp.example/realms/fujian";
    static final OidcSettings OIDC = new OidcSettings(ISSUER, "youfu", null, null, List.of(),
            java.time.Duration.ofSeconds(30), false, OidcSettings.defaults().claims());

    /** A Keycloak access token of client youfu, expiring {@code expiresIn} seconds from now, with changes. */
    static Jwt token(long expiresIn, Map<String, Object> changes) {
        var now = Instant.now();
        var claims = new java.util.HashMap<String, Object>(Map.of("iss", ISSUER, "sub", "5f0c2a1e",
                "aud", List.of("youfu", "account"), "azp", "youfu", "typ", "Bearer"));
        claims.putAll(changes);
        var builder = Jwt.withTokenValue("t").header("alg", "RS256").issuedAt(now.minusSeconds(300))
                .expiresAt(now.plusSeconds(expiresIn));
        claims.forEach((name, value) -> {
            if (value != null) {
                builder.claim(name, value);
            }
        });
        return builder.build();
    }

    static List<String> refusals(Jwt jwt) {
        return TokenRules.of(ISSUER, OIDC).validate(jwt).getErrors().stream().map(OAuth2Error::getDescription)
                .toList();
    }

    @Test
    void youfusOwnAccessTokenPasses() {
        assertThat(refusals(token(300, Map.of()))).isEmpty();
        // RFC 9068's client_id stands for azp where a platform does not write azp
        var map = new java.util.HashMap<String, Object>();
        map.put("azp", null);
        map.put("client_id", "youfu");
        assertThat(refusals(token(300, map))).isEmpty();
    }

    @Test
    void aTokenOfAnotherClientIsRefusedEvenWithYoufuInItsAudience() {
        assertThat(refusals(token(300, Map.of("azp", "fz-portal")))).singleElement().asString()
                .contains("fz-portal");
        assertThat(refusals(token(300, Map.of("aud", List.of("account"))))).singleElement().asString()
                .contains("aud");
    }

    @Test
    void anIdTokenOrARefreshTokenIsNoAccessToken() {
        assertThat(refusals(token(300, Map.of("typ", "ID")))).singleElement().asString().contains("ID");
        assertThat(refusals(token(300, Map.of("typ", "Refresh")))).hasSize(1);
    }

    @Test
    void anotherIssuerIsRefused() {
        assertThat(refusals(token(300, Map.of("iss", "https://idp.example/realms/other")))).hasSize(1);
    }

    /** The accepted clock skew is 30 s: 20 s past exp passes, 40 s past does not (Spring's default was 60 s). */
    @Test
    void aTokenExpiredMoreThanThirtySecondsAgoIsRefused() {
        assertThat(refusals(token(-20, Map.of()))).isEmpty();
        assertThat(refusals(token(-40, Map.of()))).singleElement().asString().contains("expired");
    }
}

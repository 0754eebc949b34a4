package cn.youfu.identity.internal;

import java.util.ArrayList;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/**
 * What a bearer token must be for Youfu to take it, besides a valid signature of the issuer's key:
 * <ul>
 *   <li>from the configured issuer;</li>
 *   <li>not expired and not before its {@code nbf}, give or take {@link OidcSettings#clockSkew()};</li>
 *   <li>for Youfu: {@code aud} contains {@link OidcSettings#requiredAudience()} (RFC 9068 §4);</li>
 *   <li>issued to Youfu's client: {@code azp} (Keycloak, OpenID Connect), else {@code client_id} (RFC 9068), is one of
 *       {@link OidcSettings#parties()}. A realm gives every client full scope by default, and Keycloak then adds
 *       Youfu to the audience of any application's token for a person holding Youfu's roles: the audience alone
 *       would let a token leaked from any of the province's applications act on Youfu;</li>
 *   <li>an access token: Keycloak marks its ID and refresh tokens in the {@code typ} claim ({@code ID},
 *       {@code Refresh}), and an ID token's audience is the client too.</li>
 * </ul>
 */
final class TokenRules {

    private TokenRules() {
    }

    static OAuth2TokenValidator<Jwt> of(String issuer, OidcSettings oidc) {
        var rules = new ArrayList<OAuth2TokenValidator<Jwt>>();
        rules.add(new JwtTimestampValidator(oidc.clockSkew()));
        rules.add(new JwtIssuerValidator(issuer));
        rules.add(new JwtAudienceValidator(oidc.requiredAudience()));
        rules.add(jwt -> authorizedParty(jwt, oidc));
        rules.add(TokenRules::accessToken);
        return new DelegatingOAuth2TokenValidator<>(rules);
    }

    private static OAuth2TokenValidatorResult authorizedParty(Jwt jwt, OidcSettings oidc) {
        var party = jwt.hasClaim("azp") ? jwt.getClaimAsString("azp") : jwt.getClaimAsString("client_id");
        if (party != null && oidc.parties().contains(party)) {
            return OAuth2TokenValidatorResult.success();
        }
        return invalid("The token was issued to client " + party + ", not to " + oidc.parties());
    }

    private static OAuth2TokenValidatorResult accessToken(Jwt jwt) {
        var type = jwt.getClaimAsString("typ");
        if (type == null || type.equalsIgnoreCase("Bearer")) {
            return OAuth2TokenValidatorResult.success();
        }
        return invalid("The token is not an access token (typ " + type + ")");
    }

    private static OAuth2TokenValidatorResult invalid(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }
}

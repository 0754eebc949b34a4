package cn.youfu.identity.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param issuer       {@code YOUFU_OIDC_ISSUER}: the issuer URI of the province's identity platform (production mode)
 * @param clientId     {@code YOUFU_OIDC_CLIENT_ID}: the pages' client at the identity platform (authorization-code
 *                     sign-in)
 * @param clientSecret {@code YOUFU_OIDC_CLIENT_SECRET}: its secret; blank for a public client (PKCE only)
 */
@ConfigurationProperties("youfu.oidc")
record OidcSettings(String issuer, @DefaultValue("youfu") String clientId, String clientSecret) {

    boolean configured() {
        return issuer != null && !issuer.isBlank();
    }

    boolean publicClient() {
        return clientSecret == null || clientSecret.isBlank();
    }
}

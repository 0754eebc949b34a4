package cn.youfu.identity.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param issuer {@code YOUFU_OIDC_ISSUER}: the issuer URI of the province's identity platform (production mode)
 */
@ConfigurationProperties("youfu.oidc")
record OidcSettings(String issuer) {

    boolean configured() {
        return issuer != null && !issuer.isBlank();
    }
}

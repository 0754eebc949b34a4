package cn.youfu.identity.internal;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The identity platform and what Youfu accepts from it (docs/production.md, "The claims contract").
 *
 * @param issuer            {@code YOUFU_OIDC_ISSUER}: the issuer URI of the province's identity platform (production)
 * @param clientId          {@code YOUFU_OIDC_CLIENT_ID}: Youfu's client at the identity platform: the pages sign in
 *                          with it, and its client roles are Youfu's roles
 * @param clientSecret      {@code YOUFU_OIDC_CLIENT_SECRET}: its secret; blank for a public client (PKCE only)
 * @param audience          {@code YOUFU_OIDC_AUDIENCE}: what a bearer token's {@code aud} must contain; blank: the
 *                          client id
 * @param authorizedParties {@code YOUFU_OIDC_AUTHORIZED_PARTIES}: the clients a bearer token may have been issued to
 *                          ({@code azp}, else {@code client_id}); empty: the client id only
 * @param clockSkew         {@code YOUFU_OIDC_CLOCK_SKEW}: how far past {@code exp} (or before {@code nbf}) a token is
 *                          still taken, for clocks that disagree a little
 * @param realmRoles        {@code YOUFU_OIDC_REALM_ROLES}: also read the realm's roles ({@code realm_access.roles}),
 *                          which every application of the realm shares; off by default
 * @param claims            where Youfu finds a person's roles, department, ID number and name in the tokens
 */
@ConfigurationProperties("youfu.oidc")
record OidcSettings(String issuer, @DefaultValue("youfu") String clientId, String clientSecret, String audience,
                    @DefaultValue List<String> authorizedParties, @DefaultValue("30s") Duration clockSkew,
                    @DefaultValue("false") boolean realmRoles, @DefaultValue ClaimNames claims) {

    /**
     * @param roles      a dotted path to the list of role names; blank: {@code resource_access.<client id>.roles}
     *                   (Keycloak's client roles of Youfu's own client)
     * @param department the claim naming an officer's department
     * @param subjectId  the claim holding a resident's ID number or an enterprise's credit code
     * @param name       the claim holding the registered name (a Chinese name as registered, not "given family");
     *                   when a token lacks it, the standard {@code name} is read instead
     */
    record ClaimNames(String roles, @DefaultValue("department") String department,
                      @DefaultValue("subject_id") String subjectId, @DefaultValue("registered_name") String name) {
    }

    /** The settings of demo mode and of tests: client {@code youfu}, every default. */
    static OidcSettings defaults() {
        return new OidcSettings(null, "youfu", null, null, List.of(), Duration.ofSeconds(30), false,
                new ClaimNames(null, "department", "subject_id", "registered_name"));
    }

    boolean configured() {
        return issuer != null && !issuer.isBlank();
    }

    boolean publicClient() {
        return clientSecret == null || clientSecret.isBlank();
    }

    /** What a bearer token's {@code aud} must contain. */
    String requiredAudience() {
        return audience == null || audience.isBlank() ? clientId : audience;
    }

    /** The clients a bearer token may have been issued to. */
    List<String> parties() {
        return authorizedParties.isEmpty() ? List.of(clientId) : authorizedParties;
    }

    /** The dotted path of the role names. */
    String rolesPath() {
        return claims.roles() == null || claims.roles().isBlank()
                ? "resource_access." + clientId + ".roles" : claims.roles();
    }

    /** The issuer's origin ({@code scheme://host[:port]}), where the pages' sign-out form is sent on to. */
    String issuerOrigin() {
        var uri = URI.create(issuer);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}

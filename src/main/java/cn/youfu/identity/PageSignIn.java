package cn.youfu.identity;

/**
 * How people sign in to the pages: the demo's form at {@code /login} (demo mode), or in production the identity
 * platform's own sign-in page, reached through {@link #OIDC_START} (OpenID Connect authorization code with PKCE).
 */
public final class PageSignIn {

    /** The registration id of the identity platform in Spring Security's OAuth 2.0 client. */
    public static final String REGISTRATION = "province";

    /** Where a page sends a person to sign in at the identity platform (production). */
    public static final String OIDC_START = "/oauth2/authorization/" + REGISTRATION;

    private PageSignIn() {
    }
}

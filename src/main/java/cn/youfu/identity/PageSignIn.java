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

    /**
     * Where a page sends a person who is signed in at the identity platform but not at Youfu (e.g. refused for
     * having none of Youfu's roles) to sign out there, so that someone else may sign in on the same terminal; the
     * platform then sends them back to {@code /login} (production).
     */
    public static final String PLATFORM_SIGN_OUT = "/login/platform-sign-out";

    /** The sign-in page telling a client address that made too many attempts to wait before the next. */
    public static final String SIGN_IN_REFUSED_FOR_NOW = "/login?error=too-many";

    private PageSignIn() {
    }
}

/**
 * Who is asking, and in which role.
 *
 * <p>Every API call carries a bearer token. In production the token comes from the province's unified identity
 * platform (an OpenID Connect issuer, Keycloak-compatible, {@code YOUFU_OIDC_ISSUER}); in demo mode a built-in
 * issuer stands in for it ({@code POST /api/v1/auth/token}) with one demo account per {@link cn.youfu.identity.Role}.
 * The pages use a session instead: the demo's sign-in form, or in production the identity platform's own sign-in
 * (OpenID Connect authorization code with PKCE, {@link cn.youfu.identity.PageSignIn}) with the roles read from the
 * same claims. A token is taken only when issued for Youfu (its audience) to Youfu's client (its authorised party);
 * the roles are Youfu's own client roles, and the department, ID number and registered name come from claims named
 * in the settings (docs/production.md, "The claims contract").
 * Other modules read the caller as a {@link cn.youfu.identity.CurrentUser} and guard their endpoints with
 * {@code @PreAuthorize} on roles; {@link cn.youfu.identity.Directory} gives officers' names for display.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity and roles", allowedDependencies = {"platform", "sources"})
package cn.youfu.identity;

package cn.youfu.identity.internal;

import cn.youfu.identity.Role;
import cn.youfu.platform.Problems;
import cn.youfu.platform.YoufuSettings;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import java.util.function.Supplier;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Bearer tokens on the API: from the built-in demo issuer in demo mode, from {@code YOUFU_OIDC_ISSUER} in production.
 *
 * <p>Requests reach the controllers signed in or anonymous; each endpoint states who may call it with
 * {@code @PreAuthorize} (or is marked {@link cn.youfu.platform.PublicEndpoint}), so that an unknown route answers
 * 404 rather than 401. A missing or bad token on a guarded endpoint is 401, a role that may not is 403, both as
 * problem details.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableMethodSecurity
class SecurityConfiguration {

    /**
     * Spring Security observes nothing: its filters are not wrapped one by one in observations, nor are the
     * token checks and the access decisions. Switching its observations off by name (an observation predicate) left
     * the wrapping in place, a cost on every request for nothing anybody reads; requests are still
     * measured ({@code http.server.requests}), and refusals are answered and logged as before.
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    JwtDecoder jwtDecoder(YoufuSettings youfu, OidcSettings oidc, ObjectProvider<DemoIssuer> demo) {
        if (youfu.demo()) {
            return new VerifiedTokens(demo.getObject().decoder(), java.time.Clock.systemUTC());
        }
        if (!oidc.configured()) {
            throw new InvalidConfigurationPropertyValueException("youfu.oidc.issuer", "",
                    "YOUFU_MODE=production needs YOUFU_OIDC_ISSUER, the issuer URI of the province's identity "
                            + "platform (e.g. https://idp.example/realms/fujian). Set it, or run YOUFU_MODE=demo.");
        }
        // Fetched on the first token, not at start-up, so Youfu starts while the identity platform is away.
        return new VerifiedTokens(new SupplierJwtDecoder(() -> {
            var decoder = NimbusJwtDecoder.withIssuerLocation(oidc.issuer()).build();
            decoder.setJwtValidator(TokenRules.of(oidc.issuer(), oidc));
            return decoder;
        }), java.time.Clock.systemUTC());
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, JwtDecoder decoder, ClaimsContract contract,
                                    Problems problems, YoufuSettings youfu, Environment environment)
            throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, failure) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            problems.write(problems.create(HttpStatus.UNAUTHORIZED, "unauthenticated", new Object[0], Map.of(),
                    request), response);
        };
        AccessDeniedHandler forbidden = (request, response, denied) -> problems.write(problems.create(
                HttpStatus.FORBIDDEN, roleless(SecurityContextHolder.getContext().getAuthentication())
                        ? "no-role" : "forbidden", new Object[0], Map.of(), request), response);
        http.securityMatcher("/api/**", "/actuator/**", "/v3/api-docs/**", "/open311/**")
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/prometheus", "/actuator/info").access(
                                youfu.demo() || managementPortOfItsOwn(environment) ? (auth, context) ->
                                        new AuthorizationDecision(true)
                                        : AuthorityAuthorizationManager.hasRole(Role.ADMIN.name()))
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/v3/api-docs/**").access(youfu.demo() ? (auth, context) ->
                                new AuthorizationDecision(!roleless(auth.get()))
                                : AuthorityAuthorizationManager.hasRole(Role.ADMIN.name()))
                        // Every write to the API but signing in needs a signed-in caller with one of Youfu's roles
                        // before its body is read; each handler's @PreAuthorize then says which roles.
                        .requestMatchers(HttpMethod.POST, PUBLIC_WRITES).permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/**").access(SecurityConfiguration::signedInWithARole)
                        .requestMatchers(HttpMethod.PUT, "/api/**").access(SecurityConfiguration::signedInWithARole)
                        .requestMatchers(HttpMethod.PATCH, "/api/**").access(SecurityConfiguration::signedInWithARole)
                        .requestMatchers(HttpMethod.DELETE, "/api/**").access(SecurityConfiguration::signedInWithARole)
                        .anyRequest().access((auth, context) -> new AuthorizationDecision(!roleless(auth.get()))))
                .oauth2ResourceServer(o -> o
                        .jwt(j -> j.decoder(decoder).jwtAuthenticationConverter(jwt -> TokenAuthentication.of(jwt,
                                contract)))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden));
        return http.build();
    }

    /** Sign-in attempts per client address, ahead of Spring Security's filters (see {@link SignInLimits}). */
    @Bean
    FilterRegistrationBean<SignInLimits> signInLimits(IdentitySettings settings, Problems problems) {
        var registration = new FilterRegistrationBean<>(new SignInLimits(settings, problems));
        registration.addUrlPatterns(SignInLimits.TOKEN, "/login", "/oauth2/authorization/*", "/login/oauth2/code/*");
        registration.setOrder(-101); // after the request's locale is set (-105), before Spring Security (-100)
        return registration;
    }

    /** Production: the identity platform as the pages' OAuth 2.0 client registration (read on first use). */
    @Bean
    @ConditionalOnProperty(name = "youfu.mode", havingValue = "production")
    OidcPageSignIn.IssuerRegistration platformRegistration(OidcSettings oidc) {
        return new OidcPageSignIn.IssuerRegistration(oidc);
    }

    /**
     * Whether the actuator's endpoints have a port of their own ({@code YOUFU_MANAGEMENT_PORT}), reachable only where
     * the operator binds it: metrics are open there. On the public port, production's metrics need an administrator.
     */
    static boolean managementPortOfItsOwn(Environment environment) {
        var port = environment.getProperty("management.server.port", "");
        return !port.isBlank() && !port.equals(environment.getProperty("server.port", "8080"));
    }

    /** A verified token that gives none of Youfu's roles: refused on the API with 403 whatever the endpoint. */
    /**
     * The API's writes anyone may send: signing in, and checking a reply letter one holds. A handler marked
     * {@code @PublicEndpoint} that takes a POST must be listed here too (the authorization matrix in
     * docs/security.md shows a public write answering 401 to the anonymous).
     */
    static final String[] PUBLIC_WRITES = {"/api/v1/auth/token", "/api/v1/disclosure/letters/verify"};

    private static AuthorizationDecision signedInWithARole(
            Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        var caller = authentication.get();
        return new AuthorizationDecision(caller != null && caller.isAuthenticated()
                && !(caller instanceof AnonymousAuthenticationToken)
                && !roleless(caller));
    }

    static boolean roleless(Authentication authentication) {
        return authentication instanceof TokenAuthentication token && token.currentUser().roles().isEmpty();
    }

    /**
     * The content security policy of every page: scripts, styles, images and fonts from Youfu itself only (no inline
     * script or style, no CDN), never framed; forms posted to Youfu only, and in production to the identity
     * platform too: signing out posts to {@code /logout}, whose answer sends the browser on to the platform's
     * end-session endpoint, and browsers hold the redirect of a form's submission to {@code form-action}.
     */
    static String contentSecurityPolicy(String... formTargets) {
        var forms = new StringBuilder("'self'");
        for (var target : formTargets) {
            forms.append(' ').append(target);
        }
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action " + forms
                + "; frame-ancestors 'none'";
    }

    /**
     * The web pages: a signed-in session — the demo's form at {@code /login} in demo mode, the identity platform's
     * OpenID Connect sign-in in production ({@link OidcPageSignIn}) — CSRF tokens on every form, and the security
     * headers. Each page says who may see it with {@code @PreAuthorize}; the web module sends the anonymous to
     * {@code /login}.
     */
    @Bean
    @Order(2)
    SecurityFilterChain webSecurity(HttpSecurity http, ObjectProvider<SessionSignIn> signIn, YoufuSettings youfu,
                                    OidcSettings oidc, JwtDecoder decoder, ClaimsContract contract, StaffNames staff,
                                    ObjectProvider<OidcPageSignIn.IssuerRegistration> platformRegistration)
            throws Exception {
        boolean platform = !youfu.demo() && oidc.configured();
        var policy = platform ? contentSecurityPolicy(oidc.issuerOrigin()) : contentSecurityPolicy();
        http.authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(policy))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
        var provider = signIn.getIfAvailable();
        if (provider != null) {
            http.authenticationProvider(provider)
                    .formLogin(f -> f.loginPage("/login").failureUrl("/login?error").defaultSuccessUrl("/", false))
                    .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/?signed-out"));
        } else if (platform) {
            var registration = platformRegistration.getObject();
            var signOut = new OidcClientInitiatedLogoutSuccessHandler(registration);
            signOut.setPostLogoutRedirectUri("{baseUrl}/?signed-out");
            signOut.setDefaultTargetUrl("/?signed-out");
            http.oauth2Login(o -> o
                            .withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
                                @Override
                                public <F extends OAuth2AuthorizationRequestRedirectFilter> F postProcess(F filter) {
                                    // the platform cannot be reached (discovery failed): say so, do not answer 500
                                    filter.setAuthenticationFailureHandler(
                                            new SimpleUrlAuthenticationFailureHandler("/login?error=unavailable"));
                                    return filter;
                                }
                            })
                            .clientRegistrationRepository(registration)
                            .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
                            .loginPage("/login")
                            .failureHandler(OidcPageSignIn::failed)
                            .defaultSuccessUrl("/", false)
                            .userInfoEndpoint(u -> u.oidcUserService(
                                    new OidcPageSignIn.PageUsers(decoder, contract, staff::signedIn))))
                    .logout(l -> l.logoutUrl("/logout").logoutSuccessHandler(signOut));
        } else {
            http.logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/?signed-out"));
        }
        return http.build();
    }
}

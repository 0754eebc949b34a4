package cn.youfu.identity.internal;

import cn.youfu.identity.Role;
import cn.youfu.platform.Problems;
import cn.youfu.platform.YoufuSettings;
import java.util.Collection;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
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
     * the wrapping in place, about 1 % of a decision's request thread, for nothing anybody reads; requests are still
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
        return new VerifiedTokens(new SupplierJwtDecoder(() -> JwtDecoders.fromIssuerLocation(oidc.issuer())),
                java.time.Clock.systemUTC());
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, JwtDecoder decoder, Problems problems) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, failure) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            problems.write(problems.create(HttpStatus.UNAUTHORIZED, "unauthenticated", new Object[0], Map.of(),
                    request), response);
        };
        AccessDeniedHandler forbidden = (request, response, denied) -> problems.write(
                problems.create(HttpStatus.FORBIDDEN, "forbidden", new Object[0], Map.of(), request), response);
        var roles = new JwtAuthenticationConverter();
        roles.setJwtGrantedAuthoritiesConverter(SecurityConfiguration::authorities);
        http.securityMatcher("/api/**", "/actuator/**", "/v3/api-docs/**", "/open311/**")
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health/**", "/actuator/prometheus", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        // Every write to the API but signing in needs a signed-in caller before its body is read;
                        // each handler's @PreAuthorize then says which roles.
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/token").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/**").authenticated()
                        .requestMatchers(HttpMethod.PUT, "/api/**").authenticated()
                        .requestMatchers(HttpMethod.PATCH, "/api/**").authenticated()
                        .requestMatchers(HttpMethod.DELETE, "/api/**").authenticated()
                        .anyRequest().permitAll())
                .oauth2ResourceServer(o -> o
                        .jwt(j -> j.decoder(decoder).jwtAuthenticationConverter(roles))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden));
        return http.build();
    }

    /**
     * The content security policy of every page: scripts, styles, images and fonts from Youfu itself only (no inline
     * script or style, no CDN), forms posted to Youfu only, never framed.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /**
     * The web pages: a signed-in session — the demo's form at {@code /login} in demo mode, the identity platform's
     * OpenID Connect sign-in in production ({@link OidcPageSignIn}) — CSRF tokens on every form, and the security
     * headers. Each page says who may see it with {@code @PreAuthorize}; the web module sends the anonymous to
     * {@code /login}.
     */
    @Bean
    @Order(2)
    SecurityFilterChain webSecurity(HttpSecurity http, ObjectProvider<SessionSignIn> signIn, YoufuSettings youfu,
                                    OidcSettings oidc, JwtDecoder decoder, StaffNames staff) throws Exception {
        http.authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
        var provider = signIn.getIfAvailable();
        if (provider != null) {
            http.authenticationProvider(provider)
                    .formLogin(f -> f.loginPage("/login").failureUrl("/login?error").defaultSuccessUrl("/", false))
                    .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/?signed-out"));
        } else if (!youfu.demo() && oidc.configured()) {
            var registration = new OidcPageSignIn.IssuerRegistration(oidc);
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
                            .failureUrl("/login?error")
                            .defaultSuccessUrl("/", false)
                            .userInfoEndpoint(u -> u.oidcUserService(new OidcPageSignIn.PageUsers(decoder, staff::signedIn))))
                    .logout(l -> l.logoutUrl("/logout").logoutSuccessHandler(signOut));
        } else {
            http.logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/?signed-out"));
        }
        return http.build();
    }

    /** Roles from the token's claims ({@link RoleClaims}). */
    static Collection<GrantedAuthority> authorities(Jwt jwt) {
        return RoleClaims.authorities(RoleClaims.roles(jwt));
    }
}

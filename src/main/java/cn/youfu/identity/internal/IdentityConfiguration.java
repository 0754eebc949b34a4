package cn.youfu.identity.internal;

import cn.youfu.platform.DemoOnly;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Accounts and the demo issuer: needed with or without the web server (administrative commands too). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({IdentitySettings.class, OidcSettings.class})
class IdentityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Where a person's roles, department, ID number and name are read in the identity platform's claims. */
    @Bean
    ClaimsContract claimsContract(OidcSettings oidc) {
        return new ClaimsContract(oidc);
    }

    /** Who may call each operation, in the OpenAPI document, read from the handlers' own guards. */
    @Bean
    OperationRoles operationRoles() {
        return new OperationRoles();
    }

    @Bean
    @DemoOnly
    DemoIssuer demoIssuer(JdbcClient jdbc, IdentitySettings settings, Clock clock, OidcSettings oidc) {
        return new DemoIssuer(jdbc, settings.tokenTtl(), clock, oidc);
    }
}

package cn.youfu.identity.internal;

import cn.youfu.identity.Role;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Tokens for people the demo accounts do not cover — as the province's identity platform would issue them for
 * someone the population registry does not know, or under a different name — and tokens the platform would issue
 * to other clients or with other claims, signed with the demo issuer's key.
 */
public final class TestTokens {

    private TestTokens() {
    }

    public static String bearer(ApplicationContext context, String username, String name, Role role, String subject) {
        return bearer(context, username, name, role, subject, null);
    }

    /** A token of a staff member of {@code department}. */
    public static String bearer(ApplicationContext context, String username, String name, Role role, String subject,
                                String department) {
        var account = new Account(username, "-", name, Set.of(role), department, subject);
        return "Bearer " + context.getBean(DemoIssuer.class).issue(account).value();
    }

    /**
     * A token of the demo issuer's key with exactly these claims besides {@code iss}, {@code iat} and {@code exp}
     * (ten minutes), as the platform would issue it to client {@code azp}.
     */
    public static String signed(ApplicationContext context, Map<String, Object> claims) {
        var key = DemoIssuer.loadOrCreateKey(context.getBean(JdbcClient.class));
        var encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
        var now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var builder = JwtClaimsSet.builder().issuer(DemoIssuer.ISSUER).issuedAt(now).expiresAt(now.plusSeconds(600));
        claims.forEach(builder::claim);
        var header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.getKeyID()).build();
        return "Bearer " + encoder.encode(JwtEncoderParameters.from(header, builder.build())).getTokenValue();
    }

    /** Youfu's client roles where Keycloak puts them, in a token of Youfu's client for subject {@code sub}. */
    public static Map<String, Object> youfuClient(String sub, String... roles) {
        return Map.of("sub", sub, "aud", List.of("youfu"), "azp", "youfu", "typ", "Bearer",
                "resource_access", Map.of("youfu", Map.of("roles", List.of(roles))));
    }
}

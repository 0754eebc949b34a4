package cn.youfu.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.youfu.YoufuIntegrationTest;
import cn.youfu.identity.Role;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** The demo issuer's decoder: its own tokens pass with their claims as issued; another issuer's do not. */
@YoufuIntegrationTest
class DemoIssuerIntegrationTest {

    @Autowired
    DemoIssuer issuer;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aTokenItIssuedIsAcceptedWithItsIssuerKeptAsIssued() {
        var token = issuer.issue(new Account("350102195803120016", "-", "陈有福", Set.of(Role.APPLICANT), null,
                "350102195803120016"));
        var jwt = issuer.decoder().decode(token.value());
        assertThat(jwt.getClaims().get("iss")).isEqualTo(DemoIssuer.ISSUER);
        assertThat(jwt.getSubject()).isEqualTo("350102195803120016");
        assertThat(jwt.getExpiresAt()).isAfter(Instant.now());
    }

    @Test
    void aTokenSignedWithTheSameKeyButFromAnotherIssuerIsRefused() {
        var key = DemoIssuer.loadOrCreateKey(jdbc);
        var encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
        var now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var claims = JwtClaimsSet.builder().issuer("https://elsewhere.example/realms/x").subject("applicant")
                .issuedAt(now).expiresAt(now.plusSeconds(600)).build();
        var forged = encoder.encode(JwtEncoderParameters.from(
                JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.getKeyID()).build(), claims)).getTokenValue();
        assertThatThrownBy(() -> issuer.decoder().decode(forged)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("iss");
    }
}

package cn.youfu.identity.internal;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Demo mode's stand-in for the province's identity platform: signs RS256 tokens like a Keycloak realm would for
 * Youfu's client (audience, authorised party, client roles and the claims contract's names), so that they pass the
 * same {@link TokenRules} and {@link ClaimsContract} as production's. Its key lives in the database, so every
 * instance on one database issues and accepts the same tokens.
 */
final class DemoIssuer {

    static final String ISSUER = "urn:youfu:demo-issuer";
    private static final String KEY_ID = "youfu-demo-1";

    private final RSAKey key;
    private final NimbusJwtEncoder encoder;
    private final Duration ttl;
    private final Clock clock;
    private final OidcSettings oidc;
    private final ClaimsContract contract;

    DemoIssuer(JdbcClient jdbc, Duration ttl, Clock clock, OidcSettings oidc) {
        this.key = loadOrCreateKey(jdbc);
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
        this.ttl = ttl;
        this.clock = clock;
        this.oidc = oidc;
        this.contract = new ClaimsContract(oidc);
    }

    record Token(String value, long expiresInSeconds) {
    }

    Token issue(Account account) {
        var now = clock.instant();
        var claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(account.username())
                .audience(List.of(oidc.requiredAudience()))
                .claim("azp", oidc.clientId())
                .claim("typ", "Bearer")
                .issuedAt(now)
                .expiresAt(now.plus(ttl));
        contract.claimsOf(account.roles(), account.displayName(), account.department(), account.subjectId())
                .forEach(claims::claim);
        var header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(KEY_ID).build();
        var jwt = encoder.encode(JwtEncoderParameters.from(header, claims.build()));
        return new Token(jwt.getTokenValue(), ttl.toSeconds());
    }

    JwtDecoder decoder() {
        try {
            var decoder = NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey()).build();
            decoder.setJwtValidator(TokenRules.of(ISSUER, oidc));
            // The issuer is a URN, and Spring Security's default claim conversion first tries to make it a URL:
            // "urn" has no URL handler, so every new token scanned the class path for one (ServiceLoader) and threw.
            // That was about a tenth of the CPU of an application from a resident signed in just before.
            decoder.setClaimSetConverter(MappedJwtClaimSetConverter.withDefaults(
                    Map.of(JwtClaimNames.ISS, issuer -> issuer)));
            return decoder;
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException("the demo issuer's key is unusable", e);
        }
    }

    /** The key every instance on this database signs with (tests sign tokens of their own with it). */
    static RSAKey loadOrCreateKey(JdbcClient jdbc) {
        try {
            var stored = storedKey(jdbc);
            if (stored == null) {
                var generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                var pair = generator.generateKeyPair();
                // Two instances starting together: the first insert wins and both read the winner back.
                jdbc.sql("""
                                INSERT INTO identity.signing_key (key_id, algorithm, private_key, public_key)
                                VALUES (?, 'RS256', ?, ?) ON CONFLICT (key_id) DO NOTHING""")
                        .params(KEY_ID, pair.getPrivate().getEncoded(), pair.getPublic().getEncoded()).update();
                stored = storedKey(jdbc);
            }
            var factory = KeyFactory.getInstance("RSA");
            var privateKey = (RSAPrivateKey) factory.generatePrivate(new PKCS8EncodedKeySpec(stored[0]));
            var publicKey = (RSAPublicKey) factory.generatePublic(new X509EncodedKeySpec(stored[1]));
            return new RSAKey.Builder(publicKey).privateKey(privateKey).keyID(KEY_ID).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create or read the demo issuer's key", e);
        }
    }

    private static byte[][] storedKey(JdbcClient jdbc) {
        return jdbc.sql("SELECT private_key, public_key FROM identity.signing_key WHERE key_id = ?")
                .param(KEY_ID)
                .query((rs, n) -> new byte[][] {rs.getBytes(1), rs.getBytes(2)}).optional().orElse(null);
    }
}

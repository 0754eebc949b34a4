package cn.youfu.identity.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * A {@link JwtDecoder} that remembers the tokens it has already verified, keyed by the token string, so that a
 * client sending the same bearer token again is not checked again (an RS256 signature, the JSON parse and the claim
 * conversion on every request). Only tokens the wrapped decoder accepted are kept; a refused token is refused again
 * by the wrapped decoder each time. An entry lives until the token's {@code exp} or for at most {@link #MAX_AGE}
 * (so that a key the identity platform withdraws stops being honoured soon), whichever is earlier, and is checked
 * against {@code exp} again on every hit; a token without {@code exp} is not kept. At most {@link #MAX_TOKENS}
 * tokens are kept, the least used evicted first.
 */
final class VerifiedTokens implements JwtDecoder {

    static final int MAX_TOKENS = 10_000;
    static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final JwtDecoder verifier;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    /** @param clock the clock the wrapped decoder checks {@code exp} with (Spring Security's: the system's, UTC) */
    VerifiedTokens(JwtDecoder verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(MAX_TOKENS)
                .ticker(() -> clock.millis() * 1_000_000L)
                .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> lifetime(jwt)))
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        if (token == null) {
            return verifier.decode(null);
        }
        var known = verified.getIfPresent(token);
        if (known != null && unexpired(known)) {
            return known;
        }
        var jwt = verifier.decode(token);
        if (jwt.getExpiresAt() != null && unexpired(jwt)) {
            verified.put(token, jwt);
        }
        return jwt;
    }

    private boolean unexpired(Jwt jwt) {
        return clock.instant().isBefore(jwt.getExpiresAt());
    }

    private Duration lifetime(Jwt jwt) {
        var left = Duration.between(clock.instant(), jwt.getExpiresAt());
        return left.isNegative() ? Duration.ZERO : left.compareTo(MAX_AGE) < 0 ? left : MAX_AGE;
    }

    /** How many tokens are remembered now (for tests). */
    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }
}

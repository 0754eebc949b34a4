package cn.youfu.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class VerifiedTokensTest {

    static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");

    /** A clock the test moves. */
    static final class MovingClock extends Clock {
        Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final MovingClock clock = new MovingClock();
    final AtomicInteger checks = new AtomicInteger();

    /** Accepts "good-<seconds to live>" (and "noexp") until its exp, refuses anything else; counts its checks. */
    final JwtDecoder verifier = token -> {
        checks.incrementAndGet();
        if (token.equals("noexp")) {
            return Jwt.withTokenValue(token).header("alg", "RS256").subject("x").build();
        }
        if (!token.startsWith("good-")) {
            throw new BadJwtException("bad signature");
        }
        var exp = T0.plusSeconds(Long.parseLong(token.substring(5)));
        if (!clock.instant().isBefore(exp)) {
            throw new BadJwtException("expired");
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("x").issuedAt(T0).expiresAt(exp).build();
    };

    final VerifiedTokens tokens = new VerifiedTokens(verifier, clock);

    @Test
    void aVerifiedTokenIsNotCheckedAgain() {
        var first = tokens.decode("good-3600");
        var second = tokens.decode("good-3600");
        assertThat(second).isSameAs(first);
        assertThat(checks).hasValue(1);
        assertThat(tokens.size()).isEqualTo(1);
    }

    @Test
    void aRefusedTokenIsRefusedEveryTimeAndNotKept() {
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        }
        assertThat(checks).hasValue(2);
        assertThat(tokens.size()).isZero();
    }

    @Test
    void anExpiredTokenIsCheckedAgainAndRefused() {
        tokens.decode("good-60");
        clock.now = T0.plusSeconds(59);
        tokens.decode("good-60");
        assertThat(checks).hasValue(1);
        clock.now = T0.plusSeconds(60);
        assertThatThrownBy(() -> tokens.decode("good-60")).isInstanceOf(BadJwtException.class);
        assertThat(checks).hasValue(2);
    }

    @Test
    void aTokenWithoutExpiryIsNeverKept() {
        tokens.decode("noexp");
        tokens.decode("noexp");
        assertThat(checks).hasValue(2);
    }

    @Test
    void aLongLivedTokenIsCheckedAgainAfterMaxAge() {
        tokens.decode("good-86400");
        clock.now = T0.plus(VerifiedTokens.MAX_AGE).minusSeconds(1);
        tokens.decode("good-86400");
        assertThat(checks).hasValue(1);
        clock.now = T0.plus(VerifiedTokens.MAX_AGE).plusSeconds(1);
        tokens.decode("good-86400");
        assertThat(checks).hasValue(2);
    }
}

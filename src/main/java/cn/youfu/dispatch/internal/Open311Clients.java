package cn.youfu.dispatch.internal;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/**
 * Who is posting through Open311: the client an API key was issued to. The key comes in the {@code X-Api-Key} header
 * or the form field {@code api_key} of the POST's body (FixMyStreet's client sends it there) — never in the address,
 * where proxies and logs keep it: a POST whose query names {@code api_key} is refused, the key unused. A key must be
 * known, not revoked and not expired, and within its own rate of POSTs per minute (per Youfu instance).
 */
@Component
class Open311Clients {

    static final String HEADER = "X-Api-Key";
    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ISO_OFFSET_DATE_TIME
            .withZone(ZoneId.of("Asia/Shanghai"));

    /** An authenticated client: the key it used and the name it was issued to. */
    record Client(String keyId, String name) {
    }

    private final ApiKeys keys;
    private final Clock clock;
    private final RateLimiterRegistry limiters = RateLimiterRegistry.ofDefaults();

    Open311Clients(ApiKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** The client behind the request's key ({@code bodyKey}: the form field); 400, 403 or 429 otherwise. */
    Client authenticate(HttpServletRequest request, String bodyKey) {
        if (keyInAddress(request.getQueryString())) {
            throw Open311Exception.badRequest("key-in-address");
        }
        var header = request.getHeader(HEADER);
        var key = keys.find(header != null && !header.isBlank() ? header : bodyKey)
                .orElseThrow(() -> Open311Exception.forbidden("key"));
        if (key.revokedAt() != null) {
            throw Open311Exception.forbidden("key-revoked");
        }
        if (!clock.instant().isBefore(key.expiresAt())) {
            throw Open311Exception.forbidden("key-expired", EXPIRY.format(key.expiresAt()));
        }
        admit(key);
        return new Client(key.id(), key.client());
    }

    private void admit(ApiKeys.Key key) {
        var limiter = limiters.rateLimiter(key.id(), RateLimiterConfig.custom()
                .limitForPeriod(key.requestsPerMinute()).limitRefreshPeriod(Duration.ofMinutes(1))
                .timeoutDuration(Duration.ZERO).build());
        if (!limiter.acquirePermission()) {
            throw Open311Exception.tooMany(secondsToWait(limiter), key.requestsPerMinute());
        }
    }

    private static long secondsToWait(RateLimiter limiter) {
        if (limiter instanceof AtomicRateLimiter atomic) {
            return Math.max(1, Duration.ofNanos(atomic.getDetailedMetrics().getNanosToWait()).toSeconds() + 1);
        }
        return 60;
    }

    /** Whether a query string has a parameter named {@code api_key} (its name percent-decoded). */
    static boolean keyInAddress(String query) {
        if (query == null || query.isEmpty()) {
            return false;
        }
        for (var parameter : query.split("&")) {
            var name = parameter.split("=", 2)[0];
            try {
                name = URLDecoder.decode(name, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException undecodable) {
                // a malformed escape: the name is compared as written
            }
            if (name.strip().equalsIgnoreCase("api_key")) {
                return true;
            }
        }
        return false;
    }
}

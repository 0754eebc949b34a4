package cn.youfu.identity.internal;

import cn.youfu.identity.PageSignIn;
import cn.youfu.platform.Problems;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits sign-in attempts per client address (behind a TLS proxy, the address the proxy forwards, see
 * {@code server.forward-headers-strategy}):
 * <ul>
 *   <li>password sign-ins (demo mode's {@code POST /api/v1/auth/token} and {@code POST /login}): at most
 *       {@link IdentitySettings#failedSignIns()} failures per window, then every attempt is refused until the
 *       window has passed — password guessing stops, and the password hash is not computed for it;</li>
 *   <li>sign-ins through the identity platform (production's {@code /oauth2/authorization/…} and
 *       {@code /login/oauth2/code/…}): at most {@link IdentitySettings#platformSignIns()} per window, each of which
 *       makes a session.</li>
 * </ul>
 * A refusal is a 429 problem with {@code Retry-After} on the API, and the sign-in page saying so on the pages.
 */
final class SignInLimits extends OncePerRequestFilter {

    static final String TOKEN = "/api/v1/auth/token";

    private final Problems problems;
    private final Cache<String, RateLimiter> failures;
    private final Cache<String, RateLimiter> platform;
    private final RateLimiterConfig failureLimit;
    private final RateLimiterConfig platformLimit;

    SignInLimits(IdentitySettings settings, Problems problems) {
        this.problems = problems;
        this.failureLimit = limit(settings.failedSignIns(), settings.signInWindow());
        this.platformLimit = limit(settings.platformSignIns(), settings.signInWindow());
        this.failures = addresses(settings.signInWindow());
        this.platform = addresses(settings.signInWindow());
    }

    private static RateLimiterConfig limit(int attempts, Duration window) {
        return RateLimiterConfig.custom().limitForPeriod(attempts).limitRefreshPeriod(window)
                .timeoutDuration(Duration.ZERO).build();
    }

    /** One limiter per address, forgotten two windows after its last use (a bounded number of addresses). */
    private static Cache<String, RateLimiter> addresses(Duration window) {
        return Caffeine.newBuilder().expireAfterAccess(window.multipliedBy(2)).maximumSize(100_000).build();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        var address = request.getRemoteAddr();
        if (passwordSignIn(request.getMethod(), path)) {
            var limiter = failures.get(address, a -> new AtomicRateLimiter("sign-in-failures", failureLimit));
            if (limiter.getMetrics().getAvailablePermissions() <= 0) {
                refuse(request, response, path, limiter);
                return;
            }
            chain.doFilter(request, response);
            if (failed(path, response)) {
                limiter.acquirePermission();
            }
        } else if (platformSignIn(path)) {
            var limiter = platform.get(address, a -> new AtomicRateLimiter("platform-sign-ins", platformLimit));
            if (!limiter.acquirePermission()) {
                refuse(request, response, path, limiter);
                return;
            }
            chain.doFilter(request, response);
        } else {
            chain.doFilter(request, response);
        }
    }

    static boolean passwordSignIn(String method, String path) {
        return "POST".equals(method) && (path.equals(TOKEN) || path.equals("/login"));
    }

    static boolean platformSignIn(String path) {
        return path.startsWith("/oauth2/authorization/") || path.startsWith("/login/oauth2/code/");
    }

    /** A wrong name or password: the token endpoint's 401, the form's redirect back to the sign-in page. */
    private static boolean failed(String path, HttpServletResponse response) {
        if (path.equals(TOKEN)) {
            return response.getStatus() == HttpStatus.UNAUTHORIZED.value();
        }
        var location = response.getHeader("Location");
        return location != null && location.contains("/login?error");
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String path, RateLimiter limiter)
            throws IOException {
        long seconds = Math.max(1, Duration.ofNanos(((AtomicRateLimiter) limiter).getDetailedMetrics()
                .getNanosToWait()).toSeconds() + 1);
        if (path.equals(TOKEN)) {
            problems.write(problems.create(HttpStatus.TOO_MANY_REQUESTS, "too-many-sign-ins",
                    new Object[] {seconds}, Map.of(Problems.RETRY_AFTER, seconds), request), response);
            return;
        }
        response.setHeader("Retry-After", Long.toString(seconds));
        response.sendRedirect(request.getContextPath() + PageSignIn.SIGN_IN_REFUSED_FOR_NOW);
    }
}

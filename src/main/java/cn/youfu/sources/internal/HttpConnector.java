package cn.youfu.sources.internal;

import cn.youfu.sources.SourceAnswer;
import cn.youfu.sources.SourceAnswers;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.functions.CheckedSupplier;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A source on the data-sharing platform: {@code GET <url>/<key>} answering the record(s) as JSON with the
 * column names of {@code docs/demo-data.md}; 404 is "not found" (an empty list too, for list sources).
 *
 * <p>Each attempt has a connect and a read timeout; a failed attempt (I/O error, timeout, 5xx, any status other
 * than 200 and 404) is retried once; a circuit breaker counts failed attempts and, when half of the last ten failed
 * (at least four), answers UNAVAILABLE at once without calling until {@code openFor} has passed. Found and not-found
 * answers are cached briefly; whatever goes wrong becomes UNAVAILABLE with a reason, never an exception.
 */
final class HttpConnector<T> implements SourceConnector<T> {

    private static final Logger log = LoggerFactory.getLogger(HttpConnector.class);

    /** A failed attempt that is worth another try. */
    static final class SourceDown extends IOException {
        SourceDown(String message) {
            super(message);
        }
    }

    private final SourceDefinition<T> definition;
    private final ConnectorSettings settings;
    private final SourceAnswers answers;
    private final String base;
    private final HttpClient client;
    private final CircuitBreaker breaker;
    private final Retry retry;
    private final Cache<String, SourceAnswer<T>> cache;

    HttpConnector(SourceDefinition<T> definition, ConnectorSettings settings, SourceAnswers answers) {
        this.definition = definition;
        this.settings = settings;
        this.answers = answers;
        this.base = settings.url().endsWith("/") ? settings.url() : settings.url() + "/";
        this.client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.breaker = CircuitBreaker.of("source-" + definition.name(), CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(10)
                .minimumNumberOfCalls(4)
                .failureRateThreshold(50)
                .waitDurationInOpenState(settings.openFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
        this.retry = Retry.of("source-" + definition.name(), RetryConfig.custom()
                .maxAttempts(Math.max(1, settings.attempts()))
                .waitDuration(Duration.ofMillis(50))
                .retryExceptions(IOException.class)
                .ignoreExceptions(CallNotPermittedException.class)
                .build());
        this.cache = Caffeine.newBuilder().expireAfterWrite(settings.cacheTtl()).maximumSize(10_000).build();
    }

    @Override
    public SourceAnswer<T> fetch(String key) {
        var cached = cache.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        CheckedSupplier<Optional<T>> attempt = CircuitBreaker.decorateCheckedSupplier(breaker, () -> call(key));
        Optional<T> value;
        try {
            value = Retry.decorateCheckedSupplier(retry, attempt).get();
        } catch (CallNotPermittedException e) {
            return answers.unavailable(definition.name(), key, "circuit open: " + definition.name()
                    + " failed too often; not called again before " + settings.openFor() + " have passed");
        } catch (Throwable e) {
            log.warn("Source {} unavailable: {}", definition.name(), e.toString());
            return answers.unavailable(definition.name(), key, describe(e));
        }
        var answer = value.map(v -> answers.found(definition.name(), key, v))
                .orElseGet(() -> answers.notFound(definition.name(), key));
        cache.put(key, answer);
        return answer;
    }

    private Optional<T> call(String key) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(base + URLEncoder.encode(key, StandardCharsets.UTF_8)))
                .timeout(settings.readTimeout())
                .header("Accept", "application/json")
                .GET().build();
        var response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new SourceDown("HTTP status " + response.statusCode());
        }
        T value = SourceJson.MAPPER.readValue(response.body(), definition.type());
        if (value == null || value instanceof List<?> list && list.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(value);
    }

    private String describe(Throwable e) {
        if (e instanceof java.net.http.HttpConnectTimeoutException) {
            return "no connection within " + settings.connectTimeout() + " (" + settings.attempts() + " attempts)";
        }
        if (e instanceof HttpTimeoutException) {
            return "no answer within " + settings.readTimeout() + " (" + settings.attempts() + " attempts)";
        }
        if (e instanceof SourceDown) {
            return e.getMessage() + " (" + settings.attempts() + " attempts)";
        }
        if (e instanceof IOException) {
            return "could not connect: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage());
        }
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        return "unreadable answer: " + e.getClass().getSimpleName();
    }

    @Override
    public String mode() {
        return "http";
    }

    CircuitBreaker.State circuit() {
        return breaker.getState();
    }
}

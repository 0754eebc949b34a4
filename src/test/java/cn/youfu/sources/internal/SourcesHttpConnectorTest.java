package cn.youfu.sources.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.youfu.sources.PopulationRegistry.Person;
import cn.youfu.sources.SourceAnswer.Status;
import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP connector against a small local server: found, not found, slow, down. */
class SourcesHttpConnectorTest {

    static final String APPLICANT = "350102195803120016";
    static final String PERSON = """
            {"id_number":"350102195803120016","name":"陈有福","sex":"male","birth_date":"1958-03-12",
             "hukou_division":"350102","alive":true,"residence_permit_division":null,
             "residence_permit_expiry":null,"extra_field":"ignored"}""";

    HttpServer server;
    final AtomicInteger calls = new AtomicInteger();
    volatile int delayMillis;
    volatile int failWith;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/population/", exchange -> {
            calls.incrementAndGet();
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            String key = exchange.getRequestURI().getPath().substring("/population/".length());
            int status = failWith != 0 ? failWith : key.equals(APPLICANT) ? 200 : 404;
            byte[] body = (status == 200 ? PERSON : "{}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    HttpConnector<Person> connector(Duration cacheTtl) {
        var url = "http://127.0.0.1:" + server.getAddress().getPort() + "/population";
        var settings = new ConnectorSettings(url, Duration.ofMillis(500), Duration.ofMillis(300), 2, cacheTtl,
                Duration.ofSeconds(30));
        return new HttpConnector<>(SourceCatalog.POPULATION, settings, new CanonicalSourceAnswers(Clock.systemUTC()));
    }

    @Test
    void foundIsReadWithTheColumnNamesAndCachedBriefly() {
        var connector = connector(Duration.ofSeconds(30));
        var answer = connector.fetch(APPLICANT);
        assertThat(answer.status()).isEqualTo(Status.FOUND);
        assertThat(answer.value().name()).isEqualTo("陈有福");
        assertThat(answer.value().birthDate()).isEqualTo(LocalDate.of(1958, 3, 12));
        assertThat(answer.source()).isEqualTo("population");
        assertThat(answer.sm3()).hasSize(64);
        assertThat(CanonicalSourceAnswers.canonicalJson(answer)).startsWith("{\"fetched_at\":").contains("\"hukou_division\"");
        assertThat(connector.fetch(APPLICANT)).isSameAs(answer);
        assertThat(calls).hasValue(1);
    }

    @Test
    void notFoundIs404() {
        var answer = connector(Duration.ZERO).fetch("350102196001010011");
        assertThat(answer.status()).isEqualTo(Status.NOT_FOUND);
        assertThat(answer.value()).isNull();
        assertThat(calls).hasValue(1);
    }

    @Test
    void aSlowSourceTimesOutTwiceAndIsUnavailable() {
        delayMillis = 1_000;
        long start = System.nanoTime();
        var answer = connector(Duration.ZERO).fetch(APPLICANT);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(answer.status()).isEqualTo(Status.UNAVAILABLE);
        assertThat(answer.reason()).contains("no answer within");
        assertThat(calls).hasValue(2); // retried once
        assertThat(millis).isBetween(600L, 1_500L);
    }

    @Test
    void aFailingSourceOpensTheCircuitAndIsThenUnavailableAtOnce() {
        failWith = 503;
        var connector = connector(Duration.ZERO);
        assertThat(connector.fetch(APPLICANT).reason()).contains("HTTP status 503");
        assertThat(connector.fetch(APPLICANT).status()).isEqualTo(Status.UNAVAILABLE);
        assertThat(calls).hasValue(4); // two lookups, two attempts each
        assertThat(connector.circuit()).isEqualTo(CircuitBreaker.State.OPEN);

        long start = System.nanoTime();
        var answer = connector.fetch(APPLICANT);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(50);
        assertThat(answer.status()).isEqualTo(Status.UNAVAILABLE);
        assertThat(answer.reason()).startsWith("circuit open");
        assertThat(calls).hasValue(4); // not called
    }

    @Test
    void aSourceThatIsDownIsUnavailable() {
        var connector = connector(Duration.ZERO);
        server.stop(0);
        var answer = connector.fetch(APPLICANT);
        assertThat(answer.status()).isEqualTo(Status.UNAVAILABLE);
        assertThat(answer.reason()).startsWith("could not connect");
    }
}

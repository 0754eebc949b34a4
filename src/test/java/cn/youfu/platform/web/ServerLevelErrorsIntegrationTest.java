package cn.youfu.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Requests the real server refuses before or while Spring reads them — what MockMvc cannot send: they are answered
 * 400 with a problem detail, never 500, and never with a stack trace or a Java name.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {"youfu.db.ephemeral=true",
        "youfu.mode=demo", "youfu.data-dir=target/test-data"})
class ServerLevelErrorsIntegrationTest {

    @LocalServerPort
    int port;

    /** Sends the request exactly as written (no client library would send these) and returns the whole answer. */
    String raw(String target, String headers) throws Exception {
        try (var socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n" + headers
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static void refusedPlainly(String answer) {
        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(answer).doesNotContain("Exception", "at org.", "at cn.youfu", "at java.");
    }

    @Test
    void anUndecodableQueryParameterIsAProblemNotAnError500() throws Exception {
        var answer = raw("/api/v1/calendar/days/2026-10-01?x=%ZZ", "");
        refusedPlainly(answer);
        assertThat(answer).contains("Content-Type: application/problem+json",
                "\"type\":\"urn:youfu:problem:undecodable-parameter\"");
        var english = raw("/api/v1/calendar/days/2026-10-01?x=%ZZ", "Accept-Language: en\r\n");
        assertThat(english).contains("not valid percent-encoding");
    }

    @Test
    void whatTheServerRefusesBeforeSpringIsA400Problem() throws Exception {
        for (var target : new String[] {"/api/v1/calendar/days/%ZZ", "/api/v1/calendar/days/a%2Fb", "/%",
                "/api/v1/calendar/days/a\\b"}) {
            var answer = raw(target, "");
            refusedPlainly(answer);
            assertThat(answer).as(target).contains("Content-Type: application/problem+json",
                    "\"type\":\"urn:youfu:problem:server-refused\"", "\"status\":400", "服务器无法读取这个请求");
        }
        var tooLarge = raw("/api/v1/calendar/days/2026-10-01", "Accept-Language: en\r\nX-Big: " + "a".repeat(20_000)
                + "\r\n");
        refusedPlainly(tooLarge);
        assertThat(tooLarge).contains("urn:youfu:problem:server-refused", "The server cannot read this request");
    }
}

package cn.youfu.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * Clients that announce a large application and send it a byte at a time, with or without a token, against the real
 * server: they hold none of the 16 places where applications are decided, so a resident's application is still
 * decided at once; a body that never finishes is refused after the read timeout, one declared too large at once.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {"youfu.db.ephemeral=true",
        "youfu.mode=demo", "youfu.data-dir=target/test-data"})
class SlowClientsIntegrationTest {

    private static final int SLOW_CLIENTS = 20;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Socket> sockets = new ArrayList<>();
    private final ScheduledExecutorService dribble = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void hangUp() throws IOException {
        dribble.shutdownNow();
        for (var socket : sockets) {
            socket.close();
        }
    }

    @Test
    void slowBodiesWithAndWithoutATokenDoNotKeepAResidentWaiting() throws Exception {
        var resident = token("applicant");
        var someone = token("350111196708080221"); // 王秀兰, another signed-in resident
        var slow = new ArrayList<OutputStream>();
        for (int i = 0; i < SLOW_CLIENTS; i++) {
            slow.add(startSlowApplication(i % 2 == 0 ? null : someone, 100_000));
        }
        dribble.scheduleAtFixedRate(() -> slow.forEach(out -> {
            try {
                out.write(' ');
                out.flush();
            } catch (IOException closedByTheServer) {
                // the server may answer (401) and close; the others go on dribbling
            }
        }), 0, 200, TimeUnit.MILLISECONDS);
        Thread.sleep(1_000); // every slow client is in, its headers read

        long started = System.nanoTime();
        var answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/applications"))
                .header("Authorization", "Bearer " + resident).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"item\":\"high-age-allowance\",\"form\":{}}"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        assertThat(answer.body()).contains("\"decision\"");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aBodyThatNeverFinishesIsRefusedAfterTheReadTimeout() throws Exception {
        var socket = connect();
        var out = socket.getOutputStream();
        out.write(head(token("applicant"), 1_000).getBytes(StandardCharsets.ISO_8859_1));
        out.write('{');
        out.flush();
        Future<?> dribbling = dribble.scheduleAtFixedRate(() -> {
            try {
                out.write(' ');
                out.flush();
            } catch (IOException closed) {
                // refused: the server closed the connection
            }
        }, 500, 500, TimeUnit.MILLISECONDS);
        socket.setSoTimeout(60_000); // the read timeout is 10 s; a loaded machine may take longer to answer
        var answer = answer(socket);
        dribbling.cancel(true);
        assertThat(answer).startsWith("HTTP/1.1 408").contains("urn:youfu:problem:body-too-slow");
    }

    @Test
    void aBodyDeclaredTooLargeIsRefusedUnread() throws Exception {
        var socket = connect();
        socket.setSoTimeout(5_000);
        socket.getOutputStream().write(head(token("applicant"), 50_000_000).getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        var answer = answer(socket);
        assertThat(answer).startsWith("HTTP/1.1 413").contains("urn:youfu:problem:body-too-large");
    }

    /** The server's answer: its head and its problem body, as far as the problem's type. */
    private static String answer(Socket socket) throws IOException {
        var in = socket.getInputStream();
        var text = new StringBuilder();
        var buffer = new byte[4096];
        int n;
        while ((n = in.read(buffer)) > 0) {
            text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            int body = text.indexOf("\r\n\r\n");
            if (body >= 0 && text.indexOf("\"type\":\"urn:youfu:problem:", body) >= 0
                    && text.indexOf("}", text.indexOf("urn:youfu:problem:", body)) >= 0) {
                break; // the head and the problem's type: enough, whether the body is sent whole or chunked
            }
        }
        return text.toString();
    }

    private OutputStream startSlowApplication(String token, int length) throws IOException {
        var out = connect().getOutputStream();
        out.write(head(token, length).getBytes(StandardCharsets.ISO_8859_1));
        out.write('{');
        out.flush();
        return out;
    }

    private Socket connect() throws IOException {
        var socket = new Socket("localhost", port);
        sockets.add(socket);
        return socket;
    }

    private static String head(String token, int length) {
        return "POST /api/v1/applications HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                + "Content-Length: " + length + "\r\n\r\n";
    }

    private String token(String username) throws Exception {
        var answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username
                        + "\",\"password\":\"youfu-demo\"}")).build(), HttpResponse.BodyHandlers.ofString());
        return JsonMapper.builder().build().readTree(answer.body()).get("access_token").asString();
    }
}

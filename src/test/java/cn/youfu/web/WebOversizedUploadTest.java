package cn.youfu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A real request over the servlet's multipart ceiling (lowered here to 1 MB, below the materials' own 10 MB), through
 * the real server: the application form comes back with the file-size message next to the field, not an error page;
 * the API still answers with a 413 problem detail.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {"youfu.db.ephemeral=true",
        "youfu.mode=demo", "youfu.data-dir=target/test-data", "spring.servlet.multipart.max-file-size=1MB",
        "spring.servlet.multipart.max-request-size=1MB"})
class WebOversizedUploadTest {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    URI at(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    static String csrf(String page) {
        return page.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
    }

    static byte[] multipart(String boundary, String csrf, int fileBytes) {
        var head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"phone\"\r\n\r\n13800000000\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"material-id-card-front\"; "
                + "filename=\"card.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        var tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        var body = Arrays.copyOf(head, head.length + fileBytes + tail.length);
        System.arraycopy(tail, 0, body, head.length + fileBytes, tail.length);
        return body;
    }

    @Test
    void theFormComesBackWithTheFileSizeMessage() throws Exception {
        var login = http.send(HttpRequest.newBuilder(at("/login")).build(), BodyHandlers.ofString()).body();
        var signIn = http.send(HttpRequest.newBuilder(at("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString("username=applicant&password=youfu-demo&_csrf="
                        + URLEncoder.encode(csrf(login), StandardCharsets.UTF_8))).build(), BodyHandlers.ofString());
        assertThat(signIn.statusCode()).isEqualTo(302);
        var form = http.send(HttpRequest.newBuilder(at("/services/senior-bus-card/apply")).build(),
                BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(200);

        var posted = http.send(HttpRequest.newBuilder(at("/services/senior-bus-card/apply"))
                .header("Content-Type", "multipart/form-data; boundary=youfu")
                .POST(BodyPublishers.ofByteArray(multipart("youfu", csrf(form.body()), 1024 * 1024 + 1)))
                .build(), BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(303);
        assertThat(posted.headers().firstValue("Location")).hasValueSatisfying(
                l -> assertThat(l).endsWith("/services/senior-bus-card/apply"));
        var again = http.send(HttpRequest.newBuilder(at("/services/senior-bus-card/apply")).build(),
                BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("id=\"m-id-card-front-error\"", "文件超过 10 MB，请压缩后重新上传",
                "aria-describedby=\"m-id-card-front-hint m-id-card-front-error\"");
    }

    @Test
    void theApiStillAnswers413WithAProblemDetail() throws Exception {
        var token = http.send(HttpRequest.newBuilder(at("/api/v1/auth/token"))
                        .header("Content-Type", "application/json")
                        .POST(BodyPublishers.ofString("{\"username\":\"applicant\",\"password\":\"youfu-demo\"}"))
                        .build(), BodyHandlers.ofString()).body()
                .replaceAll(".*\"access_token\":\"([^\"]*)\".*", "$1");
        var refused = http.send(HttpRequest.newBuilder(at("/api/v1/materials"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=youfu")
                .POST(BodyPublishers.ofByteArray(multipart("youfu", "", 1024 * 1024 + 1))).build(),
                BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
    }
}

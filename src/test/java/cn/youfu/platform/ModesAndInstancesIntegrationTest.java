package cn.youfu.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.youfu.OverlappingStarts;
import cn.youfu.YoufuApplication;
import cn.youfu.audit.internal.TestKeys;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** Whole applications started as an operator would: modes, an external database, two instances side by side. */
class ModesAndInstancesIntegrationTest {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Production needs the SM4 key of reporters' contacts besides the signing keys. */
    static final String CONTACT_KEY = "youfu.dispatch.contact-key=" + TestKeys.CONTACT_KEY;

    @TempDir
    Path dataDir;

    /** Command-line arguments, as an operator would pass them (they win over application.yaml). */
    static String[] arguments(String... properties) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of("server.port=0"),
                java.util.Arrays.stream(properties)).map(p -> "--" + p).toArray(String[]::new);
    }

    static ConfigurableApplicationContext start(String... properties) {
        return new SpringApplicationBuilder(YoufuApplication.class).run(arguments(properties));
    }

    static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    static HttpResponse<String> get(int port, String path, String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> signIn(int port, String username) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + username + "\",\"password\":\"youfu-demo\"}"))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void twoInstancesOnOneExternalDatabaseWorkSideBySide() throws Exception {
        try (var server = cn.youfu.platform.database.TestDatabases.startExternal(dataDir)) {
            String[] props = {"youfu.db.url=" + server.jdbcUrl(), "youfu.db.user=postgres",
                    "youfu.data-dir=" + dataDir.resolve("unused")};
            // Both start at once: migrations and demo data must not trip over each other.
            var both = OverlappingStarts.start(arguments(props), arguments(props));
            try (var first = both[0]; var second = both[1]) {
                for (var context : new ConfigurableApplicationContext[] {first, second}) {
                    assertThat(context.getBeanNamesForType(
                            cn.youfu.platform.database.TestDatabases.embeddedType())).isEmpty();
                }
                var token = JsonMapper.builder().build().readTree(signIn(port(first), "officer").body())
                        .get("access_token").asString();
                // A token issued by one instance is accepted by the other.
                var me = get(port(second), "/api/v1/auth/me", token);
                assertThat(me.statusCode()).isEqualTo(200);
                assertThat(me.body()).contains("\"username\":\"officer\"");
                assertThat(get(port(second), "/actuator/health", null).body()).contains("\"UP\"");
                var accounts = first.getBean(JdbcClient.class).sql("SELECT count(*) FROM identity.account")
                        .query(Long.class).single();
                assertThat(accounts).isEqualTo(8);
            }
            // Nothing was started in the data directory: the external database was used.
            assertThat(dataDir.resolve("unused/postgres")).doesNotExist();
        }
    }

    @Test
    void productionRefusesToStartWithoutAnIssuer() {
        var key = TestKeys.newSm2Key(dataDir.resolve("audit-sm2.pem"));
        assertThatThrownBy(() -> start("youfu.mode=production", CONTACT_KEY, "youfu.db.ephemeral=true",
                "youfu.data-dir=" + dataDir, "youfu.disclosure.signing-key=" + key,
                "youfu.audit.signing-key=" + key,
                "youfu.certificates.signing-key=" + key))
                .rootCause()
                .hasMessageContaining("YOUFU_OIDC_ISSUER");
    }

    @Test
    void productionRefusesToStartWithoutTheLedgersSigningKey() {
        var key = TestKeys.newSm2Key(dataDir.resolve("certificates-sm2.pem"));
        assertThatThrownBy(() -> start("youfu.mode=production", CONTACT_KEY,
                "youfu.oidc.issuer=http://localhost:1/realms/none",
                "youfu.db.ephemeral=true", "youfu.data-dir=" + dataDir, "youfu.certificates.signing-key=" + key,
                "youfu.disclosure.signing-key=" + key))
                .rootCause()
                .hasMessageContaining("YOUFU_AUDIT_SIGNING_KEY");
    }

    @Test
    void productionRefusesToStartWithoutTheCertificatesSigningKey() {
        var key = TestKeys.newSm2Key(dataDir.resolve("audit-sm2.pem"));
        assertThatThrownBy(() -> start("youfu.mode=production", CONTACT_KEY,
                "youfu.oidc.issuer=http://localhost:1/realms/none",
                "youfu.db.ephemeral=true", "youfu.data-dir=" + dataDir, "youfu.disclosure.signing-key=" + key,
                "youfu.audit.signing-key=" + key))
                .rootCause()
                .hasMessageContaining("YOUFU_CERTIFICATES_SIGNING_KEY");
    }

    @Test
    void productionRefusesToStartWithoutTheReplyLettersSigningKey() {
        var key = TestKeys.newSm2Key(dataDir.resolve("sm2.pem"));
        assertThatThrownBy(() -> start("youfu.mode=production", CONTACT_KEY,
                "youfu.oidc.issuer=http://localhost:1/realms/none", "youfu.db.ephemeral=true",
                "youfu.data-dir=" + dataDir, "youfu.audit.signing-key=" + key, "youfu.certificates.signing-key=" + key))
                .rootCause()
                .hasMessageContaining("YOUFU_DISCLOSURE_SIGNING_KEY");
    }

    @Test
    void productionRefusesToStartWithoutTheContactKey() {
        var key = TestKeys.newSm2Key(dataDir.resolve("sm2.pem"));
        assertThatThrownBy(() -> start("youfu.mode=production", "youfu.oidc.issuer=http://localhost:1/realms/none",
                "youfu.db.ephemeral=true", "youfu.data-dir=" + dataDir, "youfu.disclosure.signing-key=" + key,
                "youfu.audit.signing-key=" + key,
                "youfu.certificates.signing-key=" + key))
                .rootCause()
                .hasMessageContaining("YOUFU_DISPATCH_CONTACT_KEY");
    }

    @Test
    void productionHasNoDemoIssuerAndNoDemoAccounts() throws Exception {
        var key = TestKeys.newSm2Key(dataDir.resolve("audit-sm2.pem"));
        try (var app = start("youfu.mode=production", CONTACT_KEY,
                "youfu.oidc.issuer=http://localhost:1/realms/none",
                "youfu.db.ephemeral=true", "youfu.data-dir=" + dataDir, "youfu.disclosure.signing-key=" + key,
                "youfu.audit.signing-key=" + key,
                "youfu.certificates.signing-key=" + key)) {
            assertThat(signIn(port(app), "officer").statusCode()).isEqualTo(404);
            assertThat(app.getBean(JdbcClient.class).sql("SELECT count(*) FROM identity.account")
                    .query(Long.class).single()).isZero();
            assertThat(get(port(app), "/api/v1/auth/me", null).statusCode()).isEqualTo(401);
            assertThat(get(port(app), "/api/v1/calendar/days/2026-10-01", null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void anUnknownModeIsRefused() {
        assertThatThrownBy(() -> start("youfu.mode=staging", "youfu.db.ephemeral=true",
                "youfu.data-dir=" + dataDir))
                .hasStackTraceContaining("youfu.mode");
    }
}

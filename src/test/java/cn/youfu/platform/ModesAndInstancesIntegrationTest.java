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
import java.util.List;
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
    /** Production's SM4 key of reporters' contacts. */
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

    /** Why Youfu did not start with these settings: the innermost cause of the failure. */
    static Throwable refusal(String... properties) {
        var failure = org.assertj.core.api.Assertions.catchThrowable(() -> start(properties).close());
        assertThat(failure).as("Youfu started").isNotNull();
        return org.springframework.core.NestedExceptionUtils.getMostSpecificCause(failure);
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

    /** Everything production needs, as an operator would pass it, and {@code more}. */
    String[] productionSettings(String... more) {
        var all = new java.util.ArrayList<>(List.of("youfu.oidc.issuer=http://localhost:1/realms/none",
                "youfu.data-dir=" + dataDir));
        all.addAll(cn.youfu.ProductionSettings.of(dataDir));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void aModeWrittenInCapitalsIsRefusedNotTakenForDemo() {
        assertThat(refusal(productionSettings("youfu.mode=PRODUCTION", "youfu.db.ephemeral=true")))
                .isInstanceOf(StartupRefusal.class)
                .hasMessageContaining("Write YOUFU_MODE=production");
    }

    @Test
    void productionReportsEverySettingItLacksAtOnceEachWithHowToMakeIt() {
        assertThat(refusal("youfu.mode=production", "youfu.db.ephemeral=true",
                "youfu.data-dir=" + dataDir))
                .isInstanceOf(StartupRefusal.class)
                .hasMessageContaining("lacks 18 settings")
                .hasMessageContaining("YOUFU_OIDC_ISSUER").hasMessageContaining("realms/fujian")
                .hasMessageContaining("YOUFU_AUDIT_TRUSTED_KEY_IDS").hasMessageContaining("YOUFU_AUDIT_ANCHOR_DIR")
                .hasMessageContaining("YOUFU_CERTIFICATES_TRUSTED_KEY_IDS").hasMessageContaining("YOUFU_DISCLOSURE_SIGNING_KEY")
                .hasMessageContaining("YOUFU_SOURCES_POPULATION_URL").hasMessageContaining("YOUFU_SOURCES_ELICENCE_URL")
                .hasMessageContaining("YOUFU_AUDIT_SIGNING_KEY").hasMessageContaining("openssl genpkey -algorithm SM2")
                .hasMessageContaining("YOUFU_CERTIFICATES_SIGNING_KEY")
                .hasMessageContaining("YOUFU_DISPATCH_CONTACT_KEY").hasMessageContaining("openssl rand -hex 16");
        var key = TestKeys.newSm2Key(dataDir.resolve("audit-sm2.pem"));
        assertThat(refusal("youfu.mode=production", "youfu.db.ephemeral=true",
                "youfu.data-dir=" + dataDir, "youfu.audit.signing-key=" + key, CONTACT_KEY))
                .hasMessageContaining("lacks 16 settings")
                .hasMessageContaining("YOUFU_OIDC_ISSUER").hasMessageContaining("YOUFU_CERTIFICATES_SIGNING_KEY")
                .hasMessageNotContaining("YOUFU_AUDIT_SIGNING_KEY").hasMessageNotContaining("CONTACT_KEY");
    }

    /** The case the security review saw: SPRING_PROFILES_ACTIVE=production alone ran the demo. */
    @Test
    void theSpringProfileProductionAloneMeansProduction() throws Exception {
        assertThat(refusal("spring.profiles.active=production", "youfu.db.ephemeral=true",
                "youfu.data-dir=" + dataDir))
                .hasMessageContaining("YOUFU_MODE=production lacks 18 settings");
        try (var app = start(productionSettings("spring.profiles.active=prod", "youfu.db.ephemeral=true"))) {
            assertThat(app.getBean(YoufuSettings.class).mode()).isEqualTo(Mode.PRODUCTION);
            assertThat(signIn(port(app), "admin").statusCode()).isEqualTo(404);
            assertThat(app.getBean(JdbcClient.class).sql("SELECT count(*) FROM identity.account")
                    .query(Long.class).single()).isZero();
        }
    }

    @Test
    void aModeAndAProfileThatContradictEachOtherRefuseToStart() {
        assertThat(refusal(productionSettings("youfu.mode=demo", "spring.profiles.active=production",
                "youfu.db.ephemeral=true")))
                .isInstanceOf(StartupRefusal.class)
                .hasMessageContaining("contradictory")
                .hasMessageContaining("means production, but YOUFU_MODE (youfu.mode) says demo");
        assertThat(refusal(productionSettings("youfu.mode=production", "spring.profiles.active=demo",
                "youfu.db.ephemeral=true")))
                .hasMessageContaining("The Spring profile demo is active in production")
                .hasMessageContaining("leaves out the profile production");
    }

    @Test
    void productionRefusesADatabaseADemoInstanceHasUsed() throws Exception {
        var city = "youfu.sources.synthetic-city.residents=200";
        var enterprises = "youfu.sources.synthetic-city.enterprises=20";
        try (var demo = start("youfu.mode=demo", "youfu.data-dir=" + dataDir, city, enterprises)) {
            assertThat(signIn(port(demo), "admin").statusCode()).isEqualTo(200);
        }
        assertThat(refusal(productionSettings("youfu.mode=production")))
                .isInstanceOf(StartupRefusal.class)
                .hasMessageContaining("This database holds demo data")
                .hasMessageContaining("identity.account has 8 password accounts of demo mode (admin, applicant")
                .hasMessageContaining("sources.synthetic_city: the synthetic city of demo mode (seed 20261125")
                .hasMessageContaining("point YOUFU_DB_URL at a new database");
    }

    @Test
    void productionHasNoDemoIssuerAndNoDemoAccounts() throws Exception {
        try (var app = start(productionSettings("youfu.mode=production", "youfu.db.ephemeral=true"))) {
            assertThat(signIn(port(app), "officer").statusCode()).isEqualTo(404);
            assertThat(app.getBean(JdbcClient.class).sql("SELECT count(*) FROM identity.account")
                    .query(Long.class).single()).isZero();
            assertThat(get(port(app), "/api/v1/auth/me", null).statusCode()).isEqualTo(401);
            assertThat(get(port(app), "/api/v1/calendar/days/2026-10-01", null).statusCode()).isEqualTo(200);
        }
    }

    static HttpResponse<String> getWith(int port, String path, java.util.Map<String, String> headers)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void productionKeepsMetricsAndTheApiDocumentFromThePublicAndKnowsItsTlsProxy() throws Exception {
        try (var app = start(productionSettings("youfu.mode=production", "youfu.db.ephemeral=true"))) {
            int port = port(app);
            assertThat(get(port, "/actuator/health", null).statusCode()).isEqualTo(200);
            for (var path : new String[] {"/actuator/prometheus", "/actuator/info", "/v3/api-docs"}) {
                var answer = get(port, path, null);
                assertThat(answer.statusCode()).as(path).isEqualTo(401);
                assertThat(answer.body()).as(path).contains("urn:youfu:problem:unauthenticated");
            }
            assertThat(get(port, "/swagger-ui.html", null).statusCode()).isEqualTo(404);
            // behind a TLS proxy (here on loopback, which Tomcat trusts): HSTS, and redirects stay on https
            var proxied = getWith(port, "/my/cases", java.util.Map.of("X-Forwarded-Proto", "https",
                    "X-Forwarded-Host", "youfu.example.gov.cn"));
            assertThat(proxied.headers().firstValue("Strict-Transport-Security")).isPresent();
            assertThat(proxied.headers().firstValue("Location")).hasValue("https://youfu.example.gov.cn/login");
            assertThat(getWith(port, "/my/cases", java.util.Map.of()).headers()
                    .firstValue("Strict-Transport-Security")).isEmpty();
        }
    }

    @Test
    void productionsManagementPortOfItsOwnServesMetricsOnLoopbackOnly() throws Exception {
        int management;
        try (var socket = new java.net.ServerSocket(0)) {
            management = socket.getLocalPort();
        }
        try (var app = start(productionSettings("youfu.mode=production", "youfu.db.ephemeral=true",
                "management.server.port=" + management))) {
            assertThat(get(management, "/actuator/prometheus", null).body()).contains("jvm_memory_used_bytes");
            assertThat(get(management, "/actuator/health", null).statusCode()).isEqualTo(200);
            assertThat(get(port(app), "/actuator/prometheus", null).statusCode()).isEqualTo(404);
            assertThat(app.getEnvironment().getProperty("management.server.address")).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void anUnknownModeIsRefused() {
        assertThatThrownBy(() -> start("youfu.mode=staging", "youfu.db.ephemeral=true",
                "youfu.data-dir=" + dataDir))
                .hasStackTraceContaining("youfu.mode");
    }
}

package cn.youfu.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.youfu.YoufuApplication;
import java.util.List;
import cn.youfu.identity.KeycloakServer;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Production sign-in end to end, against a real Keycloak (started once for the class, {@link KeycloakServer}) with
 * the committed realm: Youfu in production mode, its bearer tokens and its pages' sign-in with PKCE in Chromium,
 * sign-out that ends the identity platform's session too, a person with none of Youfu's roles refused on the API and
 * the pages, another application's token refused, and a resident of the population source (a stub of the
 * data-sharing platform) approved end to end with a certificate.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakJourneysBrowserTest {

    /** The resident the realm's test person chen.youfu is, as the population source has him. */
    static final String RESIDENT_ID = "350102195803120016";

    static KeycloakServer keycloak;
    static HttpServer dataSharing;
    static ConfigurableApplicationContext youfu;
    static Path dataDir;
    static String base;
    static Browser browser;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        int port = KeycloakServer.freePort();
        base = "http://localhost:" + port;
        dataSharing = dataSharingPlatform();
        keycloak = KeycloakServer.start(base);
        dataDir = Files.createTempDirectory("youfu-keycloak-");
        var sources = "http://localhost:" + dataSharing.getAddress().getPort();
        var arguments = new java.util.ArrayList<>(List.of("--server.port=" + port, "--youfu.mode=production",
                "--youfu.oidc.issuer=" + keycloak.issuer(), "--youfu.db.ephemeral=true", "--youfu.data-dir=" + dataDir,
                "--youfu.public-base-url=" + base, "--youfu.sources.population.url=" + sources + "/population",
                "--youfu.sources.e-licence.url=" + sources + "/e-licence"));
        cn.youfu.ProductionSettings.of(dataDir).stream()
                .filter(s -> !s.startsWith("youfu.sources.population.") && !s.startsWith("youfu.sources.e-licence."))
                .forEach(s -> arguments.add("--" + s));
        youfu = new SpringApplicationBuilder(YoufuApplication.class).run(arguments.toArray(String[]::new));
        browser = new Browser(port);
    }

    /**
     * The data-sharing platform as Youfu's HTTP connectors ask it: the resident in the population source, no
     * e-licence yet.
     */
    static HttpServer dataSharingPlatform() throws Exception {
        var server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/population/" + RESIDENT_ID, exchange -> answer(exchange, 200, """
                {"id_number":"%s","name":"陈有福","birth_date":"1958-03-12","hukou_division":"350102",
                 "alive":true,"residence_permit_division":null,"residence_permit_expiry":null}"""
                .formatted(RESIDENT_ID)));
        server.createContext("/e-licence/" + RESIDENT_ID, exchange -> answer(exchange, 200, "[]"));
        server.createContext("/", exchange -> answer(exchange, 404, "{}"));
        server.start();
        return server;
    }

    static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
            throws java.io.IOException {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (youfu != null) {
            youfu.close();
        }
        if (keycloak != null) {
            keycloak.close();
        }
        if (dataSharing != null) {
            dataSharing.stop(0);
        }
    }

    static HttpResponse<String> api(String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in at Keycloak's own form, where Youfu sent the browser. */
    static void signInAtThePlatform(KeycloakServer.Person person) {
        browser.type("#username", person.username());
        browser.type("#password", person.password());
        browser.click("#kc-login");
    }

    @Test
    @Order(1)
    void anOfficersTokenFromKeycloakIsReadByTheClaimsContract() throws Exception {
        var token = keycloak.accessToken("youfu", KeycloakServer.OFFICER);
        var me = api("/api/v1/auth/me", token);
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        var user = JsonMapper.builder().build().readTree(me.body());
        assertThat(user.get("displayName").asString()).isEqualTo("林秀英");
        assertThat(user.get("department").asString()).isEqualTo("fz-approval");
        assertThat(user.get("roles").toString()).isEqualTo("[\"OFFICER\"]");
        assertThat(api("/api/v1/inbox", token).statusCode()).isEqualTo(200);
        assertThat(api("/api/v1/identity/accounts", token).statusCode()).isEqualTo(403);
    }

    @Test
    @Order(2)
    void anotherApplicationsTokenIsRefusedThoughItCarriesYoufusRolesAndAudience() throws Exception {
        var token = keycloak.accessToken(KeycloakServer.OTHER_CLIENT, KeycloakServer.OFFICER);
        var me = api("/api/v1/auth/me", token);
        assertThat(me.statusCode()).isEqualTo(401);
        assertThat(me.body()).contains("urn:youfu:problem:unauthenticated", "需要登录");
    }

    @Test
    @Order(3)
    void aPersonWithNoneOfYoufusRolesOrOnlyARealmWideAdminIs403OnTheApi() throws Exception {
        for (var person : new KeycloakServer.Person[] {KeycloakServer.NO_ROLE, KeycloakServer.REALM_ADMIN}) {
            var me = api("/api/v1/auth/me", keycloak.accessToken("youfu", person));
            assertThat(me.statusCode()).as(person.username()).isEqualTo(403);
            assertThat(me.body()).contains("urn:youfu:problem:no-role");
        }
    }

    @Test
    @Order(4)
    void anOfficerSignsInWithPkceAndSigningOutEndsTheIdentityPlatformsSessionToo() {
        browser.open("/officer/inbox");
        signInAtThePlatform(KeycloakServer.OFFICER);
        assertThat(browser.driver().getCurrentUrl()).startsWith(base + "/officer/inbox");
        assertThat(browser.text("header")).contains("林秀英");
        browser.check("keycloak-officer-inbox");
        browser.signOut(); // blocked by the CSP's form-action before: the browser never reached the platform
        assertThat(browser.driver().getCurrentUrl()).isEqualTo(base + "/?signed-out");
        browser.check("keycloak-signed-out");
        // The platform's session is over too: the next person is asked for an account, not signed in as the officer.
        browser.open("/officer/inbox");
        browser.find("#kc-login");
        assertThat(browser.driver().getCurrentUrl()).startsWith(keycloak.issuer());
    }

    @Test
    @Order(5)
    void aPersonWithNoneOfYoufusRolesIsToldSoAndMaySignOutAtThePlatform() {
        browser.open("/login");
        signInAtThePlatform(KeycloakServer.NO_ROLE);
        assertThat(browser.driver().getCurrentUrl()).isEqualTo(base + "/login?error=no-role");
        assertThat(browser.text("#no-role")).contains("没有有福平台的任何角色");
        browser.check("keycloak-no-role");
        browser.click("a[href$='/login/platform-sign-out']");
        browser.click("#kc-logout"); // the platform asks to confirm: no ID token names the person
        browser.find("#kc-login");
        assertThat(browser.driver().getCurrentUrl()).startsWith(keycloak.issuer());
    }

    @Test
    @Order(6)
    void aResidentOfThePopulationSourceIsApprovedEndToEnd() {
        browser.open("/services/elderly-card/apply");
        if (!browser.driver().findElements(By.id("kc-login")).isEmpty()) {
            signInAtThePlatform(KeycloakServer.RESIDENT);
        }
        assertThat(browser.driver().getCurrentUrl()).startsWith(base + "/services/elderly-card/apply");
        browser.click("form button[type=submit].primary");
        assertThat(browser.text("h1")).isEqualTo("已批准");
        // the registered name (陈有福), not Keycloak's "given family" (有福 陈), is what the registry is asked about
        assertThat(browser.text("main")).contains("符合：申请人姓名与人口库一致");
        browser.find(".qr svg path");
        browser.check("keycloak-resident-approved");
        browser.signOut();
    }
}

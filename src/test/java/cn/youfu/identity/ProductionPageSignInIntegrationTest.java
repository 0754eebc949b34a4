package cn.youfu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.youfu.YoufuApplication;
import cn.youfu.audit.internal.TestKeys;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Production mode: the pages sign in through the identity platform with the OpenID Connect authorization code flow.
 * The platform is a stub in this test (discovery document, JWKS, token endpoint; Keycloak's shape, with the roles in
 * the access token's {@code realm_access}), so the whole round trip runs: the page sends the anonymous to the
 * platform, the platform's answer signs them in with their roles, a role they lack is still refused.
 */
class ProductionPageSignInIntegrationTest {

    static final String RESIDENT = "350102195803120016";

    @TempDir
    Path dataDir;

    HttpServer issuer;
    String issuerUri;
    RSAKey key;
    final AtomicReference<String> nonce = new AtomicReference<>();
    final AtomicReference<String> tokenRequest = new AtomicReference<>();
    /** Who the platform signs in: subject, name, realm roles. */
    final AtomicReference<List<Object>> person = new AtomicReference<>(List.of(RESIDENT, "陈有福", List.of("applicant",
            "offline_access")));

    @BeforeEach
    void startIssuer() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("test").generate();
        issuer = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        issuerUri = "http://localhost:" + issuer.getAddress().getPort() + "/realms/fujian";
        issuer.createContext("/realms/fujian/.well-known/openid-configuration", ex -> json(ex, """
                {"issuer":"%1$s","authorization_endpoint":"%1$s/protocol/openid-connect/auth",
                 "token_endpoint":"%1$s/protocol/openid-connect/token","jwks_uri":"%1$s/protocol/openid-connect/certs",
                 "response_types_supported":["code"],"subject_types_supported":["public"],
                 "id_token_signing_alg_values_supported":["RS256"],"code_challenge_methods_supported":["S256"],
                 "token_endpoint_auth_methods_supported":["none","client_secret_basic"]}""".formatted(issuerUri)));
        issuer.createContext("/realms/fujian/protocol/openid-connect/certs",
                ex -> json(ex, new JWKSet(key.toPublicJWK()).toString()));
        issuer.createContext("/realms/fujian/protocol/openid-connect/token", ex -> {
            tokenRequest.set(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            try {
                var now = Instant.now();
                var who = person.get();
                var subject = (String) who.get(0);
                var id = sign(new JWTClaimsSet.Builder().issuer(issuerUri).subject(subject).audience("youfu")
                        .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                        .claim("nonce", nonce.get()).claim("name", who.get(1))
                        .claim("subject_id", subject.equals(RESIDENT) ? RESIDENT : null).build());
                var access = sign(new JWTClaimsSet.Builder().issuer(issuerUri).subject(subject).audience("account")
                        .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                        .claim("realm_access", Map.of("roles", who.get(2))).build());
                json(ex, """
                        {"access_token":"%s","token_type":"Bearer","expires_in":300,"id_token":"%s",
                         "scope":"openid profile"}""".formatted(access, id));
            } catch (Exception e) {
                throw new IOException(e);
            }
        });
        issuer.start();
    }

    @AfterEach
    void stopIssuer() {
        issuer.stop(0);
    }

    String sign(JWTClaimsSet claims) throws Exception {
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    static void json(HttpExchange exchange, String body) throws IOException {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    ConfigurableApplicationContext startYoufu() {
        var key = TestKeys.newSm2Key(dataDir.resolve("sm2.pem"));
        return new SpringApplicationBuilder(YoufuApplication.class).run("--server.port=0", "--youfu.mode=production",
                "--youfu.oidc.issuer=" + issuerUri, "--youfu.db.ephemeral=true", "--youfu.data-dir=" + dataDir,
                "--youfu.audit.signing-key=" + key, "--youfu.certificates.signing-key=" + key,
                "--youfu.disclosure.signing-key=" + key,
                "--youfu.dispatch.contact-key=" + TestKeys.CONTACT_KEY);
    }

    static Map<String, String> query(URI uri) {
        var out = new LinkedHashMap<String, String>();
        for (var pair : uri.getRawQuery().split("&")) {
            var kv = pair.split("=", 2);
            out.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void thePagesSignInThroughTheIdentityPlatformWithItsRoles() throws Exception {
        try (var app = startYoufu()) {
            var base = base(app);
            var browser = browser();
            // The anonymous are sent to sign in, and sign-in is the identity platform's, not the demo form.
            var mine = get(browser, base + "/my/cases");
            assertThat(mine.statusCode()).isEqualTo(302);
            assertThat(location(mine)).endsWith("/login");
            var login = get(browser, base + "/login");
            assertThat(location(login)).endsWith(PageSignIn.OIDC_START);
            var start = get(browser, base + PageSignIn.OIDC_START);
            assertThat(start.statusCode()).isEqualTo(302);
            var authorize = URI.create(location(start));
            assertThat(authorize.toString()).startsWith(issuerUri + "/protocol/openid-connect/auth?");
            var asked = query(authorize);
            assertThat(asked).containsEntry("response_type", "code").containsEntry("client_id", "youfu")
                    .containsEntry("code_challenge_method", "S256")
                    .containsEntry("redirect_uri", base + "/login/oauth2/code/" + PageSignIn.REGISTRATION);
            assertThat(asked.get("scope")).contains("openid");
            assertThat(asked).containsKeys("state", "nonce", "code_challenge");

            // The platform signs the person in and sends them back with a code.
            nonce.set(asked.get("nonce"));
            var back = get(browser, asked.get("redirect_uri") + "?code=the-code&state="
                    + java.net.URLEncoder.encode(asked.get("state"), StandardCharsets.UTF_8));
            assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
            assertThat(location(back)).doesNotContain("error").contains("/my/cases");
            assertThat(tokenRequest.get()).contains("code=the-code", "code_verifier=", "client_id=youfu");

            var page = get(browser, base + "/my/cases");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("陈有福");
            // realm_access.roles gave the applicant role, and only that
            assertThat(get(browser, base + "/officer/inbox").statusCode()).isEqualTo(403);
            // a resident's name is not kept; staff names are (next test)
            assertThat(app.getBean(Directory.class).displayName(RESIDENT)).isEmpty();
            // the demo form is not there to post to
            assertThat(browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                            .POST(HttpRequest.BodyPublishers.ofString("username=officer&password=youfu-demo"))
                            .header("Content-Type", "application/x-www-form-urlencoded").build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isIn(403, 404, 405);
        }
    }

    @Test
    void anOfficerSignedInIsShownByNameInTimelines() throws Exception {
        var subject = "5f0c2a1e-7d8b-4c39-9a51-3e2f6b7c8d90";
        person.set(List.of(subject, "林秀英", List.of("officer")));
        try (var app = startYoufu()) {
            var base = base(app);
            var browser = browser();
            var asked = query(URI.create(location(get(browser, base + PageSignIn.OIDC_START))));
            nonce.set(asked.get("nonce"));
            var back = get(browser, asked.get("redirect_uri") + "?code=the-code&state="
                    + java.net.URLEncoder.encode(asked.get("state"), StandardCharsets.UTF_8));
            assertThat(location(back)).doesNotContain("error");
            assertThat(get(browser, base + "/officer/inbox").statusCode()).isEqualTo(200);
            assertThat(app.getBean(Directory.class).displayName(subject)).contains("林秀英");
        }
    }

    @Test
    void aFailedSignInSaysSoAndOffersToTryAgain() throws Exception {
        try (var app = startYoufu()) {
            var base = base(app);
            var browser = browser();
            var start = get(browser, base + PageSignIn.OIDC_START);
            var asked = query(URI.create(location(start)));
            var denied = get(browser, asked.get("redirect_uri") + "?error=access_denied&state="
                    + java.net.URLEncoder.encode(asked.get("state"), StandardCharsets.UTF_8));
            assertThat(location(denied)).endsWith("/login?error");
            var page = get(browser, base + "/login?error");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("未能通过省统一身份认证平台登录", "href=\"" + PageSignIn.OIDC_START + "\"")
                    .doesNotContain("name=\"password\"");
        }
    }

    @Test
    void anUnreachablePlatformIsSaidInWordsNotAnError500() throws Exception {
        issuerUri = "http://localhost:1/realms/none";
        try (var app = startYoufu()) {
            var base = base(app);
            var browser = browser();
            var start = get(browser, base + PageSignIn.OIDC_START);
            assertThat(start.statusCode()).isEqualTo(302);
            assertThat(location(start)).endsWith("/login?error=unavailable");
            assertThat(get(browser, base + "/login?error=unavailable").body())
                    .contains("暂时无法连接省统一身份认证平台", "href=\"" + PageSignIn.OIDC_START + "\"");
        }
    }

    static String base(ConfigurableApplicationContext app) {
        return "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    /** A browser's cookies, redirects not followed (each step is checked). */
    static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    static HttpResponse<String> get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("");
    }
}

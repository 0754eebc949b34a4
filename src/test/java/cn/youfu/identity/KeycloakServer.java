package cn.youfu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A real Keycloak for the end-to-end tests: Maven Central's {@code org.keycloak:keycloak-quarkus-dist} (unpacked by
 * the build into {@code target/keycloak}), run with a JDK of 21 or later (Temurin 25 on this kind of machine) in
 * development mode on free loopback ports, with an in-memory database and the committed realm
 * {@code deploy/keycloak/fujian-realm.json} imported, plus the test people of
 * {@code src/test/resources/keycloak/fujian-test-users.json}. Youfu's redirect and sign-out addresses in the realm are
 * set to where the test runs Youfu. Fails, never skips, when Keycloak or the JDK is missing (see .ci/run).
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String VERSION = "26.5.6";
    static final Path HOME = Path.of(System.getProperty("youfu.keycloak.home", "target/keycloak/keycloak-" + VERSION));
    /** The JDK (21 or later) Keycloak runs on: {@code -Dyoufu.keycloak.java}, else {@code YOUFU_KEYCLOAK_JAVA}. */
    static final Path JAVA_HOME = Path.of(System.getProperty("youfu.keycloak.java",
            System.getenv().getOrDefault("YOUFU_KEYCLOAK_JAVA", "/usr/lib/jvm/temurin-25-jdk-amd64")));
    static final Duration START_LIMIT = Duration.ofMinutes(4);
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** The test people: user name and password. */
    public record Person(String username, String password) {
    }

    public static final Person OFFICER = new Person("lin.xiuying", "test-only-officer");
    public static final Person RESIDENT = new Person("chen.youfu", "test-only-resident");
    public static final Person NO_ROLE = new Person("no.role", "test-only-no-role");
    public static final Person REALM_ADMIN = new Person("realm.admin", "test-only-realm-admin");

    /** Another application of the province, whose tokens carry Youfu's roles and audience (full scope). */
    public static final String OTHER_CLIENT = "fz-portal";
    static final String OTHER_CLIENT_REDIRECT = "https://portal.example.gov.cn/signed-in";

    private final Process process;
    private final int port;
    private final Path log;
    private final String youfuBase;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private KeycloakServer(Process process, int port, Path log, String youfuBase) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.youfuBase = youfuBase;
    }

    /** A free port on loopback now (for Youfu, Keycloak or a stub). */
    public static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Starts Keycloak for a Youfu that will listen at {@code youfuBase} and waits until the realm answers. */
    public static KeycloakServer start(String youfuBase) throws Exception {
        assertThat(HOME.resolve("bin/kc.sh")).as("Keycloak %s unpacked by the build (mvn generate-test-resources)",
                VERSION).isRegularFile();
        assertThat(JAVA_HOME.resolve("bin/java")).as("a JDK 21+ for Keycloak, e.g. Temurin 25 (see .ci/run); "
                + "elsewhere -Dyoufu.keycloak.java=<JAVA_HOME>").isExecutable();
        int port = freePort();
        var imports = Files.createDirectories(HOME.resolve("data/import"));
        Files.writeString(imports.resolve("fujian-realm.json"), realm(youfuBase), StandardCharsets.UTF_8);
        var log = Path.of("target", "keycloak-" + port + ".log").toAbsolutePath();
        var builder = new ProcessBuilder(HOME.resolve("bin/kc.sh").toString(), "start-dev", "--db=dev-mem",
                "--import-realm", "--http-host=127.0.0.1", "--http-port=" + port,
                "--http-management-port=" + freePort(), "--log-level=info,org.keycloak.events:debug")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", JAVA_HOME.toString());
        builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        var server = new KeycloakServer(builder.start(), port, log, youfuBase);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        server.awaitRealm();
        return server;
    }

    /** The committed realm with the test people, Youfu's addresses set to {@code youfuBase}. */
    static String realm(String youfuBase) throws IOException {
        var realm = (ObjectNode) JSON.readTree(Files.readString(Path.of("deploy/keycloak/fujian-realm.json")));
        var people = JSON.readTree(KeycloakServer.class.getResourceAsStream("/keycloak/fujian-test-users.json"));
        realm.set("users", people.get("users"));
        ((ObjectNode) realm.get("roles")).set("realm", people.get("realmRoles"));
        for (JsonNode client : realm.get("clients")) {
            if (client.get("clientId").asString().equals("youfu")) {
                var youfu = (ObjectNode) client;
                youfu.put("rootUrl", youfuBase);
                youfu.set("redirectUris", JSON.createArrayNode().add(youfuBase + "/login/oauth2/code/province"));
                ((ObjectNode) youfu.get("attributes")).put("post.logout.redirect.uris", youfuBase + "/*");
            }
        }
        return JSON.writeValueAsString(realm);
    }

    private void awaitRealm() throws Exception {
        var deadline = Instant.now().plus(START_LIMIT);
        var discovery = HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).build();
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("Keycloak stopped; its log, %s:%n%s", log, tail()).isTrue();
            try {
                if (http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        close();
        throw new AssertionError("Keycloak did not answer within " + START_LIMIT + "; its log, " + log + ":\n"
                + tail());
    }

    private String tail() {
        try {
            var lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    public String issuer() {
        return "http://localhost:" + port + "/realms/fujian";
    }

    /**
     * An access token of {@code client} for {@code person}, as a browser and the client would get it: the
     * authorization code flow with PKCE, the person's name and password typed into Keycloak's own form.
     */
    public String accessToken(String client, Person person) throws Exception {
        var redirect = client.equals("youfu") ? youfuBase + "/login/oauth2/code/province" : OTHER_CLIENT_REDIRECT;
        var secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        var verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        var challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        var cookies = new LinkedHashMap<String, String>();
        var form = send(cookies, HttpRequest.newBuilder(URI.create(issuer() + "/protocol/openid-connect/auth?"
                + query(Map.of("client_id", client, "response_type", "code", "scope", "openid",
                "redirect_uri", redirect, "state", "test", "code_challenge", challenge,
                "code_challenge_method", "S256")))));
        var action = Pattern.compile("id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"|action=\"([^\"]+)\"[^>]*"
                + "id=\"kc-form-login\"").matcher(form.body());
        assertThat(action.find()).as("Keycloak's sign-in form:%n%s", form.body()).isTrue();
        var signedIn = send(cookies, HttpRequest.newBuilder(URI.create(HtmlUtils.htmlUnescape(
                        action.group(1) != null ? action.group(1) : action.group(2))))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(query(Map.of("username", person.username(),
                        "password", person.password())))));
        var location = signedIn.headers().firstValue("Location").orElseThrow(() ->
                new AssertionError("Keycloak did not sign " + person.username() + " in:\n" + signedIn.body()));
        var code = UriComponentsBuilder.fromUriString(location).build().getQueryParams().getFirst("code");
        var token = send(cookies, HttpRequest.newBuilder(URI.create(issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(query(Map.of("grant_type", "authorization_code",
                        "code", code, "redirect_uri", redirect, "client_id", client, "code_verifier", verifier)))));
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return JSON.readTree(token.body()).get("access_token").asString();
    }

    /**
     * Sends a request with the cookies Keycloak set so far. Keycloak marks its cookies {@code Secure} even on
     * http://localhost, which browsers accept on loopback and the JDK's cookie handler does not send: kept here.
     */
    private HttpResponse<String> send(Map<String, String> cookies, HttpRequest.Builder request) throws Exception {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; ")));
        }
        var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (var cookie : response.headers().allValues("Set-Cookie")) {
            var pair = cookie.split(";", 2)[0].split("=", 2);
            cookies.put(pair[0], pair.length > 1 ? pair[1] : "");
        }
        return response;
    }

    static String query(Map<String, String> parameters) {
        return parameters.entrySet().stream().map(p -> p.getKey() + "=" + URLEncoder.encode(p.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    /** Stops Keycloak and everything it started. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            process.onExit().get(java.util.concurrent.TimeUnit.SECONDS.toMillis(30),
                    java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (Exception notInTime) {
            children.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}

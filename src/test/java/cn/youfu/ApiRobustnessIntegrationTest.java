package cn.youfu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Part;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile input against every operation the application documents (its own OpenAPI document, under {@code /api/v1}
 * and {@code /open311}), each called with a token of a role its {@code @PreAuthorize} admits: malformed and
 * wrongly shaped JSON, wrong values for every documented property, query parameter and path variable, wrong content
 * types, empty bodies and methods the path does not take. Whatever the input, the answer is never a 5xx, an error is
 * an RFC 9457 problem detail with {@code type}, {@code title}, {@code status} and a {@code detail} from the bundles
 * (under {@code /open311} always its specification's own format instead), no body names a Java class or shows a
 * stack trace, and a refused write leaves the cases table as it was. Inputs are fixed lists, so every run sends the
 * same requests.
 */
@YoufuIntegrationTest
class ApiRobustnessIntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");
    static final List<String> LEAKS = List.of("Exception", "at cn.youfu", "cn.youfu.", "org.springframework",
            "java.lang", "java.util", "tools.jackson", "com.fasterxml", "org.apache", "jakarta.", "\tat ");
    static final String LONG = "长".repeat(10_000);
    static final String CONTROL = "\u0000\u0007\u001b[31m\u202e\ud83d\ude00<script>alert(1)</script>'\"; DROP TABLE";

    /** Raw values, encoded before they go into a query or a path. */
    static final List<String> BAD_VALUES = List.of("", " ", "2026-13-45", "abc", "-1", "0", "1e400",
            "99999999999999999999999999", "2026", "true", "null", "FZ-" + "9".repeat(2000), "<script>alert(1)</script>",
            CONTROL, "../../etc/passwd", "有福\t\n");
    /** Path segments already encoded: what a hostile client can put between two slashes. */
    static final List<String> RAW_PATH_SEGMENTS = List.of("%00", "..", ".", "%2e%2e", "%2F", "a%2Fb", "%25", "%3B",
            "%20", "~", "%C3%28", "%E2%80%AE");
    /** JSON property values of every wrong kind. */
    static final List<String> BAD_JSON_VALUES = List.of("\"x\"", "-1", "0", "1e400", "99999999999999999999999999",
            "-9.5", "null", "[]", "[1,\"a\"]", "{}", "{\"a\":{\"b\":[]}}", "true", "\"\"", "\"2026-13-45\"",
            "\"" + LONG + "\"", JSON.writeValueAsString(CONTROL), "\"<script>alert(1)</script>\"");
    /** Whole bodies that are not JSON, or JSON of the wrong shape. */
    static final List<String> BAD_BODIES = List.of("", " ", "{", "{\"a\":", "}", "[]", "[{}]", "null", "\"text\"",
            "12345678901234567890123456789", "true", "{}", "{\"unknown\":1}", "{\"a\":1,\"a\":2}", "{'a':1}",
            "{\"a\":NaN}", "[".repeat(5_000), "{\"a\":" + "[".repeat(3_000) + "]".repeat(3_000) + "}",
            "<xml/>", "a=1&b=2", CONTROL);

    /**
     * A plausible value for a path variable, so that the probe of another variable (or of the body) reaches the
     * handler; {@code reference} becomes a real citizen's event (a case) when the test starts. Sources and routes
     * stay unknown ("x"), so that no probe can switch off a source or reroute a topic that other tests rely on.
     */
    final Map<String, String> plain = new HashMap<>(Map.of("format", "json", "year", "2040", "date", "2026-10-01"));
    /** The role name in {@code @PreAuthorize} to the demo account that has it. */
    static final Map<String, String> ACCOUNTS = Map.of("APPLICANT", "applicant", "ENTERPRISE", "enterprise",
            "OFFICER", "officer", "REVIEWER", "reviewer", "SUPERVISOR", "supervisor", "ADMIN", "admin");
    static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");
    static final Pattern ROLE = Pattern.compile("has(?:Any)?Role\\('([A-Z_]+)'");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    final Map<String, String> tokens = new HashMap<>();
    final Map<String, String> failures = new LinkedHashMap<>();
    JsonNode document;
    int sent;

    record Operation(String method, String path, JsonNode spec, String account) {
        boolean open311() {
            return path.startsWith("/open311/");
        }

        @Override
        public String toString() {
            return method.toUpperCase(Locale.ROOT) + " " + path;
        }
    }

    @Test
    void noInputCausesA5xxALeakOrAnErrorThatIsNotAProblem() throws Exception {
        document = JSON.readTree(mvc.perform(get("/v3/api-docs")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        var operations = operations();
        var event = mvc.perform(post("/api/v1/dispatch/events").header("Authorization", token("applicant"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"kind":"complaint","text":"鼓楼区五四路的路灯坏了三天","address":"福州市",
                                 "location":{"lat":26.08,"lon":119.30,"crs":"WGS84"}}"""))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        plain.put("reference", JSON.readTree(event).path("reference").asString());
        assertThat(plain.get("reference")).as("the event probes act on: %s", event).startsWith("FZ-");
        assertThat(operations).as("operations documented under /api/v1 and /open311").hasSizeGreaterThan(40)
                .anyMatch(o -> o.path().startsWith("/open311/v2/"));

        var byPath = new LinkedHashMap<String, Set<String>>();
        for (var operation : operations) {
            byPath.computeIfAbsent(operation.path(), p -> new LinkedHashSet<>()).add(operation.method());
            pathVariables(operation);
            queryParameters(operation);
            hostileHeaders(operation);
            if (operation.spec().has("requestBody")) {
                bodies(operation);
            }
        }
        byPath.forEach(this::wrongMethods);

        assertThat(sent).as("requests sent").isGreaterThan(1_000);
        var report = new StringBuilder();
        failures.forEach((request, answer) -> report.append("\n  ").append(request).append(" → ").append(answer));
        assertThat(failures).withFailMessage("%d of %d requests were answered below the bar (request → answer):%s",
                failures.size(), sent, report).isEmpty();
    }

    /** A rejected request changes nothing: neither endpoint that opens cases opens one on a refusal. */
    @Test
    void refusedApplicationsAndCasesOpenNoCase() throws Exception {
        for (var path : List.of("/api/v1/cases", "/api/v1/applications")) {
            var account = path.endsWith("cases") ? "officer" : "applicant";
            var bodies = new ArrayList<>(BAD_BODIES);
            for (var field : List.of("type", "item", "form", "applicant", "subject")) {
                for (var value : BAD_JSON_VALUES) {
                    bodies.add("{\"" + field + "\":" + value + "}");
                }
            }
            bodies.add("{\"item\":\"elderly-card\",\"form\":[]}");
            bodies.add("{\"item\":\"elderly-card\",\"form\":\"x\"}");
            bodies.add("{\"item\":\"elderly-card\",\"form\":{\"phone\":" + JSON.writeValueAsString(LONG) + "}}");
            bodies.add("{\"type\":\"application\",\"subject\":null}");
            for (var body : bodies) {
                long before = cases();
                var result = mvc.perform(post(path).header("Authorization", token(account))
                        .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
                int status = result.getResponse().getStatus();
                assertThat(status).as("POST %s %s", path, abbreviate(body)).isBetween(400, 499);
                assertThat(cases()).as("cases after the refused POST %s %s", path, abbreviate(body))
                        .isEqualTo(before);
            }
        }
    }

    /** A body that is JSON but has a field of the wrong kind names the field and what it should be. */
    @Test
    void aFieldOfTheWrongKindIsNamedWithWhatItShouldBe() throws Exception {
        var result = mvc.perform(post("/api/v1/applications").header("Authorization", token("applicant"))
                .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                .content("{\"item\":\"elderly-card\",\"form\":[1,2]}")).andReturn().getResponse();
        assertThat(result.getStatus()).isEqualTo(400);
        var problem = JSON.readTree(result.getContentAsString(StandardCharsets.UTF_8));
        assertThat(problem.path("type").asString()).isEqualTo("urn:youfu:problem:unreadable-field");
        assertThat(problem.path("field").asString()).isEqualTo("form");
        assertThat(problem.path("detail").asString()).contains("'form'", "an object (JSON object)");

        result = mvc.perform(post("/api/v1/dispatch/events").header("Authorization", token("applicant"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"complaint\",\"photos\":[{}]}")).andReturn().getResponse();
        problem = JSON.readTree(result.getContentAsString(StandardCharsets.UTF_8));
        assertThat(problem.path("field").asString()).isEqualTo("photos[0]");
        assertThat(problem.path("detail").asString()).contains("“photos[0]”", "应为文字");
    }

    List<Operation> operations() throws Exception {
        var handlers = new HashMap<String, HandlerMethod>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            for (var pattern : info.getPatternValues()) {
                for (var method : info.getMethodsCondition().getMethods()) {
                    handlers.put(method.name().toLowerCase(Locale.ROOT) + " " + pattern, handler);
                }
            }
        });
        var operations = new ArrayList<Operation>();
        for (var path : document.get("paths").properties()) {
            if (!path.getKey().startsWith("/api/v1/") && !path.getKey().startsWith("/open311/")) {
                continue;
            }
            for (var method : path.getValue().properties()) {
                if (!METHODS.contains(method.getKey())) {
                    continue;
                }
                var handler = handlers.get(method.getKey() + " " + path.getKey());
                assertThat(handler).as("handler of %s %s", method.getKey(), path.getKey()).isNotNull();
                var account = account(handler);
                operations.add(new Operation(method.getKey(), path.getKey(), method.getValue(), account));
                if ("officer".equals(account) && !ROLE.matcher(guard(handler)).find()) {
                    // Anyone signed in: a resident takes other paths through the handler (own cases only).
                    operations.add(new Operation(method.getKey(), path.getKey(), method.getValue(), "applicant"));
                }
            }
        }
        return operations;
    }

    /** The first role the handler's {@code @PreAuthorize} names; an officer when any signed-in person may call it. */
    static String account(HandlerMethod handler) {
        var guard = guard(handler);
        if (guard.isEmpty()) {
            return null;
        }
        Matcher role = ROLE.matcher(guard);
        return role.find() ? ACCOUNTS.get(role.group(1)) : "officer";
    }

    /** The handler's {@code @PreAuthorize} expression, on the method or its class; empty when public. */
    static String guard(HandlerMethod handler) {
        var guard = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
        if (guard == null) {
            guard = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
        }
        return guard == null ? "" : guard.value();
    }

    List<String> parameters(Operation operation, String in) {
        var names = new ArrayList<String>();
        for (var parameter : operation.spec().path("parameters")) {
            if (in.equals(parameter.path("in").asString())) {
                names.add(parameter.path("name").asString());
            }
        }
        return names;
    }

    String path(Operation operation, String variable, String encodedValue) {
        return VARIABLE.matcher(operation.path()).replaceAll(m -> Matcher.quoteReplacement(
                m.group(1).equals(variable) ? encodedValue : plain.getOrDefault(m.group(1), "x")));
    }

    void pathVariables(Operation operation) throws Exception {
        for (var variable : parameters(operation, "path")) {
            var values = new ArrayList<String>(RAW_PATH_SEGMENTS);
            BAD_VALUES.stream().filter(v -> !v.isEmpty()).map(ApiRobustnessIntegrationTest::encode).forEach(values::add);
            for (var value : values) {
                var builder = request(HttpMethod.valueOf(operation.method().toUpperCase(Locale.ROOT)),
                        URI.create(path(operation, variable, value)));
                send(operation, withPlainBody(operation, builder), "path " + variable + "=" + abbreviate(value));
            }
        }
    }

    void queryParameters(Operation operation) throws Exception {
        var base = path(operation, null, null);
        var queries = new ArrayList<String>();
        queries.add("");
        queries.add("?zzz=" + encode("<script>") + "&" + encode(CONTROL) + "=1&&=&%25=%25");
        var names = new ArrayList<>(parameters(operation, "query"));
        names.removeIf(n -> n.equals("form"));
        for (var name : names) {
            for (var value : BAD_VALUES) {
                queries.add("?" + encode(name) + "=" + encode(value));
            }
            queries.add("?" + encode(name) + "=a&" + encode(name) + "=b");
            queries.add("?" + encode(name));
        }
        for (var query : queries) {
            var builder = request(HttpMethod.valueOf(operation.method().toUpperCase(Locale.ROOT)),
                    URI.create(base + query));
            send(operation, withPlainBody(operation, builder), "query " + abbreviate(query));
        }
        for (var header : parameters(operation, "header")) {
            for (var value : List.of("", " ", LONG.substring(0, 500), "x".repeat(5_000), "<script>")) {
                var builder = request(HttpMethod.valueOf(operation.method().toUpperCase(Locale.ROOT)),
                        URI.create(base)).header(header, value);
                send(operation, withPlainBody(operation, builder), "header " + header + "=" + abbreviate(value));
            }
        }
    }

    /** Headers every request has, with values no client should send. */
    void hostileHeaders(Operation operation) throws Exception {
        var method = HttpMethod.valueOf(operation.method().toUpperCase(Locale.ROOT));
        var base = URI.create(path(operation, null, null));
        var headers = List.of(List.of("Accept", "garbage"), List.of("Accept", "application/json;q=abc"),
                List.of("Accept", "*/*;charset=klingon"), List.of("Accept", "text/html"),
                List.of("Accept-Charset", "klingon"), List.of("Accept-Language", "!!!;q=x"),
                List.of("Accept-Language", "x-" + "a".repeat(500)), List.of("If-None-Match", CONTROL),
                List.of("If-Modified-Since", "2026-13-45"), List.of("Range", "bytes=9-1"),
                List.of("Idempotency-Key", LONG), List.of("X-Forwarded-For", CONTROL),
                List.of("Content-Encoding", "gzip"));
        for (var header : headers) {
            var builder = withPlainBody(operation, request(method, base));
            send(operation, builder.header(header.get(0), header.get(1)),
                    "header " + header.get(0) + ": " + abbreviate(header.get(1)));
        }
        for (var authorization : List.of("Bearer garbage", "Bearer " + "x".repeat(10_000), "Basic YWRtaW46eW91ZnUtZGVtbw==",
                "Bearer", CONTROL)) {
            var anonymous = new Operation(operation.method(), operation.path(), operation.spec(), null);
            send(anonymous, withPlainBody(operation, request(method, base)).header("Authorization", authorization),
                    "Authorization: " + abbreviate(authorization));
        }
    }

    /** The operation's own kind of body, empty, so that a probe of its query or path is not a probe of its body. */
    MockHttpServletRequestBuilder withPlainBody(Operation operation, MockHttpServletRequestBuilder builder) {
        var content = operation.spec().path("requestBody").path("content");
        if (content.has("application/json")) {
            return builder.contentType(MediaType.APPLICATION_JSON).content("{}");
        }
        if (content.has("text/csv")) {
            return builder.contentType("text/csv").content("");
        }
        if (operation.open311() && operation.method().equals("post")) {
            return builder.contentType(MediaType.APPLICATION_FORM_URLENCODED);
        }
        return builder;
    }

    void bodies(Operation operation) throws Exception {
        var base = URI.create(path(operation, null, null));
        var method = HttpMethod.valueOf(operation.method().toUpperCase(Locale.ROOT));
        var content = operation.spec().path("requestBody").path("content");
        if (content.has("multipart/form-data")) {
            multipartBodies(operation, base);
        }
        if (content.has("text/csv")) {
            for (var body : List.of("", "\u0000\u0001\u0002", "a,b\n\"unterminated", "key\n" + LONG, CONTROL,
                    "{\"a\":1}")) {
                send(operation, request(method, base).contentType("text/csv").content(body),
                        "csv " + abbreviate(body));
            }
            send(operation, request(method, base).contentType("text/csv").content(new byte[] {(byte) 0xC3, 0x28}),
                    "csv bad UTF-8");
            send(operation, request(method, base).contentType(MediaType.APPLICATION_JSON).content("{}"),
                    "JSON instead of CSV");
        }
        if (operation.open311() && operation.method().equals("post")) {
            open311Forms(operation, base);
        }
        if (!content.has("application/json")) {
            return;
        }
        var bodies = new ArrayList<>(BAD_BODIES);
        var properties = properties(content.path("application/json").path("schema"));
        for (var property : properties) {
            for (var value : BAD_JSON_VALUES) {
                bodies.add("{\"" + property + "\":" + value + "}");
            }
        }
        if (!properties.isEmpty()) {
            var everyWrong = new StringBuilder("{");
            for (var property : properties) {
                everyWrong.append(everyWrong.length() > 1 ? "," : "").append('"').append(property)
                        .append("\":").append(JSON.writeValueAsString(CONTROL));
            }
            bodies.add(everyWrong.append('}').toString());
        }
        for (var body : bodies) {
            send(operation, request(method, base).contentType(MediaType.APPLICATION_JSON).content(body),
                    "JSON " + abbreviate(body));
        }
        send(operation, request(method, base).contentType(MediaType.APPLICATION_JSON)
                .content(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, 0x28, '"', '}'}), "JSON bad UTF-8");
        send(operation, request(method, base).content("{}"), "JSON without a content type");
        for (var type : List.of("text/plain", "application/x-www-form-urlencoded", "application/xml",
                "multipart/form-data", "application/json;charset=klingon", "application/vnd.youfu+json")) {
            send(operation, request(method, base).contentType(type).content("{}"), "content type " + type);
        }
        send(operation, request(method, base).contentType("not a media type").content("{}"),
                "content type not a media type");
    }

    /** Property names of a JSON request body's schema, following a {@code $ref} into the components. */
    List<String> properties(JsonNode schema) {
        var ref = schema.path("$ref").asString("");
        if (!ref.isEmpty()) {
            schema = document.at(ref.substring(1));
        }
        var names = new ArrayList<String>();
        schema.path("properties").properties().forEach(p -> names.add(p.getKey()));
        return names;
    }

    void multipartBodies(Operation operation, URI base) throws Exception {
        var image = new MockMultipartFile("file", "card.jpg", "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8});
        send(operation, multipart(base), "multipart without parts");
        send(operation, multipart(base).param("type", "id-card-front"), "multipart without a file");
        send(operation, multipart(base).file(image), "multipart without a type");
        for (var type : List.of("", "passport", CONTROL, LONG)) {
            send(operation, multipart(base).file(image).param("type", type), "multipart type " + abbreviate(type));
        }
        for (var file : List.of(
                new MockMultipartFile("file", "empty.jpg", "image/jpeg", new byte[0]),
                new MockMultipartFile("file", "note.txt", "text/plain", CONTROL.getBytes(StandardCharsets.UTF_8)),
                new MockMultipartFile("file", "../../x.pdf", "application/pdf", "%PDF-1.7\n%%EOF".getBytes()),
                new MockMultipartFile("file", CONTROL, "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}),
                new MockMultipartFile("file", "x.jpg", "not a type", new byte[] {1, 2, 3}))) {
            send(operation, multipart(base).file(file).param("type", "id-card-front"),
                    "multipart file " + abbreviate(file.getOriginalFilename()));
        }
        send(operation, request(HttpMethod.POST, base).contentType(MediaType.APPLICATION_JSON).content("{}"),
                "JSON instead of multipart");
        send(operation, request(HttpMethod.POST, base).contentType("multipart/form-data").content("garbage"),
                "multipart without a boundary");
        send(operation, request(HttpMethod.POST, base).contentType(MediaType.TEXT_PLAIN).content("garbage"),
                "text instead of multipart");
        send(operation, request(HttpMethod.POST, base).contentType("multipart/form-data; boundary=x")
                .content("--x\r\ntruncated").with(ApiRobustnessIntegrationTest::unparseableParts),
                "multipart the container cannot parse");
    }

    /**
     * MockMvc never parses a multipart body; a servlet container does, and throws on a malformed one. This request
     * throws as Tomcat does on a truncated body or one without its boundary.
     */
    static MockHttpServletRequest unparseableParts(MockHttpServletRequest built) {
        var request = new MockHttpServletRequest(built.getServletContext(), built.getMethod(), built.getRequestURI()) {
            @Override
            public Collection<Part> getParts() throws ServletException {
                throw new ServletException("the request was rejected because no multipart boundary was found");
            }
        };
        request.setContentType(built.getContentType());
        request.setContent(built.getContentAsByteArray());
        Collections.list(built.getHeaderNames()).forEach(name ->
                Collections.list(built.getHeaders(name)).forEach(value -> request.addHeader(name, value)));
        return request;
    }

    /** Every form field with every bad value, under a key whose rate lets each probe reach the checks. */
    void open311Forms(Operation operation, URI base) throws Exception {
        var key = token("open311-key");
        var fields = List.of("api_key", "service_code", "lat", "long", "address_string", "description",
                "attribute[kind]", "media_url", "first_name", "last_name", "phone", "email", "device_id",
                "account_id");
        for (var field : fields) {
            for (var value : BAD_VALUES) {
                var builder = post(base).contentType(MediaType.APPLICATION_FORM_URLENCODED).param("api_key", key)
                        .param("service_code", "x").param("description", "路灯坏了").param(field, value);
                send(operation, builder, "form " + field + "=" + abbreviate(value));
            }
        }
        send(operation, post(base).contentType(MediaType.APPLICATION_FORM_URLENCODED), "empty form");
        send(operation, post(base).contentType(MediaType.APPLICATION_JSON).content("{\"api_key\":\"" + key + "\"}"),
                "JSON instead of a form");
        send(operation, post(base).contentType(MediaType.TEXT_PLAIN).content("api_key=" + key), "text instead of a form");
    }

    /** Every method the path does not take, and one nobody takes. */
    void wrongMethods(String path, Set<String> allowed) {
        var operation = new Operation("get", path, JSON.createObjectNode(), "admin");
        for (var method : List.of("GET", "POST", "PUT", "DELETE", "PATCH")) {
            if (!allowed.contains(method.toLowerCase(Locale.ROOT))) {
                try {
                    send(operation, request(HttpMethod.valueOf(method), URI.create(path(operation, null, null)))
                            .contentType(MediaType.APPLICATION_JSON).content("{}"), "method " + method);
                } catch (Exception e) {
                    failures.put(path + " method " + method, "threw " + e);
                }
            }
        }
        if (allowed.contains("get")) {
            try {
                send(operation, request(HttpMethod.GET, URI.create(path(operation, null, null)))
                        .accept(MediaType.IMAGE_GIF), "accept image/gif");
            } catch (Exception e) {
                failures.put(path + " accept image/gif", "threw " + e);
            }
        }
    }

    void send(Operation operation, AbstractMockHttpServletRequestBuilder<?> builder, String probe) throws Exception {
        var label = operation + " " + probe;
        if (operation.account() != null && !operation.account().isEmpty()) {
            builder.header("Authorization", token(operation.account()));
        }
        // Every other request asks for English: both bundles must have every message.
        builder.header("Accept-Language", sent % 2 == 0 ? "zh-CN" : "en");
        boolean writes = !operation.method().equals("get") || probe.startsWith("method");
        long before = writes ? cases() : 0;
        sent++;
        MvcResult result;
        try {
            result = mvc.perform(builder).andReturn();
        } catch (Exception | AssertionError e) {
            failures.put(label, "threw " + e.getClass().getSimpleName() + ": " + abbreviate(String.valueOf(e.getMessage())));
            return;
        }
        var response = result.getResponse();
        int status = response.getStatus();
        var body = response.getContentAsString(StandardCharsets.UTF_8);
        String problem = judge(operation, status, response.getContentType(), body,
                response.getHeader("Allow"));
        if (problem != null) {
            failures.put(label, status + " " + problem + " " + abbreviate(body));
        } else if (writes && status >= 400 && cases() != before) {
            failures.put(label, status + " but the number of cases changed");
        }
    }

    /** Null when the answer meets the bar, otherwise what is wrong with it. */
    static String judge(Operation operation, int status, String contentType, String body, String allow) {
        if (status >= 500) {
            return "server error";
        }
        for (var leak : LEAKS) {
            if (body.contains(leak)) {
                return "body shows \"" + leak + "\"";
            }
        }
        if (status < 400) {
            return null;
        }
        if (status == 405 && (allow == null || allow.isBlank())) {
            return "405 without Allow";
        }
        var type = contentType == null ? null : MediaType.parseMediaType(contentType);
        if (operation.open311()) {
            return type == null ? "no content type" : open311Error(status, type, body);
        }
        if (type == null || !type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)) {
            return "not application/problem+json but " + contentType;
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(body);
        } catch (RuntimeException e) {
            return "problem body is not JSON";
        }
        var code = problem.path("type").asString("");
        if (!code.startsWith("urn:youfu:problem:") || problem.path("title").asString("").isBlank()
                || problem.path("status").asInt() != status || problem.path("detail").asString("").isBlank()) {
            return "incomplete problem";
        }
        if (problem.path("detail").asString().equals(code.substring("urn:youfu:problem:".length()))) {
            return "detail missing from the bundles";
        }
        return null;
    }

    /**
     * Open311 GeoReport v2 errors, always (never a problem detail): {@code [{"code": status, "description": …}]} or
     * {@code <errors><error>…}, in UTF-8 that the content type declares.
     */
    static String open311Error(int status, MediaType type, String body) {
        if (!StandardCharsets.UTF_8.equals(type.getCharset())) {
            return "an Open311 error without charset=UTF-8 (" + type + ")";
        }
        if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
            var errors = JSON.readTree(body);
            if (errors.isArray() && !errors.isEmpty() && errors.get(0).path("code").asInt() == status
                    && !errors.get(0).path("description").asString("").isBlank()) {
                return null;
            }
        } else if (type.isCompatibleWith(MediaType.APPLICATION_XML) && body.contains("<errors>")
                && body.contains("<code>" + status + "</code>") && body.contains("<description>")) {
            return null;
        }
        return "neither a problem nor an Open311 error (" + type + ")";
    }

    String token(String account) throws Exception {
        if (account.equals("open311-key")) {
            if (!tokens.containsKey(account)) {
                var body = mvc.perform(post("/api/v1/dispatch/open311-keys").header("Authorization", token("admin"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"client\":\"robustness probe\",\"requestsPerMinute\":6000}"))
                        .andReturn().getResponse().getContentAsString();
                tokens.put(account, JSON.readTree(body).get("apiKey").asString());
            }
            return tokens.get(account);
        }
        if (!tokens.containsKey(account)) {
            tokens.put(account, Api.bearer(mvc, account));
        }
        return tokens.get(account);
    }

    long cases() {
        return jdbc.sql("SELECT count(*) FROM cases.case").query(Long.class).single();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String abbreviate(String text) {
        var oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 120) + "…(" + text.length() + ")";
    }
}

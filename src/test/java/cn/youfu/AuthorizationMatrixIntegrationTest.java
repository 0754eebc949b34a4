package cn.youfu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import cn.youfu.certificates.Certificates;
import cn.youfu.certificates.TestCertificates;
import cn.youfu.identity.CurrentUser;
import cn.youfu.identity.Role;
import cn.youfu.identity.internal.TestTokens;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import javax.imageio.ImageIO;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may do what, as the running application answers it: every operation of the OpenAPI document and every page
 * route, called by each kind of caller — anonymous, a resident on their own resource and on another's, an
 * enterprise, an officer of the resource's department and of another, a legal reviewer, a supervisor, an
 * administrator. Each answer is classed as passed ({@code ✓}: anything but 401, 403, 404 and a redirect),
 * {@code 401}, {@code 403}, {@code 404} (the resource is hidden), {@code login} (a page sends the anonymous to sign
 * in) or {@code redirect} (to another page, which has its own row).
 *
 * <p>The expected matrix is the table in {@code docs/security.md}, which people review: the test fails when the
 * application answers otherwise, and when an operation or page is missing from the table. The table as answered is
 * written to {@code target/authorization-matrix.md}; run with {@code -Dyoufu.authorization-matrix.update=true} to
 * write it into {@code docs/security.md} after a deliberate change.
 */
@YoufuIntegrationTest
class AuthorizationMatrixIntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Path DOCUMENT = Path.of("docs/security.md");
    static final String BEGIN = "<!-- authorization-matrix:begin -->";
    static final String END = "<!-- authorization-matrix:end -->";
    static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");
    /** 王秀兰, a resident other than the demo applicant. */
    static final String OTHER_RESIDENT = "350111196708080221";
    static final String OTHER_DEPARTMENT = "fz-transport";

    /** The callers, in the table's column order. */
    enum Caller {
        ANONYMOUS("anonymous"), RESIDENT_OWN("resident, own"), RESIDENT_OTHER("resident, another's"),
        ENTERPRISE("enterprise"), OFFICER_SAME("officer, same dept"), OFFICER_OTHER("officer, other dept"),
        REVIEWER("reviewer"), SUPERVISOR("supervisor"), ADMIN("admin");

        final String heading;

        Caller(String heading) {
            this.heading = heading;
        }
    }

    /** A resource a route is about: the value of its path variable, and the department that handles it. */
    record Resource(String value, String department) {
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    Certificates certificates;
    @Autowired
    cn.youfu.audit.internal.CheckpointSealer sealer;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    final Map<String, Resource> resources = new HashMap<>();
    final Map<String, String> tokens = new HashMap<>();
    /** A blank PNG, uploaded as an ID card photo. */
    byte[] photo;

    @Test
    void everyOperationAndPageAnswersEachCallerAsTheTableSays() throws Exception {
        fixtures();
        var answered = new TreeMap<String, Map<Caller, String>>();
        for (var route : apiOperations()) {
            answered.put(route, row(route, false));
        }
        for (var route : pages()) {
            answered.put(route, row(route, true));
        }
        var table = table(answered);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/authorization-matrix.md"), table, StandardCharsets.UTF_8);
        var document = Files.readString(DOCUMENT, StandardCharsets.UTF_8);
        int begin = document.indexOf(BEGIN) + BEGIN.length();
        int end = document.indexOf(END);
        var documented = document.substring(begin, end).strip();
        TestCertificates.revokeAll(certificates, "350102195803120016"); // leave the applicant as found
        if (Boolean.getBoolean("youfu.authorization-matrix.update")) {
            Files.writeString(DOCUMENT, document.substring(0, begin) + "\n" + table + document.substring(end),
                    StandardCharsets.UTF_8);
            return;
        }
        assertThat(table.strip().lines().toList())
                .as("the authorization matrix as answered (target/authorization-matrix.md) against docs/security.md")
                .containsExactlyElementsOf(documented.lines().toList());
    }

    /** Resources owned by the demo applicant: a licensing case (the approval bureau's) and a certificate. */
    private void fixtures() throws Exception {
        var resident = token(Caller.RESIDENT_OWN, null);
        var opened = JSON.readTree(mvc.perform(post("/api/v1/cases").header("Authorization", resident)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"licensing\",\"title\":\"食品经营许可\"}"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        var caseReference = new Resource(opened.get("reference").asString(), "fz-approval");
        resources.put("reference", caseReference);
        resources.put("stream", caseReference);
        TestCertificates.revokeAll(certificates, "350102195803120016");
        var decision = JSON.readTree(mvc.perform(post("/api/v1/applications").header("Authorization", resident)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"item\":\"elderly-card\",\"form\":{}}"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        resources.put("id", new Resource(decision.get("certificate").get("id").asString(), "fz-civil-affairs"));
        sealer.seal(); // the public head exists
        var request = JSON.readTree(mvc.perform(post("/api/v1/disclosure-requests").header("Authorization", resident)
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"description":"请公开2026年鼓楼区道路养护工程的施工合同","documentTitle":"道路养护合同",
                                 "delivery":"online","phone":"13812345678"}"""))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(request.has("reference")).as("the request for information: %s", request).isTrue();
        resources.put("disclosure:reference", new Resource(request.get("reference").asString(),
                "fz-government-office"));
        var image = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(400, 250, BufferedImage.TYPE_INT_RGB), "png", image);
        photo = image.toByteArray();
        var material = JSON.readTree(mvc.perform(multipart("/api/v1/materials")
                        .file(new MockMultipartFile("file", "card.png", "image/png", photo))
                        .param("type", "id-card-front").header("Authorization", resident))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        resources.put("material:id", new Resource(material.get("id").asString(), null));
        for (var plain : Map.of("code", "elderly-card", "source", "population", "key", "350102195803120016",
                "date", "2026-10-01", "year", "2040", "format", "json", "topic", "x").entrySet()) {
            resources.put(plain.getKey(), new Resource(plain.getValue(), null));
        }
    }

    private List<String> apiOperations() throws Exception {
        var document = JSON.readTree(mvc.perform(get("/v3/api-docs")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        var routes = new ArrayList<String>();
        for (var path : document.get("paths").properties()) {
            for (var method : path.getValue().properties()) {
                routes.add(method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }
        return routes;
    }

    /** The pages: GET routes outside the API, the documents and the framework's own. */
    private List<String> pages() {
        var routes = new ArrayList<String>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            var methods = info.getMethodsCondition().getMethods();
            if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
                return;
            }
            for (var pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/") && !pattern.startsWith("/open311/") && !pattern.startsWith("/v3/")
                        && !pattern.startsWith("/swagger") && !pattern.equals("/error")) {
                    routes.add("GET " + pattern);
                }
            }
        });
        return routes;
    }

    private Map<Caller, String> row(String route, boolean page) throws Exception {
        var method = route.substring(0, route.indexOf(' '));
        var template = route.substring(route.indexOf(' ') + 1);
        var department = department(template);
        var row = new LinkedHashMap<Caller, String>();
        for (var caller : Caller.values()) {
            AbstractMockHttpServletRequestBuilder<?> request = route.equals("POST /api/v1/materials")
                    ? multipart(path(template)).file(new MockMultipartFile("file", "card.png", "image/png", photo))
                            .param("type", "id-card-front")
                    : request(HttpMethod.valueOf(method), path(template));
            if (page) {
                var user = user(caller, department);
                if (user != null) {
                    request.with(authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                            user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList())));
                }
            } else {
                var token = token(caller, department);
                if (token != null) {
                    request.header("Authorization", token);
                }
                body(request, method, template);
            }
            row.put(caller, classify(mvc.perform(request).andReturn().getResponse()));
        }
        return row;
    }

    /**
     * A body that can be read, so that the request reaches the role check (a body that cannot be read is refused
     * before it), and changes nothing: an empty object, an action no case type has, a year without days.
     */
    private static void body(AbstractMockHttpServletRequestBuilder<?> request, String method, String template) {
        if (method.equals("GET") || method.equals("DELETE") || template.equals("/api/v1/materials")) {
            return;
        }
        if (template.endsWith("/records")) {
            request.contentType("text/csv").content("");
        } else if (template.startsWith("/api/v1/calendar/years/")) {
            request.contentType(MediaType.APPLICATION_JSON).content("{\"year\":2040}");
        } else if (template.startsWith("/open311/")) {
            request.contentType(MediaType.APPLICATION_FORM_URLENCODED).content("");
        } else if (template.endsWith("/transitions")) {
            request.contentType(MediaType.APPLICATION_JSON).content("{\"action\":\"no-such-action\"}");
        } else {
            request.contentType(MediaType.APPLICATION_JSON).content("{}");
        }
    }

    /**
     * The resource a path variable of {@code template} stands for: a material's id is not a certificate's, a request
     * for information's reference not a licensing case's.
     */
    private Resource resource(String template, String variable) {
        var kind = template.contains("/materials/") ? "material:"
                : template.contains("disclosure-requests/") || template.contains("/disclosure/requests/")
                ? "disclosure:" : "";
        return resources.getOrDefault(kind + variable, resources.get(variable));
    }

    private String department(String template) {
        var matcher = VARIABLE.matcher(template);
        while (matcher.find()) {
            var resource = resource(template, matcher.group(1));
            if (resource != null && resource.department() != null) {
                return resource.department();
            }
        }
        return null;
    }

    private String path(String template) {
        var matcher = VARIABLE.matcher(template);
        var path = new StringBuilder();
        while (matcher.find()) {
            var resource = resource(template, matcher.group(1));
            matcher.appendReplacement(path, resource == null ? "x" : resource.value());
        }
        matcher.appendTail(path);
        return path.toString();
    }

    private static String classify(MockHttpServletResponse response) {
        int status = response.getStatus();
        if (status / 100 == 3) {
            return String.valueOf(response.getRedirectedUrl()).contains("/login") ? "login" : "redirect";
        }
        return status == 401 || status == 403 || status == 404 ? Integer.toString(status) : "✓";
    }

    /** The caller as a signed-in session for the pages; null for the anonymous. */
    private static CurrentUser user(Caller caller, String department) {
        var same = department == null ? "fz-approval" : department;
        return switch (caller) {
            case ANONYMOUS -> null;
            case RESIDENT_OWN -> new CurrentUser("applicant", "陈有福", Set.of(Role.APPLICANT), null,
                    "350102195803120016");
            case RESIDENT_OTHER -> new CurrentUser(OTHER_RESIDENT, "王秀兰", Set.of(Role.APPLICANT), null,
                    OTHER_RESIDENT);
            case ENTERPRISE -> new CurrentUser("enterprise", "福州有福科技有限公司", Set.of(Role.ENTERPRISE), null,
                    "91350100MA2Y0F0U0N");
            case OFFICER_SAME -> new CurrentUser("matrix-officer-" + same, "同部门", Set.of(Role.OFFICER), same, null);
            case OFFICER_OTHER -> new CurrentUser("matrix-officer-other", "他部门", Set.of(Role.OFFICER),
                    OTHER_DEPARTMENT, null);
            case REVIEWER -> new CurrentUser("reviewer", "郑法审", Set.of(Role.REVIEWER), "fz-justice", null);
            case SUPERVISOR -> new CurrentUser("supervisor", "黄督查", Set.of(Role.SUPERVISOR), "fz-government-office",
                    null);
            case ADMIN -> new CurrentUser("admin", "系统管理员", Set.of(Role.ADMIN), null, null);
        };
    }

    /** The caller's bearer token for the API (the same identity as {@link #user}); null for the anonymous. */
    private String token(Caller caller, String department) {
        var user = user(caller, department);
        if (user == null) {
            return null;
        }
        return tokens.computeIfAbsent(user.username() + "/" + user.department(), key -> TestTokens.bearer(context,
                user.username(), user.displayName(), user.roles().iterator().next(), user.subjectId(),
                user.department()));
    }

    private static String table(Map<String, Map<Caller, String>> answered) {
        var table = new StringBuilder("| route |");
        for (var caller : Caller.values()) {
            table.append(' ').append(caller.heading).append(" |");
        }
        table.append("\n|---|");
        table.append(":---:|".repeat(Caller.values().length)).append('\n');
        answered.forEach((route, row) -> {
            table.append("| `").append(route).append("` |");
            row.values().forEach(cell -> table.append(' ').append(cell).append(" |"));
            table.append('\n');
        });
        return table.toString();
    }
}

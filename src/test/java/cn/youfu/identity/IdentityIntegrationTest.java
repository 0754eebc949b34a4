package cn.youfu.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.youfu.Api;
import cn.youfu.YoufuIntegrationTest;
import cn.youfu.identity.internal.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@YoufuIntegrationTest
class IdentityIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    org.springframework.context.ApplicationContext context;

    @ParameterizedTest(name = "{0} signs in as {1}")
    @CsvSource({"applicant,applicant", "enterprise,enterprise", "officer,officer", "reviewer,reviewer",
            "supervisor,supervisor", "admin,admin"})
    void everyDemoAccountSignsInWithItsRole(String username, String role) throws Exception {
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + username + "\",\"password\":\"youfu-demo\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.token_type").value("Bearer"))
                .andExpect(jsonPath("$.expires_in").value(greaterThan(0)))
                .andExpect(jsonPath("$.access_token").isString());
        mvc.perform(get("/api/v1/auth/me").header("Authorization", Api.bearer(mvc, username)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value(username))
                .andExpect(jsonPath("$.roles[0]").value(role.toUpperCase()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"username\":\"officer\",\"password\":\"wrong\"}",
            "{\"username\":\"nobody\",\"password\":\"youfu-demo\"}"})
    void wrongCredentialsAre401WithAProblemBody(String body) throws Exception {
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:youfu:problem:invalid-credentials"))
                .andExpect(jsonPath("$.access_token").doesNotExist());
    }

    @Test
    void aMissingPasswordIs400NamingIt() throws Exception {
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"officer\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("password"));
    }

    @Test
    void aBodyThatIsNotJsonIs400() throws Exception {
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON).content("{username"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:youfu:problem:unreadable-body"));
    }

    @Test
    void noTokenOnAProtectedEndpointIs401() throws Exception {
        mvc.perform(get("/api/v1/auth/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:youfu:problem:unauthenticated"));
    }

    @Test
    void anInvalidTokenIs401() throws Exception {
        mvc.perform(get("/api/v1/auth/me").header("Authorization", "Bearer not.a.token"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("urn:youfu:problem:unauthenticated"));
        var forged = Api.token(mvc, "officer");
        var tampered = forged.substring(0, forged.length() - 4) + (forged.endsWith("AAAA") ? "BBBB" : "AAAA");
        mvc.perform(get("/api/v1/auth/me").header("Authorization", "Bearer " + tampered))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aRoleThatMayNotIs403() throws Exception {
        mvc.perform(get("/api/v1/identity/accounts").header("Authorization", Api.bearer(mvc, "officer")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:youfu:problem:forbidden"));
        mvc.perform(get("/api/v1/identity/accounts").header("Authorization", Api.bearer(mvc, "admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(8))
                .andExpect(jsonPath("$[0].passwordHash").doesNotExist());
    }

    @Test
    void aBadTokenIs401InTheRequestsLanguageChineseUnlessAskedForEnglish() throws Exception {
        mvc.perform(get("/api/v1/auth/me").header("Authorization", "Bearer not.a.token"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.title").value("需要登录"));
        mvc.perform(get("/api/v1/auth/me").header("Authorization", "Bearer not.a.token")
                        .header("Accept-Language", "en"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.title").value("Sign-in required"));
    }

    @Test
    void aTokenWithNoneOfYoufusRolesIs403EvenOnPublicEndpoints() throws Exception {
        var roleless = TestTokens.signed(context, TestTokens.youfuClient("5f0c2a1e"));
        for (var path : new String[] {"/api/v1/auth/me", "/api/v1/catalog/items"}) {
            mvc.perform(get(path).header("Authorization", roleless))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value("urn:youfu:problem:no-role"))
                    .andExpect(jsonPath("$.title").value("没有本平台的角色"));
        }
        // the same person with a role of Youfu's own client is let in
        mvc.perform(get("/api/v1/auth/me").header("Authorization",
                        TestTokens.signed(context, TestTokens.youfuClient("5f0c2a1e", "officer"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roles[0]").value("OFFICER"));
    }

    @Test
    void aRealmWideAdminOrAnotherApplicationsAdminIsNoAdminOfYoufus() throws Exception {
        var claims = new java.util.HashMap<String, Object>(TestTokens.youfuClient("5f0c2a1e"));
        claims.put("realm_access", java.util.Map.of("roles", java.util.List.of("admin")));
        claims.put("resource_access", java.util.Map.of("fz-portal",
                java.util.Map.of("roles", java.util.List.of("admin"))));
        mvc.perform(get("/api/v1/identity/accounts").header("Authorization", TestTokens.signed(context, claims)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:youfu:problem:no-role"));
    }

    @Test
    void aTokenIssuedToAnotherClientIsRefusedEvenWithYoufusRolesAndAudience() throws Exception {
        var claims = new java.util.HashMap<String, Object>(TestTokens.youfuClient("5f0c2a1e", "admin"));
        claims.put("azp", "fz-portal");
        mvc.perform(get("/api/v1/identity/accounts").header("Authorization", TestTokens.signed(context, claims)))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("urn:youfu:problem:unauthenticated"));
        claims.put("azp", "youfu");
        claims.put("aud", java.util.List.of("account"));
        mvc.perform(get("/api/v1/identity/accounts").header("Authorization", TestTokens.signed(context, claims)))
                .andExpect(status().isUnauthorized());
    }

    /** The OpenAPI document says who may call each operation, as the handlers' own guards decide it. */
    @Test
    void theOpenApiDocumentStatesEachOperationsRoles() throws Exception {
        var body = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        var document = tools.jackson.databind.json.JsonMapper.builder().build().readTree(body);
        var unstated = new java.util.ArrayList<String>();
        for (var path : document.get("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                if (!operation.getValue().has("x-youfu-roles")) {
                    unstated.add(operation.getKey() + " " + path.getKey());
                }
            }
        }
        assertThat(unstated).isEmpty();
        var accounts = document.get("paths").get("/api/v1/identity/accounts").get("get");
        assertThat(accounts.get("x-youfu-roles").toString()).isEqualTo("[\"admin\"]");
        assertThat(accounts.get("description").asString()).startsWith("**Who may call it:** Roles: admin.");
        assertThat(accounts.get("security").toString()).contains("bearer");
        assertThat(document.get("paths").get("/api/v1/auth/me").get("get").get("x-youfu-roles").toString())
                .isEqualTo("[\"any-role\"]");
        var catalog = document.get("paths").get("/api/v1/catalog/items").get("get");
        assertThat(catalog.get("x-youfu-roles").toString()).isEqualTo("[\"public\"]");
        assertThat(catalog.has("security")).isFalse();
        var inbox = document.get("paths").get("/api/v1/inbox").get("get").get("x-youfu-roles").toString();
        assertThat(inbox).doesNotContain("applicant", "public");
    }

    /** A client address that failed to sign in ten times in a minute is refused, whatever it sends next. */
    @Test
    void tooManyFailedSignInsFromOneAddressAre429ProblemsUntilTheWindowPasses() throws Exception {
        var guesser = "192.0.2.77";
        for (int i = 0; i < 10; i++) {
            mvc.perform(post("/api/v1/auth/token").with(from(guesser)).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"username\":\"admin\",\"password\":\"guess-" + i + "\"}"))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(post("/api/v1/auth/token").with(from(guesser)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"admin\",\"password\":\"youfu-demo\"}"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:youfu:problem:too-many-sign-ins"))
                .andExpect(jsonPath("$.title").value("登录尝试过多"));
        // the pages' form from the same address is held too, and says so
        mvc.perform(post("/login").with(from(guesser)).with(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("username", "admin").param("password", "youfu-demo"))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", "/login?error=too-many"));
        // another address signs in as usual
        mvc.perform(post("/api/v1/auth/token").with(from("192.0.2.78")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"admin\",\"password\":\"youfu-demo\"}"))
                .andExpect(status().isOk());
    }

    static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}

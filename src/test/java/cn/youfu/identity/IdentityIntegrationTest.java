package cn.youfu.identity;

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
                .andExpect(jsonPath("$.length()").value(7))
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
}

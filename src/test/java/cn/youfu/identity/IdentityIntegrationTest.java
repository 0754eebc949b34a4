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
}

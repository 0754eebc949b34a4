package cn.youfu.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

import cn.youfu.YoufuIntegrationTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Open311 API keys (issue 20, finding 12): taken from the {@code X-Api-Key} header or the POST body's {@code api_key}
 * field, never from the address (where proxies and logs keep it); each expires, an administrator can revoke it (a
 * step in the ledger), and each has its own rate, beyond which the answer is a GeoReport 429.
 */
@YoufuIntegrationTest
class Open311ApiKeysIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    DispatchFixture f;

    @BeforeEach
    void people() throws Exception {
        f = new DispatchFixture(mvc, context);
    }

    JsonNode issue(String body) throws Exception {
        return f.call(f.admin, "/api/v1/dispatch/open311-keys", body, 201);
    }

    /** A well-formed request somewhere new, without a key. */
    static MockHttpServletRequestBuilder request(String path) {
        var at = DispatchFixture.somewhereNew();
        return post(path).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .formField("service_code", "transport").formField("description", "公交站牌被撞倒了")
                .formField("lat", String.valueOf(at[0])).formField("long", String.valueOf(at[1]));
    }

    long cases() {
        return jdbc.sql("SELECT count(*) FROM cases.case").query(Long.class).single();
    }

    @Test
    void theKeyIsTakenFromTheHeaderOrTheBodyAndNeverFromTheAddress() throws Exception {
        var key = issue("{\"client\":\"e福州\"}").get("apiKey").asString();
        mvc.perform(request("/open311/v2/requests.json").header("X-Api-Key", key)).andExpect(status().isCreated());
        mvc.perform(request("/open311/v2/requests.json").formField("api_key", key)).andExpect(status().isCreated());

        long before = cases();
        mvc.perform(request("/open311/v2/requests.json?api_key=" + key))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$[0].code").value(400))
                .andExpect(jsonPath("$[0].description").value(org.hamcrest.Matchers.containsString("X-Api-Key")));
        mvc.perform(request("/open311/v2/requests.xml?api_key=" + key).formField("api_key", key))
                .andExpect(status().isBadRequest())
                .andExpect(xpath("/errors/error/code").string("400"));
        assertThat(cases()).as("nothing was opened for a key in the address").isEqualTo(before);
        // Reading needs no key: one in a GET's address (FixMyStreet sends one for updates) is ignored, not used.
        mvc.perform(get("/open311/v2/servicerequestupdates.xml").queryParam("api_key", key))
                .andExpect(status().isOk());
    }

    @Test
    void anExpiredOrRevokedKeyIsRefusedAndOnlyAnAdministratorRevokes() throws Exception {
        var issued = issue("{\"client\":\"榕e办\",\"validDays\":30}");
        var key = issued.get("apiKey").asString();
        var id = issued.get("id").asString();
        assertThat(issued.get("expiresAt").asString()).isNotBlank();
        mvc.perform(request("/open311/v2/requests.json").header("X-Api-Key", key)).andExpect(status().isCreated());

        f.call(f.supervisor, "/api/v1/dispatch/open311-keys/" + id + "/revoke", "{\"reason\":\"x\"}", 403);
        f.call(f.admin, "/api/v1/dispatch/open311-keys/" + id + "/revoke", "{}", 400);
        var revoked = f.call(f.admin, "/api/v1/dispatch/open311-keys/" + id + "/revoke",
                "{\"reason\":\"应用已下线\"}", 200);
        assertThat(revoked.get("state").asString()).isEqualTo("revoked");
        mvc.perform(request("/open311/v2/requests.xml").header("X-Api-Key", key))
                .andExpect(status().isForbidden())
                .andExpect(xpath("/errors/error/code").string("403"));
        assertThat(jdbc.sql("SELECT count(*) FROM audit.entry WHERE stream = ? AND action = ?")
                .param("open311-key:" + id).param("dispatch.open311-key-revoked").query(Long.class).single())
                .isEqualTo(1);

        var expiring = issue("{\"client\":\"过期的 app\",\"validDays\":1}");
        // One day is too long to wait in a test: the key's expiry is moved into the past.
        jdbc.sql("UPDATE dispatch.api_key SET expires_at = now() - interval '1 second' WHERE id = ?")
                .param(expiring.get("id").asString()).update();
        mvc.perform(request("/open311/v2/requests.json").formField("api_key", expiring.get("apiKey").asString()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$[0].code").value(403));

        var list = mvc.perform(get("/api/v1/dispatch/open311-keys").header("Authorization", f.admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == '" + id + "')].state").value("revoked"))
                .andExpect(jsonPath("$[?(@.id == '" + expiring.get("id").asString() + "')].state").value("expired"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).doesNotContain(key, "o311-");
    }

    @Test
    void eachKeyHasItsOwnRateAndBeyondItTheAnswerIsAGeoReport429() throws Exception {
        var slow = issue("{\"client\":\"小程序\",\"requestsPerMinute\":2}").get("apiKey").asString();
        var other = issue("{\"client\":\"另一个小程序\",\"requestsPerMinute\":2}").get("apiKey").asString();
        mvc.perform(request("/open311/v2/requests.json").header("X-Api-Key", slow)).andExpect(status().isCreated());
        mvc.perform(request("/open311/v2/requests.json").header("X-Api-Key", slow)).andExpect(status().isCreated());
        long before = cases();
        mvc.perform(request("/open311/v2/requests.json").header("X-Api-Key", slow))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(header().string("Content-Type", "application/json;charset=UTF-8"))
                .andExpect(jsonPath("$[0].code").value(429));
        mvc.perform(request("/open311/v2/requests.xml").header("X-Api-Key", slow))
                .andExpect(status().isTooManyRequests())
                .andExpect(xpath("/errors/error/code").string("429"));
        assertThat(cases()).isEqualTo(before);
        mvc.perform(request("/open311/v2/requests.json").header("X-Api-Key", other)).andExpect(status().isCreated());
    }

    @Test
    void keysAreIssuedWithinLimits() throws Exception {
        f.call(f.admin, "/api/v1/dispatch/open311-keys", "{\"client\":\"x\",\"validDays\":0}", 400);
        f.call(f.admin, "/api/v1/dispatch/open311-keys", "{\"client\":\"x\",\"validDays\":5000}", 400);
        f.call(f.admin, "/api/v1/dispatch/open311-keys", "{\"client\":\"x\",\"requestsPerMinute\":0}", 400);
        f.call(f.dispatcher, "/api/v1/dispatch/open311-keys", "{\"client\":\"x\"}", 403);
        var issued = issue("{\"client\":\"默认\"}");
        assertThat(issued.get("requestsPerMinute").asInt()).isPositive();
        assertThat(issued.get("apiKey").asString()).startsWith("o311-");
    }
}

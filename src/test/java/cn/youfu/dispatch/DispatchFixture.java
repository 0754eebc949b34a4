package cn.youfu.dispatch;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.youfu.Api;
import cn.youfu.identity.Role;
import cn.youfu.identity.internal.TestTokens;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The people of the dispatch loop, and the calls they make, through the real API. */
final class DispatchFixture {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** Places handed out so far: each test's events lie more than a kilometre from every other's. */
    private static final java.util.concurrent.atomic.AtomicInteger PLACES = new java.util.concurrent.atomic.AtomicInteger();

    final MockMvc mvc;
    final String resident;
    final String dispatcher;
    final String housing;
    final String market;
    final String education;
    final String admin;
    final String supervisor;

    DispatchFixture(MockMvc mvc, ApplicationContext context) throws Exception {
        this.mvc = mvc;
        resident = Api.bearer(mvc, "applicant");
        admin = Api.bearer(mvc, "admin");
        supervisor = Api.bearer(mvc, "supervisor");
        dispatcher = TestTokens.bearer(context, "dispatcher-wang", "王派单", Role.OFFICER, null, "fz-12345");
        housing = TestTokens.bearer(context, "housing-lin", "林住建", Role.OFFICER, null, "fz-housing");
        market = TestTokens.bearer(context, "market-chen", "陈市监", Role.OFFICER, null, "fz-market-regulation");
        education = TestTokens.bearer(context, "education-he", "何教育", Role.OFFICER, null, "fz-education");
    }

    /**
     * A WGS84 point in Fuzhou that no other test has used, so that no event is offered as the same problem as
     * another's (the duplicate check looks 200 m around): {latitude, longitude}.
     */
    static double[] somewhereNew() {
        int n = PLACES.getAndIncrement();
        return new double[] {25.95 + (n % 30) * 0.012, 119.12 + (n / 30) * 0.012};
    }

    JsonNode call(String token, String path, String body, int expected) throws Exception {
        var request = post(path).header("Authorization", token);
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        var text = mvc.perform(request).andExpect(status().is(expected)).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        return JSON.readTree(text);
    }

    /** A new Open311 API key issued by the administrator to {@code client}. */
    String open311Key(String client) throws Exception {
        return call(admin, "/api/v1/dispatch/open311-keys", JSON.writeValueAsString(java.util.Map.of("client", client)),
                201).get("apiKey").asString();
    }

    JsonNode report(String token, String kind, String text, double lat, double lon, String crs) throws Exception {
        return call(token, "/api/v1/dispatch/events", JSON.writeValueAsString(java.util.Map.of("kind", kind,
                "text", text, "address", "福州市", "location", java.util.Map.of("lat", lat, "lon", lon, "crs", crs),
                "contact", java.util.Map.of("name", "陈有福", "phone", "13812345678"))), 201);
    }

    JsonNode step(String token, String reference, String step, String body, int expected) throws Exception {
        return call(token, "/api/v1/dispatch/events/" + reference + "/" + step, body, expected);
    }
}

package cn.youfu.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.youfu.YoufuIntegrationTest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * What Open311 publishes is what the city decides is public (issue 20, finding 8): nothing of reports marked
 * anonymous or of reports of wrongdoing (举报); coordinates on a grid; the address to the street; descriptions with
 * names, phone numbers, ID numbers, plates and e-mail addresses masked; photos only once an officer has released them,
 * a step recorded in the ledger.
 */
@YoufuIntegrationTest
class Open311PublicationIntegrationTest {

    /** The public grid's step in degrees of latitude and longitude (about 220 m by 200 m in Fuzhou). */
    static final BigDecimal GRID = new BigDecimal("0.002");

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    DispatchFixture f;
    String apiKey;

    @BeforeEach
    void people() throws Exception {
        f = new DispatchFixture(mvc, context);
        apiKey = f.open311Key("闽政通");
    }

    /** A resident's report through the web form; the 12345 centre routes it when the machine did not. */
    String residentReports(String kind, boolean anonymous) throws Exception {
        var at = DispatchFixture.somewhereNew();
        var body = DispatchFixture.JSON.writeValueAsString(Map.of("kind", kind, "anonymous", anonymous,
                "text", "鼓楼区五四路的一家餐馆把泔水倒进雨水井，老板陈建华说没人管得了。", "address", "福州市鼓楼区五四路",
                "location", Map.of("lat", at[0], "lon", at[1]), "contact", Map.of("name", "林秀英", "phone",
                        "13800001111")));
        var event = f.call(f.resident, "/api/v1/dispatch/events", body, 201);
        var reference = event.get("reference").asString();
        if (event.get("state").asString().equals("received")) {
            f.step(f.dispatcher, reference, "dispatch", "{\"topic\":\"城乡建设\"}", 200);
        }
        return reference;
    }

    JsonNode posted(String... extra) throws Exception {
        var at = DispatchFixture.somewhereNew();
        var request = post("/open311/v2/requests.json").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .formField("api_key", apiKey).formField("service_code", "urban-construction")
                .formField("lat", String.valueOf(at[0])).formField("long", String.valueOf(at[1]));
        for (int i = 0; i < extra.length; i += 2) {
            request = request.formField(extra[i], extra[i + 1]);
        }
        var body = mvc.perform(request).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return DispatchFixture.JSON.readTree(body).get(0);
    }

    JsonNode published(String id) throws Exception {
        var body = mvc.perform(get("/open311/v2/requests/" + id + ".json")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return DispatchFixture.JSON.readTree(body).get(0);
    }

    @Test
    void anonymousReportsAndReportsOfWrongdoingAreNotPublished() throws Exception {
        var from = Instant.now().minus(1, ChronoUnit.MINUTES).toString();
        var anonymous = residentReports("complaint", true);
        var wrongdoing = residentReports("report", false);
        var ordinary = residentReports("complaint", false);
        var to = Instant.now().plus(1, ChronoUnit.MINUTES).toString();

        for (var hidden : new String[] {anonymous, wrongdoing}) {
            mvc.perform(get("/open311/v2/requests/" + hidden + ".json")).andExpect(status().isNotFound());
        }
        var list = mvc.perform(get("/open311/v2/requests.json").param("service_request_id",
                        anonymous + "," + wrongdoing + "," + ordinary))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains(ordinary).doesNotContain(anonymous, wrongdoing);
        var recent = mvc.perform(get("/open311/v2/requests.json").param("start_date", from).param("end_date", to))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(recent).contains(ordinary).doesNotContain(anonymous, wrongdoing);

        var updates = mvc.perform(get("/open311/v2/servicerequestupdates.json").param("start_date", from)
                        .param("end_date", Instant.now().plus(1, ChronoUnit.MINUTES).toString()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(updates).doesNotContain(anonymous, wrongdoing);
    }

    @Test
    void coordinatesAreOnAGridAndTheAddressStopsAtTheStreet() throws Exception {
        var request = posted("description", "楼上漏水到我家天花板。", "address_string",
                "福州市鼓楼区五四路128号恒力城3号楼1502室");
        var at = jdbc.sql("SELECT latitude, longitude FROM dispatch.event WHERE reference = ?")
                .param(request.get("service_request_id").asString())
                .query((rs, row) -> new double[] {rs.getDouble(1), rs.getDouble(2)}).single();
        var shown = published(request.get("service_request_id").asString());
        assertThat(shown.get("address").asString()).isEqualTo("福州市鼓楼区五四路");
        for (var axis : new String[] {"lat", "long"}) {
            var value = shown.get(axis).decimalValue();
            assertThat(value.remainder(GRID).compareTo(BigDecimal.ZERO)).as(axis + " on the grid").isZero();
            double stored = axis.equals("lat") ? at[0] : at[1];
            assertThat(Math.abs(value.doubleValue() - stored)).as(axis + " near the point").isLessThanOrEqualTo(0.001);
        }
    }

    @Test
    void descriptionsAreMaskedForPeoplesNamesNumbersPlatesAndAddresses() throws Exception {
        var request = posted("description", "台江区五一中路的烧烤店每天营业到凌晨两点，老板陈建华说随便投诉。"
                + "他的车闽A12345停在消防通道上。联系人：林女士 0591-87654321，手机 +86 139 0591 2233，"
                + "身份证350102195803120016，邮箱 lin.xy@example.cn，住12栋2单元301。");
        var description = published(request.get("service_request_id").asString()).get("description").asString();
        assertThat(description).contains("台江区五一中路的烧烤店每天营业到凌晨两点", "停在消防通道上")
                .doesNotContain("陈建华", "闽A12345", "林女士", "87654321", "139 0591 2233", "350102195803120016",
                        "lin.xy", "301");
    }

    @Test
    void photosArePublishedOnlyAfterAnOfficerReleasesThemAndTheReleaseIsRecorded() throws Exception {
        var request = posted("description", "人行道上的地砖碎了一大片。", "media_url", "https://img.example.cn/a.jpg",
                "media_url", "https://img.example.cn/b.jpg");
        var id = request.get("service_request_id").asString();
        assertThat(published(id).get("media_url").isNull()).isTrue();

        f.step(f.education, id, "photos/release", "{}", 404);
        f.step(f.resident, id, "photos/release", "{}", 403);
        f.step(f.housing, id, "photos/release", "{\"photos\":[5]}", 400);
        var released = f.step(f.housing, id, "photos/release", "{\"photos\":[1]}", 200);
        assertThat(released.get("released").get(0).asInt()).isEqualTo(1);
        assertThat(published(id).get("media_url").asString()).isEqualTo("https://img.example.cn/b.jpg");
        assertThat(jdbc.sql("SELECT count(*) FROM audit.entry WHERE stream = ? AND action = 'dispatch.photos-released'"
                + " AND actor = 'housing-lin'").param(id).query(Long.class).single()).isEqualTo(1);
    }
}

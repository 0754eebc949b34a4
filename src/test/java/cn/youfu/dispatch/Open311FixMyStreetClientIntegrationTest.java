package cn.youfu.dispatch;

import static cn.youfu.dispatch.FixMyStreetClient.count;
import static cn.youfu.dispatch.FixMyStreetClient.text;
import static cn.youfu.dispatch.FixMyStreetClient.xml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.youfu.YoufuIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The seven things FixMyStreet's Open311 client tripped on (issue 26), each driven as that client drives a council's
 * endpoint ({@link FixMyStreetClient}) and read as it reads the answers.
 */
@YoufuIntegrationTest
class Open311FixMyStreetClientIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    DispatchFixture f;
    FixMyStreetClient fms;

    @BeforeEach
    void client() throws Exception {
        f = new DispatchFixture(mvc, context);
        var key = f.open311Key("FixMyStreet 福州");
        fms = new FixMyStreetClient(mvc, key, FixMyStreetClient.JURISDICTION);
    }

    String created(MvcResult result) throws Exception {
        assertThat(result.getResponse().getStatus()).as(body(result)).isEqualTo(201);
        return text(xml(result), "/service_requests/request/service_request_id");
    }

    static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** Case 1: the client sends {@code attribute[kind]=} when the resident skips the drop-down; empty is absent. */
    @Test
    void anOptionalAttributeLeftBlankIsAbsent() throws Exception {
        var fields = FixMyStreetClient.problem("urban-construction", "路灯不亮", "五四路口的路灯坏了三天。",
                "Test Person", DispatchFixture.somewhereNew());
        fields.put("attribute[kind]", "");
        fields.put("media_url", "");
        fields.put("phone", "");
        var id = created(fms.postRequest(fields));
        var request = xml(fms.fetch("requests/" + id + ".xml", Map.of()));
        assertThat(text(request, "/service_requests/request/service_request_id")).isEqualTo(id);
        assertThat(text(request, "/service_requests/request/service_code")).isEqualTo("urban-construction");
    }

    /**
     * Case 2: nothing the endpoint accepts is unreachable afterwards. Reports of wrongdoing (举报) name people and are
     * never published, so Open311 does not offer them (the definition lists four kinds) and refuses them with a
     * reason; every kind it does accept can be followed by its id.
     */
    @Test
    void everyRequestAcceptedCanBeFollowedByItsIdAndReportsAreNotOffered() throws Exception {
        var definition = xml(fms.fetch("services/urban-construction.xml", Map.of()));
        assertThat(count(definition, "//attribute[code='kind']/values/value")).isEqualTo(4);
        assertThat(count(definition, "//attribute[code='kind']/values/value[key='report']")).isZero();

        for (var kind : new String[] {"consultation", "help", "complaint", "suggestion"}) {
            var fields = FixMyStreetClient.problem("urban-construction", "小区路面塌陷", "金山大道旁的人行道塌了一块。",
                    "陈有福", DispatchFixture.somewhereNew());
            fields.put("attribute[kind]", kind);
            var id = created(fms.postRequest(fields));
            var one = fms.fetch("requests/" + id + ".xml", Map.of());
            assertThat(one.getResponse().getStatus()).as(kind).isEqualTo(200);
            assertThat(count(xml(fms.fetch("requests.xml", Map.of("service_request_id", id))),
                    "/service_requests/request")).as(kind).isEqualTo(1);
        }
        var report = FixMyStreetClient.problem("urban-construction", "违建", "有人在楼顶加盖。", "陈有福",
                DispatchFixture.somewhereNew());
        report.put("attribute[kind]", "report");
        var refused = fms.postRequest(report);
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(text(xml(refused), "/errors/error/code")).isEqualTo("400");
        assertThat(text(xml(refused), "/errors/error/description")).contains("12345");
    }

    /** Case 3: unknown paths (404) and media types (415) answer GeoReport errors, in UTF-8 that says so. */
    @Test
    void errorsAreGeoReportErrorsInDeclaredUtf8EvenForUnknownPathsAndMediaTypes() throws Exception {
        var unknown = mvc.perform(get("/open311/v2/nothing.xml")).andReturn();
        assertThat(unknown.getResponse().getStatus()).isEqualTo(404);
        assertThat(unknown.getResponse().getContentType()).startsWith("application/xml")
                .containsIgnoringCase("charset=UTF-8");
        assertThat(text(xml(unknown), "/errors/error/code")).isEqualTo("404");
        assertThat(text(xml(unknown), "/errors/error/description")).matches(".*\\p{IsHan}.*");

        var unknownJson = mvc.perform(get("/open311/v2/no/such/thing")).andReturn();
        assertThat(unknownJson.getResponse().getStatus()).isEqualTo(404);
        assertThat(unknownJson.getResponse().getContentType()).startsWith("application/json")
                .containsIgnoringCase("charset=UTF-8");
        var errors = DispatchFixture.JSON.readTree(body(unknownJson));
        assertThat(errors.get(0).get("code").asInt()).isEqualTo(404);
        assertThat(errors.get(0).get("description").asString()).matches(".*\\p{IsHan}.*");

        var json = mvc.perform(post("/open311/v2/requests.xml").contentType(MediaType.APPLICATION_JSON)
                .content("{\"service_code\":\"transport\"}")).andReturn();
        assertThat(json.getResponse().getStatus()).isEqualTo(415);
        assertThat(json.getResponse().getContentType()).startsWith("application/xml")
                .containsIgnoringCase("charset=UTF-8");
        assertThat(text(xml(json), "/errors/error/code")).isEqualTo("415");

        var english = mvc.perform(post("/open311/v2/requests.json").header("Accept-Language", "en")
                .contentType(MediaType.TEXT_PLAIN).content("x")).andReturn();
        assertThat(english.getResponse().getStatus()).isEqualTo(415);
        assertThat(DispatchFixture.JSON.readTree(body(english)).get(0).get("code").asInt()).isEqualTo(415);
    }

    /**
     * Case 4: names. Chinese names read family name first, without a space, when both parts are Chinese; others are
     * "first last". The specification sets no length: names up to 100 characters are kept whole, longer ones cut.
     */
    @Test
    void namesAreJoinedInTheirOwnOrderAndLongOnesAreAccepted() throws Exception {
        assertThat(reporterName("Test", "Person")).isEqualTo("Test Person");
        assertThat(reporterName("有福", "陈")).isEqualTo("陈有福");
        assertThat(reporterName("陈有福", "")).isEqualTo("陈有福");
        assertThat(reporterName("Youfu", "陈")).isEqualTo("Youfu 陈");
        var longName = "María Fernanda de los Ángeles Gutiérrez-Castellanos y Santa Cruz de la Vega Ortíz";
        assertThat(longName).hasSizeGreaterThan(50);
        var split = FixMyStreetClient.splitName(longName);
        assertThat(reporterName(split[0], split[1])).isEqualTo(longName);
        var stored = reporterName("Ω".repeat(150), "");
        assertThat(stored).hasSize(100).startsWith("ΩΩΩ");
    }

    /** The name the handling officer sees for a request posted with these name fields. */
    String reporterName(String first, String last) throws Exception {
        var fields = FixMyStreetClient.problem("urban-construction", "井盖缺失", "湖东路上有个井盖不见了。",
                "x", DispatchFixture.somewhereNew());
        fields.put("first_name", first);
        fields.put("last_name", last);
        var id = created(fms.postRequest(fields));
        var taken = f.step(f.housing, id, "accept", null, 200);
        return taken.get("reporter").get("name").asString();
    }

    /** Case 5: one jurisdiction, {@code fuzhou.gov.cn}; any other is not found, on every method. */
    @Test
    void anUnknownJurisdictionIsNotFound() throws Exception {
        var elsewhere = new FixMyStreetClient(mvc, null, "xiamen.gov.cn");
        for (var path : new String[] {"discovery.xml", "services.xml", "services/transport.xml", "requests.xml",
                "requests/FZ-2026-00000001.xml", "tokens/x.xml", "servicerequestupdates.xml"}) {
            var answer = elsewhere.fetch(path, Map.of());
            assertThat(answer.getResponse().getStatus()).as(path).isEqualTo(404);
            assertThat(text(xml(answer), "/errors/error/description")).as(path).contains("xiamen.gov.cn");
        }
        var posted = new FixMyStreetClient(mvc, "o311-any", "xiamen.gov.cn").postRequest(Map.of(
                "service_code", "transport", "description", "公交站牌倒了", "lat", "26.05", "long", "119.31"));
        assertThat(posted.getResponse().getStatus()).isEqualTo(404);
        assertThat(fms.fetch("services.xml", Map.of()).getResponse().getStatus()).isEqualTo(200);
        assertThat(new FixMyStreetClient(mvc, null, null).fetch("services.xml", Map.of()).getResponse().getStatus())
                .isEqualTo(200);
    }

    /**
     * Case 6: {@code servicerequestupdates}. The city's steps come back as updates since a date (masked), and the
     * client's own updates to its own requests are taken, once each.
     */
    @Test
    void updatesSinceADateAndTheClientsOwnUpdatesToItsRequests() throws Exception {
        var from = Instant.now().minus(1, ChronoUnit.MINUTES);
        var id = created(fms.postRequest(FixMyStreetClient.problem("urban-construction", "路灯不亮",
                "福新中路的路灯坏了。", "Test Person", DispatchFixture.somewhereNew())));
        f.step(f.housing, id, "accept", null, 200);
        f.step(f.housing, id, "reply", "{\"text\":\"已修复，维修师傅林建国电话13812345678。\"}", 200);
        f.step(f.dispatcher, id, "visit", "{\"rating\":\"satisfied\"}", 200);

        var feed = xml(fms.getUpdates(from, Instant.now().plus(1, ChronoUnit.MINUTES)));
        var mine = "/service_request_updates/request_update[service_request_id='" + id + "']";
        assertThat(count(feed, mine)).isEqualTo(4); // dispatched, handling, replied, closed
        assertThat(text(feed, mine + "[1]/status")).isEqualTo("open");
        assertThat(text(feed, mine + "[1]/update_id")).isNotBlank();
        assertThat(text(feed, mine + "[1]/updated_datetime")).endsWith("+08:00");
        assertThat(text(feed, mine + "[3]/description")).contains("已修复").doesNotContain("13812345678", "林建国");
        assertThat(text(feed, mine + "[4]/status")).isEqualTo("closed");
        assertThat(text(feed, mine + "[4]/external_status_code")).isEqualTo("closed");

        var comment = new LinkedHashMap<String, String>(Map.of("service_request_id", id, "update_id", "38362",
                "status", "OPEN", "description", "还是不亮，我的电话 139 0000 1111",
                "updated_datetime", FixMyStreetClient.w3c(Instant.now()), "first_name", "Test", "last_name", "Person",
                "email", "resident@example.org"));
        var posted = fms.postUpdate(comment);
        assertThat(posted.getResponse().getStatus()).as(body(posted)).isEqualTo(201);
        var updateId = text(xml(posted), "/service_request_updates/request_update/update_id");
        assertThat(updateId).isNotBlank();
        assertThat(text(xml(fms.postUpdate(comment)), "/service_request_updates/request_update/update_id"))
                .as("the same update posted twice").isEqualTo(updateId);
        var after = xml(fms.getUpdates(from, Instant.now().plus(1, ChronoUnit.MINUTES)));
        assertThat(count(after, mine)).isEqualTo(5);
        assertThat(text(after, mine + "[update_id='" + updateId + "']/description")).contains("还是不亮")
                .doesNotContain("139 0000 1111");

        var resident = f.report(f.resident, "complaint", "小区门口的垃圾桶满了没人清理。", 25.99, 119.29, "WGS84");
        comment.put("service_request_id", resident.get("reference").asString());
        var notOurs = fms.postUpdate(comment);
        assertThat(notOurs.getResponse().getStatus()).isEqualTo(403);
        assertThat(text(xml(notOurs), "/errors/error/code")).isEqualTo("403");
    }

    /** Case 7: service discovery names the endpoint, its formats and how to get a key. */
    @Test
    void discoveryNamesTheEndpointItsFormatsAndHowToGetAKey() throws Exception {
        var discovery = xml(fms.fetch("discovery.xml", Map.of()));
        assertThat(text(discovery, "/discovery/changeset")).matches("\\d{4}-\\d{2}-\\d{2}T.*");
        assertThat(text(discovery, "/discovery/contact")).contains("12345");
        assertThat(text(discovery, "/discovery/key_service")).isNotBlank();
        assertThat(text(discovery, "/discovery/endpoints/endpoint/specification"))
                .isEqualTo("http://wiki.open311.org/GeoReport_v2");
        assertThat(text(discovery, "/discovery/endpoints/endpoint/url")).endsWith("/open311/v2");
        assertThat(text(discovery, "/discovery/endpoints/endpoint/type")).isEqualTo("test");
        assertThat(count(discovery, "/discovery/endpoints/endpoint/formats/format")).isEqualTo(2);
    }
}

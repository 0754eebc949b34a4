package cn.youfu.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

import cn.youfu.YoufuIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2), its service discovery and the {@code servicerequestupdates}
 * extension (FixMyStreet's "Open311 FMS Complete Spec"): every method in JSON and in XML, field by field, and every
 * error the specification documents, each in its own format (a JSON array of {@code code} and {@code description},
 * or {@code <errors><error>}), in UTF-8 that says so.
 */
@YoufuIntegrationTest
class Open311ConformanceIntegrationTest {

    static final String[] REQUEST_FIELDS = {"service_request_id", "status", "status_notes", "service_name",
            "service_code", "description", "agency_responsible", "service_notice", "requested_datetime",
            "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url"};
    static final String[] UPDATE_FIELDS = {"update_id", "service_request_id", "status", "updated_datetime",
            "description", "media_url", "external_status_code"};

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    DispatchFixture f;
    String apiKey;

    @BeforeEach
    void key() throws Exception {
        f = new DispatchFixture(mvc, context);
        apiKey = f.open311Key("榕城通 app");
    }

    ResultActions postRequest(String format, String... fields) throws Exception {
        return mvc.perform(form(post("/open311/v2/requests." + format), fields));
    }

    static MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, String... fields) {
        for (int i = 0; i < fields.length; i += 2) {
            request = request.formField(fields[i], fields[i + 1]);
        }
        return request.contentType(MediaType.APPLICATION_FORM_URLENCODED);
    }

    /** A request posted in {@code format} somewhere no other test posts; the answer's body. */
    String created(String format) throws Exception {
        var at = DispatchFixture.somewhereNew();
        return postRequest(format, "api_key", apiKey, "service_code", "urban-construction",
                "lat", String.valueOf(at[0]), "long", String.valueOf(at[1]),
                "address_string", "福州市台江区五一中路 88 号", "description",
                "路灯坏了一个星期，晚上很黑。联系我 13912345678", "media_url", "https://img.example.cn/lamp.jpg",
                "first_name", "有福", "last_name", "陈", "phone", "13912345678", "email", "chen@example.cn",
                "attribute[kind]", "help")
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    String createdId() throws Exception {
        return DispatchFixture.JSON.readTree(created("json")).get(0).get("service_request_id").asString();
    }

    /** A GeoReport error in JSON: an array whose first error has the status as its code, in declared UTF-8. */
    static void jsonError(ResultActions answer, int code) throws Exception {
        answer.andExpect(status().is(code))
                .andExpect(header().string("Content-Type", "application/json;charset=UTF-8"))
                .andExpect(jsonPath("$[0].code").value(code))
                .andExpect(jsonPath("$[0].description").isNotEmpty());
    }

    static void xmlError(ResultActions answer, int code) throws Exception {
        answer.andExpect(status().is(code))
                .andExpect(header().string("Content-Type", "application/xml;charset=UTF-8"))
                .andExpect(xpath("/errors/error/code").string(String.valueOf(code)))
                .andExpect(xpath("/errors/error/description").exists());
    }

    @Test
    void discoveryInJsonAndXml() throws Exception {
        mvc.perform(get("/open311/v2/discovery.json"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/json;charset=UTF-8"))
                .andExpect(jsonPath("$.changeset").isString())
                .andExpect(jsonPath("$.contact").isString())
                .andExpect(jsonPath("$.key_service").isString())
                .andExpect(jsonPath("$.endpoints", hasSize(1)))
                .andExpect(jsonPath("$.endpoints[0].specification").value("http://wiki.open311.org/GeoReport_v2"))
                .andExpect(jsonPath("$.endpoints[0].url").value("http://localhost:8080/open311/v2"))
                .andExpect(jsonPath("$.endpoints[0].changeset").isString())
                .andExpect(jsonPath("$.endpoints[0].type").value("test"))
                .andExpect(jsonPath("$.endpoints[0].formats[0]").value("text/xml"))
                .andExpect(jsonPath("$.endpoints[0].formats[1]").value("application/json"));
        mvc.perform(get("/open311/v2/discovery.xml"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/xml;charset=UTF-8"))
                .andExpect(xpath("/discovery/endpoints/endpoint/specification")
                        .string("http://wiki.open311.org/GeoReport_v2"))
                .andExpect(xpath("count(/discovery/endpoints/endpoint/formats/format)").number(2.0));
    }

    @Test
    void serviceListHasTheSpecificationsFieldsInJsonAndXml() throws Exception {
        mvc.perform(get("/open311/v2/services.json"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/json;charset=UTF-8"))
                .andExpect(jsonPath("$", hasSize(15)))
                .andExpect(jsonPath("$[0].service_code").value("urban-construction"))
                .andExpect(jsonPath("$[0].service_name").value("城乡建设"))
                .andExpect(jsonPath("$[0].description").isString())
                .andExpect(jsonPath("$[0].metadata").value(true))
                .andExpect(jsonPath("$[0].type").value("realtime"))
                .andExpect(jsonPath("$[0].keywords").isString())
                .andExpect(jsonPath("$[0].group").value("城乡建设"));
        var xml = mvc.perform(get("/open311/v2/services.xml").header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/xml;charset=UTF-8"))
                .andExpect(xpath("count(/services/service)").number(15.0))
                .andExpect(xpath("/services/service[1]/service_code").string("urban-construction"))
                .andExpect(xpath("/services/service[1]/service_name").string("Urban and rural construction"))
                .andExpect(xpath("/services/service[1]/metadata").string("true"))
                .andExpect(xpath("/services/service[1]/type").string("realtime"))
                .andExpect(xpath("/services/service[1]/keywords").exists())
                .andExpect(xpath("/services/service[1]/group").exists())
                .andExpect(xpath("/services/service[1]/description").exists())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(xml).as("the XML declaration names UTF-8").startsWith("<?xml").contains("UTF-8");
        jsonError(mvc.perform(get("/open311/v2/services.json").param("jurisdiction_id", "nowhere")), 404);
        xmlError(mvc.perform(get("/open311/v2/services.xml").param("jurisdiction_id", "nowhere")), 404);
    }

    @Test
    void serviceDefinitionListsTheKindAttribute() throws Exception {
        mvc.perform(get("/open311/v2/services/transport.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.service_code").value("transport"))
                .andExpect(jsonPath("$.attributes[0].variable").value(true))
                .andExpect(jsonPath("$.attributes[0].code").value("kind"))
                .andExpect(jsonPath("$.attributes[0].datatype").value("singlevaluelist"))
                .andExpect(jsonPath("$.attributes[0].required").value(false))
                .andExpect(jsonPath("$.attributes[0].datatype_description").isString())
                .andExpect(jsonPath("$.attributes[0].order").value(1))
                .andExpect(jsonPath("$.attributes[0].description").isString())
                .andExpect(jsonPath("$.attributes[0].values", hasSize(4)))
                .andExpect(jsonPath("$.attributes[0].values[2].key").value("complaint"))
                .andExpect(jsonPath("$.attributes[0].values[2].name").value("投诉"));
        mvc.perform(get("/open311/v2/services/transport.xml"))
                .andExpect(xpath("/service_definition/service_code").string("transport"))
                .andExpect(xpath("/service_definition/attributes/attribute/code").string("kind"))
                .andExpect(xpath("/service_definition/attributes/attribute/datatype").string("singlevaluelist"))
                .andExpect(xpath("count(/service_definition/attributes/attribute/values/value)").number(4.0))
                .andExpect(xpath("/service_definition/attributes/attribute/values/value[1]/key")
                        .string("consultation"));
        jsonError(mvc.perform(get("/open311/v2/services/nothing.json")), 404);
        xmlError(mvc.perform(get("/open311/v2/services/nothing.xml")), 404);
        xmlError(mvc.perform(get("/open311/v2/services/transport.xml").param("jurisdiction_id", "x")), 404);
    }

    @Test
    void postingNeedsAKeyAServiceAndALocationAndAnswersIdAndToken() throws Exception {
        jsonError(postRequest("json", "service_code", "transport", "lat", "26.05", "long", "119.31",
                "description", "公交站牌倒了"), 403);
        xmlError(postRequest("xml", "api_key", "wrong", "service_code", "transport", "description", "公交站牌倒了"),
                403);
        jsonError(postRequest("json", "api_key", apiKey, "lat", "26.05", "long", "119.31",
                "description", "公交站牌倒了"), 400);
        xmlError(postRequest("xml", "api_key", apiKey, "service_code", "nothing", "lat", "26.05", "long", "119.31",
                "description", "公交站牌倒了"), 404);
        postRequest("json", "api_key", apiKey, "service_code", "transport", "description", "公交站牌倒了")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$[0].description").value(startsWith("lat")));
        jsonError(postRequest("json", "api_key", apiKey, "service_code", "transport", "lat", "北纬", "long",
                "119.31", "description", "公交站牌倒了"), 400);
        xmlError(postRequest("xml", "api_key", apiKey, "service_code", "transport", "lat", "26.05", "long",
                "119.31"), 400);
        xmlError(postRequest("xml", "api_key", apiKey, "jurisdiction_id", "nowhere", "service_code", "transport",
                "lat", "26.05", "long", "119.31", "description", "公交站牌倒了"), 404);

        var json = DispatchFixture.JSON.readTree(created("json"));
        assertThat(json.get(0).get("service_request_id").asString()).matches("FZ-\\d{4}-\\d{8}");
        assertThat(json.get(0).get("token").asString()).isNotBlank();
        assertThat(json.get(0).has("service_notice")).isTrue();
        assertThat(json.get(0).has("account_id")).isTrue();
        var xml = created("xml");
        assertThat(xml).startsWith("<?xml").contains("<service_requests><request><service_request_id>FZ-")
                .contains("<token>");
    }

    @Test
    void aRequestHasEveryFieldOfTheSpecificationAndNoPersonalData() throws Exception {
        var posted = DispatchFixture.JSON.readTree(created("json")).get(0);
        var id = posted.get("service_request_id").asString();
        var answer = mvc.perform(get("/open311/v2/requests/" + id + ".json"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/json;charset=UTF-8"))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].service_request_id").value(id))
                .andExpect(jsonPath("$[0].status").value("open"))
                .andExpect(jsonPath("$[0].status_notes").isString())
                .andExpect(jsonPath("$[0].service_code").value("urban-construction"))
                .andExpect(jsonPath("$[0].service_name").value("城乡建设"))
                .andExpect(jsonPath("$[0].agency_responsible").value("fz-housing"))
                .andExpect(jsonPath("$[0].requested_datetime").value(startsWith("20")))
                .andExpect(jsonPath("$[0].expected_datetime").isString())
                .andExpect(jsonPath("$[0].address").value("福州市台江区五一中路"))
                .andExpect(jsonPath("$[0].lat").isNumber())
                .andExpect(jsonPath("$[0].long").isNumber())
                .andExpect(jsonPath("$[0].media_url").value(org.hamcrest.Matchers.nullValue()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        var request = DispatchFixture.JSON.readTree(answer).get(0);
        for (var field : REQUEST_FIELDS) {
            assertThat(request.has(field)).as(field).isTrue();
        }
        assertThat(request.get("requested_datetime").asString()).endsWith("+08:00");
        assertThat(answer).doesNotContain("13912345678", "chen@example.cn", "陈有福", "有福", "88 号")
                .contains("139****5678");

        var xml = mvc.perform(get("/open311/v2/requests/" + id + ".xml"))
                .andExpect(status().isOk())
                .andExpect(xpath("/service_requests/request/service_request_id").string(id))
                .andExpect(xpath("/service_requests/request/status").string("open"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        for (var field : REQUEST_FIELDS) {
            assertThat(xml).as(field).containsPattern("<" + field + "(>|/>)");
        }
        assertThat(xml).doesNotContain("13912345678", "chen@example.cn");
        jsonError(mvc.perform(get("/open311/v2/requests/FZ-1999-00000000.json")), 404);
        xmlError(mvc.perform(get("/open311/v2/requests/FZ-1999-00000000.xml")), 404);
        xmlError(mvc.perform(get("/open311/v2/requests/" + id + ".xml").param("jurisdiction_id", "x")), 404);
    }

    @Test
    void aTokenStandsForItsRequest() throws Exception {
        var posted = DispatchFixture.JSON.readTree(created("json")).get(0);
        var token = posted.get("token").asString();
        mvc.perform(get("/open311/v2/tokens/" + token + ".json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].service_request_id").value(posted.get("service_request_id").asString()))
                .andExpect(jsonPath("$[0].token").value(token));
        mvc.perform(get("/open311/v2/tokens/" + token + ".xml"))
                .andExpect(xpath("/service_requests/request/service_request_id")
                        .string(posted.get("service_request_id").asString()));
        jsonError(mvc.perform(get("/open311/v2/tokens/no-such-token.json")), 404);
        xmlError(mvc.perform(get("/open311/v2/tokens/no-such-token.xml")), 404);
    }

    @Test
    void requestsAreFilteredByIdServiceDateAndStatus() throws Exception {
        var id = createdId();
        mvc.perform(get("/open311/v2/requests.json").param("service_code", "urban-construction")
                        .param("status", "open"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.service_request_id == '" + id + "')]").exists());
        mvc.perform(get("/open311/v2/requests.json").param("status", "closed"))
                .andExpect(jsonPath("$[?(@.service_request_id == '" + id + "')]").doesNotExist());
        mvc.perform(get("/open311/v2/requests.json").param("service_code", "transport"))
                .andExpect(jsonPath("$[?(@.service_request_id == '" + id + "')]").doesNotExist());
        mvc.perform(get("/open311/v2/requests.json").param("end_date", "2020-01-01T00:00:00+08:00"))
                .andExpect(jsonPath("$", hasSize(0)));
        mvc.perform(get("/open311/v2/requests.xml").param("service_request_id", id + ",FZ-1999-00000000"))
                .andExpect(xpath("count(/service_requests/request)").number(1.0));
        jsonError(mvc.perform(get("/open311/v2/requests.json").param("start_date", "yesterday")), 400);
        xmlError(mvc.perform(get("/open311/v2/requests.xml").param("status", "pending")), 400);
        xmlError(mvc.perform(get("/open311/v2/requests.xml").param("jurisdiction_id", "x")), 404);
    }

    @Test
    void updatesSinceADateInJsonAndXml() throws Exception {
        var from = Instant.now().minus(1, ChronoUnit.MINUTES).toString();
        var id = createdId();
        f.step(f.housing, id, "accept", null, 200);
        var to = Instant.now().plus(1, ChronoUnit.MINUTES).toString();
        var json = mvc.perform(get("/open311/v2/servicerequestupdates.json").param("start_date", from)
                        .param("end_date", to))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/json;charset=UTF-8"))
                .andExpect(jsonPath("$[?(@.service_request_id == '" + id + "')]", hasSize(2)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        for (var update : DispatchFixture.JSON.readTree(json)) {
            for (var field : UPDATE_FIELDS) {
                assertThat(update.has(field)).as(field).isTrue();
            }
        }
        mvc.perform(get("/open311/v2/servicerequestupdates.xml").param("start_date", from).param("end_date", to))
                .andExpect(status().isOk())
                .andExpect(xpath("count(/service_request_updates/request_update[service_request_id='" + id + "'])")
                        .number(2.0))
                .andExpect(xpath("/service_request_updates/request_update[service_request_id='" + id
                        + "'][2]/external_status_code").string("handling"));
        jsonError(mvc.perform(get("/open311/v2/servicerequestupdates.json").param("start_date", "today")), 400);
        xmlError(mvc.perform(get("/open311/v2/servicerequestupdates.xml").param("end_date", "2026-13-45")), 400);
        xmlError(mvc.perform(get("/open311/v2/servicerequestupdates.xml").param("jurisdiction_id", "x")), 404);
    }

    @Test
    void postingAnUpdateNeedsAKeyTheRequestsOwnClientAndTheSpecificationsFields() throws Exception {
        var id = createdId();
        var at = Instant.now().toString();
        mvc.perform(form(post("/open311/v2/servicerequestupdates.json"), "api_key", apiKey,
                        "service_request_id", id, "status", "OPEN", "description", "路灯还是不亮",
                        "updated_datetime", at, "update_id", "fms-1"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Content-Type", "application/json;charset=UTF-8"))
                .andExpect(jsonPath("$[0].update_id").isNotEmpty());
        mvc.perform(form(post("/open311/v2/servicerequestupdates.xml"), "api_key", apiKey,
                        "service_request_id", id, "status", "OPEN", "description", "补充一张照片",
                        "updated_datetime", at, "update_id", "fms-2"))
                .andExpect(status().isCreated())
                .andExpect(xpath("/service_request_updates/request_update/update_id").exists());
        xmlError(mvc.perform(form(post("/open311/v2/servicerequestupdates.xml"), "service_request_id", id,
                "status", "OPEN", "description", "x", "updated_datetime", at)), 403);
        for (var missing : new String[] {"service_request_id", "status", "description", "updated_datetime"}) {
            var fields = new java.util.ArrayList<>(java.util.List.of("api_key", apiKey, "service_request_id", id,
                    "status", "OPEN", "description", "x", "updated_datetime", at));
            int i = fields.indexOf(missing);
            fields.remove(i + 1);
            fields.remove(i);
            jsonError(mvc.perform(form(post("/open311/v2/servicerequestupdates.json"),
                    fields.toArray(String[]::new))), 400);
        }
        jsonError(mvc.perform(form(post("/open311/v2/servicerequestupdates.json"), "api_key", apiKey,
                "service_request_id", id, "status", "OPEN", "description", "x", "updated_datetime", "now")), 400);
        xmlError(mvc.perform(form(post("/open311/v2/servicerequestupdates.xml"), "api_key", apiKey,
                "service_request_id", "FZ-1999-00000000", "status", "OPEN", "description", "x",
                "updated_datetime", at)), 404);
        var other = f.open311Key("另一个 app");
        xmlError(mvc.perform(form(post("/open311/v2/servicerequestupdates.xml"), "api_key", other,
                "service_request_id", id, "status", "OPEN", "description", "x", "updated_datetime", at)), 403);
    }

    @Test
    void unknownPathsMethodsFormatsAndMediaTypesAreGeoReportErrors() throws Exception {
        jsonError(mvc.perform(get("/open311/v2/nothing.json")), 404);
        xmlError(mvc.perform(get("/open311/v2/nothing.xml")), 404);
        jsonError(mvc.perform(get("/open311/v2/services.html")), 404);
        xmlError(mvc.perform(put("/open311/v2/services.xml")), 405);
        mvc.perform(put("/open311/v2/services.xml")).andExpect(header().exists("Allow"));
        jsonError(mvc.perform(post("/open311/v2/requests.json").contentType(MediaType.APPLICATION_JSON)
                .content("{}")), 415);
        xmlError(mvc.perform(post("/open311/v2/servicerequestupdates.xml").contentType(MediaType.APPLICATION_XML)
                .content("<x/>")), 415);
        jsonError(mvc.perform(get("/open311/v2/services.json").header("Authorization", "Bearer garbage")), 401);
        mvc.perform(get("/open311/v2/nothing.json").header("Accept-Language", "en"))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(
                        "problem"))));
    }
}

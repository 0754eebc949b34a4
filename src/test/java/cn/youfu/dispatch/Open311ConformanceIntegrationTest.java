package cn.youfu.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Open311 GeoReport v2, field by field, in JSON and XML (wiki.open311.org/GeoReport_v2). */
@YoufuIntegrationTest
class Open311IntegrationTest {

    static final String[] REQUEST_FIELDS = {"service_request_id", "status", "status_notes", "service_name",
            "service_code", "description", "agency_responsible", "service_notice", "requested_datetime",
            "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url"};

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    DispatchFixture f;
    String apiKey;

    @BeforeEach
    void key() throws Exception {
        f = new DispatchFixture(mvc, context);
        apiKey = f.call(f.admin, "/api/v1/dispatch/open311-keys", "{\"client\":\"榕城通 app\"}", 201)
                .get("apiKey").asString();
    }

    ResultActions postRequest(String format, String... params) throws Exception {
        var request = post("/open311/v2/requests." + format).contentType(MediaType.APPLICATION_FORM_URLENCODED);
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request);
    }

    /** Each posted request somewhere else, so that none is offered as the same problem as another. */
    static final java.util.concurrent.atomic.AtomicInteger PLACE = new java.util.concurrent.atomic.AtomicInteger();

    String created(String format) throws Exception {
        var lat = String.valueOf(26.0530 + PLACE.getAndIncrement() * 0.01);
        var body = postRequest(format, "api_key", apiKey, "service_code", "urban-construction", "lat", lat,
                "long", "119.3150", "address_string", "福州市台江区五一中路 88 号", "description",
                "路灯坏了一个星期，晚上很黑。联系我 13912345678", "media_url", "https://img.example.cn/lamp.jpg",
                "first_name", "有福", "last_name", "陈", "phone", "13912345678", "email", "chen@example.cn",
                "attribute[kind]", "help")
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return body;
    }

    @Test
    void serviceListHasTheSpecificationsFieldsInJsonAndXml() throws Exception {
        mvc.perform(get("/open311/v2/services.json"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$", hasSize(15)))
                .andExpect(jsonPath("$[0].service_code").value("urban-construction"))
                .andExpect(jsonPath("$[0].service_name").value("城乡建设"))
                .andExpect(jsonPath("$[0].description").isString())
                .andExpect(jsonPath("$[0].metadata").value(true))
                .andExpect(jsonPath("$[0].type").value("realtime"))
                .andExpect(jsonPath("$[0].keywords").isString())
                .andExpect(jsonPath("$[0].group").value("城乡建设"));
        mvc.perform(get("/open311/v2/services.xml").header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_XML))
                .andExpect(xpath("count(/services/service)").number(15.0))
                .andExpect(xpath("/services/service[1]/service_code").string("urban-construction"))
                .andExpect(xpath("/services/service[1]/service_name").string("Urban and rural construction"))
                .andExpect(xpath("/services/service[1]/metadata").string("true"))
                .andExpect(xpath("/services/service[1]/type").string("realtime"))
                .andExpect(xpath("/services/service[1]/keywords").exists())
                .andExpect(xpath("/services/service[1]/group").exists())
                .andExpect(xpath("/services/service[1]/description").exists());
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
                .andExpect(jsonPath("$.attributes[0].values", hasSize(5)))
                .andExpect(jsonPath("$.attributes[0].values[2].key").value("complaint"))
                .andExpect(jsonPath("$.attributes[0].values[2].name").value("投诉"));
        mvc.perform(get("/open311/v2/services/transport.xml"))
                .andExpect(xpath("/service_definition/service_code").string("transport"))
                .andExpect(xpath("/service_definition/attributes/attribute/code").string("kind"))
                .andExpect(xpath("/service_definition/attributes/attribute/datatype").string("singlevaluelist"))
                .andExpect(xpath("count(/service_definition/attributes/attribute/values/value)").number(5.0))
                .andExpect(xpath("/service_definition/attributes/attribute/values/value[1]/key")
                        .string("consultation"));
        mvc.perform(get("/open311/v2/services/nothing.json"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$[0].code").value(404))
                .andExpect(jsonPath("$[0].description").isString());
    }

    @Test
    void postingNeedsAKeyAServiceAndALocationAndAnswersIdAndToken() throws Exception {
        postRequest("json", "service_code", "transport", "lat", "26.05", "long", "119.31", "description", "公交站牌倒了")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$[0].code").value(403))
                .andExpect(jsonPath("$[0].description").isString());
        postRequest("xml", "api_key", "wrong", "service_code", "transport", "description", "公交站牌倒了")
                .andExpect(status().isForbidden())
                .andExpect(xpath("/errors/error/code").string("403"))
                .andExpect(xpath("/errors/error/description").exists());
        postRequest("json", "api_key", apiKey, "lat", "26.05", "long", "119.31", "description", "公交站牌倒了")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$[0].code").value(400));
        postRequest("json", "api_key", apiKey, "service_code", "transport", "description", "公交站牌倒了")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$[0].description").value(startsWith("lat and long")));
        postRequest("json", "api_key", apiKey, "service_code", "transport", "lat", "北纬", "long", "119.31",
                "description", "公交站牌倒了")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$[0].code").value(400));

        var json = DispatchFixture.JSON.readTree(created("json"));
        assertThat(json.get(0).get("service_request_id").asString()).matches("FZ-\\d{4}-\\d{8}");
        assertThat(json.get(0).get("token").asString()).isNotBlank();
        assertThat(json.get(0).has("service_notice")).isTrue();
        assertThat(json.get(0).has("account_id")).isTrue();
        var xml = created("xml");
        assertThat(xml).startsWith("<service_requests><request><service_request_id>FZ-").contains("<token>");
    }

    @Test
    void aRequestHasEveryFieldOfTheSpecificationAndNoPersonalData() throws Exception {
        var posted = DispatchFixture.JSON.readTree(created("json")).get(0);
        var id = posted.get("service_request_id").asString();
        var answer = mvc.perform(get("/open311/v2/requests/" + id + ".json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].service_request_id").value(id))
                .andExpect(jsonPath("$[0].status").value("open"))
                .andExpect(jsonPath("$[0].status_notes").isString())
                .andExpect(jsonPath("$[0].service_code").value("urban-construction"))
                .andExpect(jsonPath("$[0].service_name").value("城乡建设"))
                .andExpect(jsonPath("$[0].agency_responsible").value("fz-housing"))
                .andExpect(jsonPath("$[0].requested_datetime").value(startsWith("20")))
                .andExpect(jsonPath("$[0].expected_datetime").isString())
                .andExpect(jsonPath("$[0].address").value("福州市台江区五一中路 88 号"))
                .andExpect(jsonPath("$[0].lat").isNumber())
                .andExpect(jsonPath("$[0].long").value(119.315))
                .andExpect(jsonPath("$[0].media_url").value("https://img.example.cn/lamp.jpg"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        var request = DispatchFixture.JSON.readTree(answer).get(0);
        for (var field : REQUEST_FIELDS) {
            assertThat(request.has(field)).as(field).isTrue();
        }
        assertThat(request.get("requested_datetime").asString()).endsWith("+08:00");
        assertThat(answer).doesNotContain("13912345678", "chen@example.cn", "陈有福", "有福")
                .contains("139****5678");

        var xml = mvc.perform(get("/open311/v2/requests/" + id + ".xml"))
                .andExpect(status().isOk())
                .andExpect(xpath("/service_requests/request/service_request_id").string(id))
                .andExpect(xpath("/service_requests/request/status").string("open"))
                .andExpect(xpath("/service_requests/request/long").string("119.315"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        for (var field : REQUEST_FIELDS) {
            assertThat(xml).as(field).containsPattern("<" + field + "(>|/>)");
        }
        assertThat(xml).doesNotContain("13912345678", "chen@example.cn");

        mvc.perform(get("/open311/v2/tokens/" + posted.get("token").asString() + ".json"))
                .andExpect(jsonPath("$[0].service_request_id").value(id))
                .andExpect(jsonPath("$[0].token").value(posted.get("token").asString()));
        mvc.perform(get("/open311/v2/tokens/" + posted.get("token").asString() + ".xml"))
                .andExpect(xpath("/service_requests/request/service_request_id").string(id));
        mvc.perform(get("/open311/v2/requests/FZ-1999-00000000.xml"))
                .andExpect(status().isNotFound())
                .andExpect(xpath("/errors/error/code").string("404"));
    }

    @Test
    void requestsAreFilteredByIdServiceDateAndStatus() throws Exception {
        var id = DispatchFixture.JSON.readTree(created("json")).get(0).get("service_request_id").asString();
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
        mvc.perform(get("/open311/v2/requests.json").param("start_date", "yesterday"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$[0].code").value(400));
        mvc.perform(get("/open311/v2/requests.json").param("status", "pending"))
                .andExpect(status().isBadRequest());
    }
}

package cn.youfu.disclosure.internal;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.youfu.Api;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The people of the disclosure tests, signed in through the real token endpoint, and the API's steps. */
final class DisclosureFixture {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String ROAD_CONTRACTS = "请公开2026年鼓楼区道路养护工程的施工合同及验收报告";

    final MockMvc mvc;
    /** 陈有福, the demo resident (350102195803120016). */
    final String resident;
    /** 福州有福科技有限公司. */
    final String enterprise;
    /** 王政公, the city government office's disclosure officer. */
    final String officer;
    /** 林秀英, an officer of the approval bureau: another department. */
    final String otherOfficer;
    /** 黄督查, supervisor of the city government office (the head who approves extensions). */
    final String supervisor;

    DisclosureFixture(MockMvc mvc) throws Exception {
        this.mvc = mvc;
        resident = Api.bearer(mvc, "applicant");
        enterprise = Api.bearer(mvc, "enterprise");
        officer = Api.bearer(mvc, "disclosure-officer");
        otherOfficer = Api.bearer(mvc, "officer");
        supervisor = Api.bearer(mvc, "supervisor");
    }

    /** Today in China, the day the platform counts from. */
    static java.time.LocalDate today() {
        return java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
    }

    static String request(String description) {
        return """
                {"description":"%s","documentTitle":"道路养护合同","delivery":"online","phone":"13812345678"}"""
                .formatted(description);
    }

    JsonNode submit(String token, String body) throws Exception {
        var answer = mvc.perform(post("/api/v1/disclosure-requests").header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JSON.readTree(answer);
    }

    JsonNode submit() throws Exception {
        return submit(resident, request(ROAD_CONTRACTS));
    }

    /** A POST to the request's sub-resource, expecting {@code expected}; the body answered. */
    JsonNode step(String token, String reference, String path, String body, int expected) throws Exception {
        var answer = mvc.perform(post("/api/v1/disclosure-requests/" + reference + "/" + path)
                        .header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
                        .content(body == null ? "{}" : body))
                .andExpect(status().is(expected)).andReturn().getResponse().getContentAsString();
        return JSON.readTree(answer);
    }

    JsonNode get(String token, String path, int expected) throws Exception {
        var answer = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get(path).header("Authorization", token))
                .andExpect(status().is(expected)).andReturn().getResponse().getContentAsString();
        return JSON.readTree(answer);
    }
}

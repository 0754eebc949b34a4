package cn.youfu.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.youfu.Api;
import cn.youfu.YoufuIntegrationTest;
import cn.youfu.identity.CurrentUser;
import cn.youfu.identity.Role;
import cn.youfu.identity.internal.TestTokens;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every adverse final decision states its remedy, worded for its case type: a licence refusal reconsideration or
 * litigation (行政许可法 Art. 38(2)); a refusal to disclose and a penalty decided on the spot reconsideration first
 * (行政复议法 Art. 23); a penalty decision its remedies (行政处罚法 Art. 59); a petition's answer 复查 then 复核
 * (信访工作条例 Art. 35–36), never reconsideration or litigation. A decision in the applicant's favour states none.
 */
@YoufuIntegrationTest
class RemediesIntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;

    String applicant;

    @BeforeEach
    void signIn() throws Exception {
        applicant = Api.bearer(mvc, "applicant");
    }

    String staff(Role role, String department) {
        return TestTokens.bearer(context, role.name().toLowerCase() + "-" + department, "测试人员", role, null,
                department);
    }

    String open(String type, String token) throws Exception {
        var body = mvc.perform(post("/api/v1/cases").header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"" + type + "\",\"title\":\"救济告知测试\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JSON.readTree(body).get("reference").asString();
    }

    JsonNode take(String reference, String token, String action, String comment) throws Exception {
        var body = mvc.perform(post("/api/v1/cases/" + reference + "/transitions").header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(java.util.Map.of("action", action, "comment", comment))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JSON.readTree(body);
    }

    /** A request for government information of the applicant's, through the disclosure module that owns them. */
    String requestInformation() throws Exception {
        var body = mvc.perform(post("/api/v1/disclosure-requests").header("Authorization", applicant)
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"description":"请公开2026年鼓楼区道路养护工程的施工合同","documentTitle":"道路养护合同",
                                 "delivery":"online","phone":"13812345678"}"""))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JSON.readTree(body).get("reference").asString();
    }

    void reply(String reference, String token, String body) throws Exception {
        mvc.perform(post("/api/v1/disclosure-requests/" + reference + "/reply").header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isCreated());
    }

    JsonNode viewed(String reference, String token) throws Exception {
        return JSON.readTree(mvc.perform(get("/api/v1/cases/" + reference).header("Authorization", token))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    @Test
    void aRefusedLicenceStatesReconsiderationOrLitigation() throws Exception {
        var ref = open("licensing", applicant);
        take(ref, Api.bearer(mvc, "officer"), "refuse", "经营场所不符合卫生规范");
        var remedy = viewed(ref, applicant).get("remedy");
        assertThat(remedy.get("code").asString()).isEqualTo("licence-refused");
        assertThat(remedy.get("basis").asString()).isEqualTo("《中华人民共和国行政许可法》第三十八条第二款");
        assertThat(remedy.get("text").get("zh").asString()).contains("六十日内向福州市人民政府申请行政复议")
                .contains("六个月内依法向人民法院提起行政诉讼").doesNotContain("{government}");
        assertThat(remedy.get("text").get("en").asString()).contains("the Fuzhou Municipal People's Government");
        assertThat(remedy.get("steps").get(0).get("kind").asString()).isEqualTo("reconsideration");
        assertThat(remedy.get("steps").get(0).get("within").asInt()).isEqualTo(60);
        assertThat(remedy.get("steps").get(0).get("first").asBoolean()).isFalse();
        assertThat(remedy.get("steps").get(1).get("per").asString()).isEqualTo("months");
    }

    @Test
    void anApprovedLicenceStatesNoRemedy() throws Exception {
        var ref = open("licensing", applicant);
        take(ref, Api.bearer(mvc, "officer"), "approve", "符合条件");
        assertThat(viewed(ref, applicant).get("remedy").isNull()).isTrue();
    }

    @Test
    void aRefusalToDiscloseSaysReconsiderationComesFirst() throws Exception {
        var officer = staff(Role.OFFICER, "fz-government-office");
        var refused = requestInformation();
        reply(refused, officer, "{\"type\":\"not-disclosed\",\"text\":\"所申请信息为内部讨论记录\","
                + "\"grounds\":[\"process-information\"]}");
        var remedy = viewed(refused, applicant).get("remedy");
        assertThat(remedy.get("code").asString()).isEqualTo("not-disclosed");
        assertThat(remedy.get("basis").asString()).contains("《中华人民共和国行政复议法》第二十三条第一款第四项");
        assertThat(remedy.get("text").get("zh").asString()).contains("应当先").contains("不能直接起诉");
        assertThat(remedy.get("steps").get(0).get("first").asBoolean()).isTrue();
        assertThat(remedy.get("steps").get(1).get("within").asInt()).isEqualTo(15);

        var notHeld = requestInformation();
        reply(notHeld, officer, "{\"type\":\"not-held\",\"text\":\"经检索没有所申请公开信息\"}");
        assertThat(viewed(notHeld, applicant).get("remedy").get("code").asString()).isEqualTo("disclosure-answer");
    }

    @Test
    void aPenaltyDecisionStatesItsRemediesAndAnOnTheSpotOneReconsiderationFirst() throws Exception {
        var officer = staff(Role.OFFICER, "fz-urban-management");
        var reviewer = staff(Role.REVIEWER, "fz-urban-management");
        var ref = open("administrative-penalty", officer);
        take(ref, officer, "investigate", "立案调查");
        take(ref, officer, "submit-for-review", "提交法制审核");
        var decided = take(ref, reviewer, "pass-review", "事实清楚，证据确凿");
        assertThat(decided.get("remedy").get("code").asString()).isEqualTo("penalty-decision");
        assertThat(decided.get("remedy").get("basis").asString())
                .isEqualTo("《中华人民共和国行政处罚法》第五十九条第一款第五项");

        var onTheSpot = open("administrative-penalty", officer);
        var spot = take(onTheSpot, officer, "decide-on-the-spot", "违法事实确凿，当场警告")
                .get("remedy");
        assertThat(spot.get("code").asString()).isEqualTo("on-the-spot-penalty");
        assertThat(spot.get("text").get("zh").asString()).contains("当场作出的行政处罚决定").contains("应当先");
        assertThat(spot.get("steps").get(0).get("first").asBoolean()).isTrue();
    }

    @Test
    void aPetitionsAnswerStatesReviewThenReReviewNotReconsideration() throws Exception {
        var officer = staff(Role.OFFICER, "fz-petitions");
        var ref = open("petition", applicant);
        take(ref, officer, "accept", "属本机关职权范围");
        take(ref, officer, "answer", "经调查核实，请求不予支持");
        var remedy = viewed(ref, applicant).get("remedy");
        assertThat(remedy.get("code").asString()).isEqualTo("petition-answer");
        assertThat(remedy.get("steps")).extracting(s -> s.get("kind").asString())
                .containsExactly("review", "re-review");
        assertThat(remedy.get("steps").get(0).get("within").asInt()).isEqualTo(30);
        assertThat(remedy.get("text").get("zh").asString()).contains("复查").contains("复核")
                .doesNotContain("行政复议").doesNotContain("行政诉讼");
    }

    @Test
    void theApplicantsCasePageShowsTheRemedy() throws Exception {
        var ref = open("licensing", applicant);
        take(ref, Api.bearer(mvc, "officer"), "refuse", "经营场所不符合卫生规范");
        var resident = new CurrentUser("applicant", "陈有福", Set.of(Role.APPLICANT), null,
                "350102195803120016");
        var page = mvc.perform(get("/my/cases/" + ref).with(authentication(
                        UsernamePasswordAuthenticationToken.authenticated(resident, null,
                                List.of(new SimpleGrantedAuthority(Role.APPLICANT.authority()))))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("如何寻求救济").contains("六十日内向福州市人民政府申请行政复议")
                .contains("《中华人民共和国行政许可法》第三十八条第二款");
    }
}

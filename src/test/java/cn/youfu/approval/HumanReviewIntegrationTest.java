package cn.youfu.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.youfu.Api;
import cn.youfu.YoufuIntegrationTest;
import cn.youfu.identity.CurrentUser;
import cn.youfu.identity.Role;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 个人信息保护法 Art. 24(3): a person may refuse a decision made solely by automated means. A refusal by the rules
 * offers "ask an officer to review"; asking reopens the same case into manual review, on the item's clock from that
 * day, and the ledger records it.
 */
@YoufuIntegrationTest
class HumanReviewIntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** 王秀兰, 59: too young for the elderly card, so the rules refuse her. */
    static final String AGED_59 = "350111196708080221";
    /** 林春生, 61: another resident. */
    static final String AGED_61 = "350104196505200111";

    @Autowired
    MockMvc mvc;

    JsonNode refusedByTheRules(String token) throws Exception {
        var answer = mvc.perform(post("/api/v1/applications").header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"item\":\"elderly-card\",\"form\":{}}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        var decision = JSON.readTree(answer);
        assertThat(decision.get("decision").asString()).isEqualTo("REJECTED");
        return decision;
    }

    @Test
    void aRefusalByTheRulesOffersAnOfficerAndAskingReopensTheCaseOnItsClock() throws Exception {
        var token = Api.bearer(mvc, AGED_59);
        var decision = refusedByTheRules(token);
        var reference = decision.get("reference").asString();
        assertThat(decision.get("humanReview").get("url").asString())
                .isEqualTo("/api/v1/applications/" + reference + "/human-review");
        assertThat(decision.get("remedies").get("code").asString()).isEqualTo("refused-by-the-rules");
        assertThat(decision.get("remedies").get("steps").get(0).get("kind").asString()).isEqualTo("human-review");
        assertThat(decision.get("remedies").get("text").get("zh").asString()).contains("拒绝仅通过自动化决策方式作出的决定");

        var reviewed = JSON.readTree(mvc.perform(post("/api/v1/applications/" + reference + "/human-review")
                        .header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"comment\":\"我下个月满60周岁，请人工核实\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        var today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        assertThat(reviewed.get("state").asString()).isEqualTo("manual-review");
        assertThat(reviewed.get("closed").asBoolean()).isFalse();
        assertThat(reviewed.get("remedy").isNull()).isTrue();
        assertThat(reviewed.get("clock").get("startedOn").asString()).isEqualTo(today);
        assertThat(reviewed.get("clock").get("statutoryDeadline").asString()).isGreaterThan(today);
        assertThat(reviewed.get("clock").get("closedAt").isNull()).isTrue();

        var timeline = JSON.readTree(mvc.perform(get("/api/v1/cases/" + reference + "/timeline")
                .header("Authorization", token)).andReturn().getResponse().getContentAsString());
        var actions = new ArrayList<String>();
        timeline.forEach(e -> actions.add(e.get("action").asString()));
        assertThat(actions).containsSubsequence("case.transition.auto-reject", "case.transition.request-human-review");
        var last = timeline.get(timeline.size() - 1);
        assertThat(last.get("actor").asString()).isEqualTo(AGED_59);
        assertThat(last.get("details").get("comment").asString()).isEqualTo("我下个月满60周岁，请人工核实");

        // The officer of the deciding department has it in the queue and decides; an officer's refusal is final.
        var officer = cn.youfu.identity.internal.TestTokens.bearer(context, "civil-officer", "吴民安", Role.OFFICER,
                null, "fz-civil-affairs");
        mvc.perform(get("/api/v1/inbox").header("Authorization", officer))
                .andExpect(jsonPath("$[*].reference").value(org.hamcrest.Matchers.hasItem(reference)));
        mvc.perform(post("/api/v1/cases/" + reference + "/transitions").header("Authorization", officer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"action\":\"refuse\",\"comment\":\"经核实，申请人未满60周岁\"}"))
                .andExpect(jsonPath("$.state").value("rejected"))
                .andExpect(jsonPath("$.remedy.code").value("application-refused"));
        mvc.perform(post("/api/v1/applications/" + reference + "/human-review").header("Authorization", token))
                .andExpect(status().isConflict());
    }

    @Test
    void onlyTheApplicantMayAskAndOnlyOfARefusalByTheRules() throws Exception {
        var token = Api.bearer(mvc, AGED_59);
        var reference = refusedByTheRules(token).get("reference").asString();
        mvc.perform(post("/api/v1/applications/" + reference + "/human-review")
                        .header("Authorization", Api.bearer(mvc, AGED_61)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/applications/" + reference + "/human-review").header("Authorization", token))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/applications/" + reference + "/human-review").header("Authorization", token))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:youfu:problem:transition-not-allowed"));
    }

    @Test
    void theDecisionPageOffersTheButtonAndItReopensTheCase() throws Exception {
        var resident = new CurrentUser(AGED_59, "王秀兰", Set.of(Role.APPLICANT), null, AGED_59);
        var as = authentication(UsernamePasswordAuthenticationToken.authenticated(resident, null,
                java.util.List.of(new SimpleGrantedAuthority(Role.APPLICANT.authority()))));
        var decided = mvc.perform(multipart("/services/elderly-card/apply").param("phone", "13800000000")
                        .with(as).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        var decision = (DecisionView) decided.getFlashMap().get("decision");
        assertThat(decision.decision()).isEqualTo(Decision.REJECTED);
        var page = mvc.perform(get("/applications/" + decision.reference()).with(as).flashAttrs(decided.getFlashMap()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("请工作人员审核").contains("《中华人民共和国个人信息保护法》第二十四条第三款")
                .contains("value=\"request-human-review\"");
        mvc.perform(post("/my/cases/" + decision.reference() + "/actions").with(as).with(csrf())
                        .param("action", "request-human-review"))
                .andExpect(redirectedUrl("/my/cases/" + decision.reference() + "?done=request-human-review"));
        var casePage = mvc.perform(get("/my/cases/" + decision.reference()).with(as))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(casePage).contains("人工审核中");
    }

    @Autowired
    org.springframework.context.ApplicationContext context;
}

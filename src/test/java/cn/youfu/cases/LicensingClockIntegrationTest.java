package cn.youfu.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.youfu.Api;
import cn.youfu.YoufuIntegrationTest;
import cn.youfu.identity.CurrentUser;
import cn.youfu.identity.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The licensing clock's rules from outside (行政许可法): a request to supplement the materials once and within 5
 * working days of receipt (Art. 32(1)(4)); a hearing, test or expert review told to the applicant in writing with the
 * time it takes (Art. 45); an extension only before the deadline passes, the applicant told why (Art. 42).
 */
@YoufuIntegrationTest
class LicensingClockIntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final CurrentUser OFFICER = new CurrentUser("officer", "林秀英", Set.of(Role.OFFICER), "fz-approval", null);

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    String applicant;
    String officer;
    String supervisor;

    @BeforeEach
    void signIn() throws Exception {
        applicant = Api.bearer(mvc, "applicant");
        officer = Api.bearer(mvc, "officer");
        supervisor = Api.bearer(mvc, "supervisor");
    }

    String open() throws Exception {
        var body = mvc.perform(post("/api/v1/cases").header("Authorization", applicant)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"licensing\",\"title\":\"食品经营许可\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JSON.readTree(body).get("reference").asString();
    }

    ResultActions take(String reference, String token, Map<String, Object> request) throws Exception {
        return mvc.perform(post("/api/v1/cases/" + reference + "/transitions").header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(request)));
    }

    /** The case as if received {@code days} calendar days ago (its clock from then too). */
    void receivedDaysAgo(String reference, int days) {
        jdbc.sql("""
                        UPDATE cases.case SET created_at = created_at - make_interval(days => :days),
                          clock_started_on = clock_started_on - :days,
                          statutory_deadline = statutory_deadline - :days
                        WHERE reference = :reference""")
                .param("days", days).param("reference", reference).update();
    }

    List<String> notifications(String token) throws Exception {
        var texts = new ArrayList<String>();
        JSON.readTree(mvc.perform(get("/api/v1/notifications").header("Authorization", token))
                .andReturn().getResponse().getContentAsString()).forEach(n -> texts.add(n.get("text").asString()));
        return texts;
    }

    JsonNode timeline(String reference) throws Exception {
        return JSON.readTree(mvc.perform(get("/api/v1/cases/" + reference + "/timeline")
                .header("Authorization", applicant)).andReturn().getResponse().getContentAsString());
    }

    @Test
    void aSecondRequestToSupplementIsRefused() throws Exception {
        var ref = open();
        take(ref, officer, Map.of("action", "request-supplement", "comment", "请一次性补充：营业执照副本、平面图"))
                .andExpect(status().isOk());
        take(ref, applicant, Map.of("action", "supplement")).andExpect(jsonPath("$.state").value("received"));
        take(ref, officer, Map.of("action", "request-supplement", "comment", "还缺卫生管理制度"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:youfu:problem:action-only-once"))
                .andExpect(jsonPath("$.detail").value(containsString("只能进行一次")));
        mvc.perform(get("/api/v1/cases/" + ref).header("Authorization", officer))
                .andExpect(jsonPath("$.allowedActions[?(@.action == 'request-supplement')]").isEmpty())
                .andExpect(jsonPath("$.withheldActions[0].action").value("request-supplement"));
    }

    @Test
    void aRequestToSupplementAfterFiveWorkingDaysIsRefusedOnTheApiAndThePage() throws Exception {
        var ref = open();
        receivedDaysAgo(ref, 10); // ten calendar days hold at least five working days
        take(ref, officer, Map.of("action", "request-supplement", "comment", "缺材料"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:youfu:problem:action-too-late"))
                .andExpect(jsonPath("$.lastDay").isString());
        var page = mvc.perform(get("/officer/cases/" + ref).with(as(OFFICER))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("一次性告知补正").contains("法定期限已于").contains("《行政许可法》第三十二条第一款第四项");
        assertThat(page).doesNotContain("value=\"request-supplement\"");
        // a form posted from a page shown before the time ran out is refused with why
        mvc.perform(post("/officer/cases/" + ref + "/actions").with(as(OFFICER)).with(csrf())
                        .param("action", "request-supplement").param("comment", "缺材料"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("后的法定期限内进行")));
        take(ref, officer, Map.of("action", "approve")).andExpect(jsonPath("$.state").value("approved"));
    }

    @Test
    void aHearingIsToldToTheApplicantInWritingWithItsExpectedDuration() throws Exception {
        var ref = open();
        take(ref, officer, Map.of("action", "accept")).andExpect(status().isOk());
        take(ref, officer, Map.of("action", "hold-hearing", "comment", "申请人申请听证"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("expectedDays"));
        take(ref, officer, Map.of("action", "hold-hearing", "comment", "申请人申请听证", "expectedDays", 10))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.clock.paused").value(true));
        assertThat(notifications(applicant)).anySatisfy(text -> assertThat(text).contains(ref).contains("书面告知")
                .contains("10 个工作日").contains("申请人申请听证"));
        var last = timeline(ref).get(timeline(ref).size() - 1);
        assertThat(last.get("action").asString()).isEqualTo("case.transition.hold-hearing");
        assertThat(last.get("details").get("expectedDays").asInt()).isEqualTo(10);
    }

    @Test
    void anExtensionAfterTheDeadlineIsRefusedAndOneBeforeItIsToldWithItsReason() throws Exception {
        var late = open();
        receivedDaysAgo(late, 40); // 20 working days are over
        take(late, supervisor, Map.of("action", "extend", "comment", "案情复杂"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:youfu:problem:extension-too-late"));

        var ref = open();
        take(ref, supervisor, Map.of("action", "extend", "comment", "需组织现场核查，经负责人批准"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.clock.extensions").value(1));
        assertThat(notifications(applicant)).anySatisfy(text -> assertThat(text).contains(ref).contains("延长")
                .contains("需组织现场核查，经负责人批准"));
        var last = timeline(ref).get(timeline(ref).size() - 1);
        assertThat(last.get("action").asString()).isEqualTo("case.extended");
        assertThat(last.get("details").get("reason").asString()).isEqualTo("需组织现场核查，经负责人批准");
    }

    static org.springframework.test.web.servlet.request.RequestPostProcessor as(CurrentUser user) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
    }
}

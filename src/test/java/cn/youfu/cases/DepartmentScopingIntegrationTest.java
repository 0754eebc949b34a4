package cn.youfu.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.youfu.Api;
import cn.youfu.YoufuIntegrationTest;
import cn.youfu.identity.Role;
import cn.youfu.identity.internal.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/**
 * Staff see and do their own department's work: without a department, an officer or reviewer has no inbox; an
 * officer opens cases for their own department only, and opening one gives them no hold on it as its "applicant";
 * a citizen's request moves only through the dispatch module's API.
 */
@YoufuIntegrationTest
class DepartmentScopingIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;

    @Test
    void staffWithoutADepartmentHaveNoInbox() throws Exception {
        for (var role : new Role[] {Role.REVIEWER, Role.OFFICER}) {
            var nobody = TestTokens.bearer(context, "no-dept-" + role.claim(), "无部门", role, null, null);
            mvc.perform(get("/api/v1/inbox").header("Authorization", nobody))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.type").value("urn:youfu:problem:no-department"));
        }
    }

    @Test
    void anOfficerCannotOpenACaseForAnotherDepartment() throws Exception {
        var officer = Api.bearer(mvc, "officer"); // fz-approval
        long before = cases();
        openPenalty(officer, "fz-urban-management")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:youfu:problem:not-your-department"));
        openPenalty(officer, "no-such-department").andExpect(status().isForbidden());
        assertThat(cases()).isEqualTo(before);
    }

    @Test
    void anOfficerCannotActOnAnotherDepartmentsCaseTheyOpened() throws Exception {
        var urban = TestTokens.bearer(context, "urban-chen", "陈城管", Role.OFFICER, null, "fz-urban-management");
        var reference = JsonMapper.builder().build().readTree(openPenalty(urban, null)
                .andExpect(status().isCreated()).andExpect(jsonPath("$.department").value("fz-urban-management"))
                .andReturn().getResponse().getContentAsString()).get("reference").asString();

        // An officer of another department who opened it under their own name is not its "applicant".
        var approval = Api.bearer(mvc, "officer");
        mvc.perform(post("/api/v1/cases/" + reference + "/transitions").header("Authorization", approval)
                .contentType(MediaType.APPLICATION_JSON).content("{\"action\":\"investigate\"}"))
                .andExpect(status().isNotFound());
        var staffApplicant = TestTokens.bearer(context, "urban-chen", "陈城管", Role.OFFICER, null, "fz-approval");
        mvc.perform(post("/api/v1/cases/" + reference + "/transitions").header("Authorization", staffApplicant)
                .contentType(MediaType.APPLICATION_JSON).content("{\"action\":\"investigate\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:youfu:problem:not-your-department"));
        assertThat(state(reference)).isEqualTo("filed");

        mvc.perform(post("/api/v1/cases/" + reference + "/transitions").header("Authorization", urban)
                .contentType(MediaType.APPLICATION_JSON).content("{\"action\":\"investigate\"}"))
                .andExpect(status().isOk());
        assertThat(state(reference)).isEqualTo("investigating");
    }

    @Test
    void aResidentCannotChooseTheDepartment() throws Exception {
        mvc.perform(post("/api/v1/cases").header("Authorization", Api.bearer(mvc, "applicant"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"licensing\",\"title\":\"食品经营许可\",\"department\":\"fz-justice\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("department"));
    }

    @Test
    void aCitizensRequestMovesOnlyThroughDispatch() throws Exception {
        var resident = Api.bearer(mvc, "applicant");
        var event = JsonMapper.builder().build().readTree(mvc.perform(post("/api/v1/dispatch/events")
                        .header("Authorization", resident).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"help\",\"text\":\"鼓楼区五四路路灯不亮已经一周了，晚上很不安全\"}"))
                .andReturn().getResponse().getContentAsString());
        var reference = event.get("reference").asString();
        var dispatcher = TestTokens.bearer(context, "operator-wu", "吴接线", Role.OFFICER, null, "fz-12345");
        for (var action : new String[] {"dispatch", "merge", "take-on"}) {
            mvc.perform(post("/api/v1/cases/" + reference + "/transitions").header("Authorization", dispatcher)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"action\":\"" + action + "\",\"comment\":\"绕过派单\"}"))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.type").value("urn:youfu:problem:moved-by-module"));
        }
        mvc.perform(post("/api/v1/cases").header("Authorization", resident).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"citizen-request\",\"title\":\"绕过分类\"}"))
                .andExpect(status().isBadRequest());
    }

    private ResultActions openPenalty(String token, String department) throws Exception {
        return mvc.perform(post("/api/v1/cases").header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"type\":\"administrative-penalty\",\"title\":\"占道经营\""
                        + (department == null ? "" : ",\"department\":\"" + department + "\"") + "}"));
    }

    private long cases() {
        return jdbc.sql("SELECT count(*) FROM cases.case").query(Long.class).single();
    }

    private String state(String reference) {
        return jdbc.sql("SELECT state FROM cases.case WHERE reference = ?").param(reference).query(String.class)
                .single();
    }
}

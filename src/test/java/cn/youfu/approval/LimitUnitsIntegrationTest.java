package cn.youfu.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.youfu.YoufuIntegrationTest;
import cn.youfu.calendar.Calendars;
import cn.youfu.identity.Role;
import cn.youfu.identity.internal.TestTokens;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every limit in its unit, from outside: the catalogue says which limits a law sets and in what unit, and a case on
 * an item's clock counts its deadline in that unit (a residence permit's 15 日 are calendar days, Civil Code Art. 203
 * moving a last day that is a rest day to the next working day).
 */
@YoufuIntegrationTest
class LimitUnitsIntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** 李明: a valid ID number the population registry does not know, so every application goes to an officer. */
    static final String UNKNOWN = "350102198001010134";

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    Calendars calendars;

    @Test
    void theCatalogueGivesEachLimitItsUnitAndBasis() throws Exception {
        mvc.perform(get("/api/v1/catalog/items/residence-permit"))
                .andExpect(jsonPath("$.statutory.days").value(15))
                .andExpect(jsonPath("$.statutory.unit").value("DAYS"))
                .andExpect(jsonPath("$.statutory.text").value("15 日（自然日）"))
                .andExpect(jsonPath("$.statutory.basis").value("《居住证暂行条例》第九条第六款"))
                .andExpect(jsonPath("$.promised.unit").value("WORKING_DAYS"))
                .andExpect(jsonPath("$.extension").isEmpty());
        mvc.perform(get("/api/v1/catalog/items/individual-business-registration").header("Accept-Language", "en"))
                .andExpect(jsonPath("$.statutory.text").value("3 working days"))
                .andExpect(jsonPath("$.extension.days").value(3));
        mvc.perform(get("/api/v1/catalog/items/real-estate-record-query"))
                .andExpect(jsonPath("$.statutory").isEmpty())
                .andExpect(jsonPath("$.promised.basis").value(org.hamcrest.Matchers.containsString("即办")));
        mvc.perform(get("/api/v1/catalog/items"))
                .andExpect(jsonPath("$[?(@.code == 'unemployment-insurance-benefit')].statutory.unit").value("DAYS"));
    }

    @Test
    void aReferredResidencePermitRunsOnFifteenCalendarDays() throws Exception {
        var token = TestTokens.bearer(context, UNKNOWN, "李明", Role.APPLICANT, UNKNOWN);
        var answer = mvc.perform(post("/api/v1/applications").header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"item":"residence-permit","form":{"living_since":"2024-01-01","address":"鼓楼区测试路1号"}}"""))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        var decision = JSON.readTree(answer);
        assertThat(decision.get("decision").asString()).isEqualTo("MANUAL_REVIEW");
        var today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        var due = calendars.current().dayDeadline(today, 15, List.of()).deadline();
        var review = decision.get("manualReview");
        assertThat(review.get("statutoryDeadline").asString()).isEqualTo(due.toString());
        assertThat(review.get("statutoryLimit").get("unit").asString()).isEqualTo("DAYS");
        assertThat(review.get("statutoryLimit").get("byLaw").asBoolean()).isTrue();
        mvc.perform(get("/api/v1/cases/" + decision.get("reference").asString()).header("Authorization", token))
                .andExpect(jsonPath("$.clock.unit").value("DAYS"))
                .andExpect(jsonPath("$.clock.statutory.days").value(15))
                .andExpect(jsonPath("$.clock.statutory.basis").value("《居住证暂行条例》第九条第六款"))
                .andExpect(jsonPath("$.clock.statutoryDeadline").value(due.toString()))
                .andExpect(jsonPath("$.clock.promised.unit").value("WORKING_DAYS"))
                .andExpect(jsonPath("$.clock.extension").isEmpty())
                .andExpect(jsonPath("$.allowedActions[?(@.action == 'extend')]").isEmpty());
    }

    @Test
    void anItemNoLawGivesALimitRunsOnItsPromiseAndSaysSo() throws Exception {
        var token = TestTokens.bearer(context, UNKNOWN, "李明", Role.APPLICANT, UNKNOWN);
        var answer = mvc.perform(post("/api/v1/applications").header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"item\":\"elderly-card\",\"form\":{}}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        var reference = JSON.readTree(answer).get("reference").asString();
        mvc.perform(get("/api/v1/cases/" + reference).header("Authorization", token))
                .andExpect(jsonPath("$.clock.statutory.byLaw").value(false))
                .andExpect(jsonPath("$.clock.statutory.days").value(1))
                .andExpect(jsonPath("$.clock.statutory.basis").value("福州市政务服务事项承诺时限"));
    }

    @Test
    void theItemPageShowsTheUnit() throws Exception {
        var page = mvc.perform(get("/services/residence-permit")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("15 日（自然日）").contains("《居住证暂行条例》第九条第六款");
        var none = mvc.perform(get("/services/elderly-card")).andReturn().getResponse().getContentAsString();
        assertThat(none).contains("法律未规定办理时限");
    }
}

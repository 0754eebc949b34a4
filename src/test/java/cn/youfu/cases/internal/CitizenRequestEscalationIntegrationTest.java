package cn.youfu.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.youfu.Api;
import cn.youfu.YoufuIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A citizen's request left untouched past its deadlines: the case engine's clock sweep escalates it (督办) and marks
 * it overdue, and the dispatch module's supervisor view (the three rates) and the case supervision figures show it.
 * Lives beside {@link ClockSweep} because the sweep is this module's internal; the dispatch side is reached through
 * its API only.
 */
@YoufuIntegrationTest
class CitizenRequestEscalationIntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    ClockSweep sweep;
    @Autowired
    Clock clock;

    @Test
    void anOverdueCitizenRequestIsEscalatedAndReachesTheSupervisorsView() throws Exception {
        var resident = Api.bearer(mvc, "applicant");
        var supervisor = Api.bearer(mvc, "supervisor");
        var event = json(mvc.perform(post("/api/v1/dispatch/events").header("Authorization", resident)
                .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(Map.of("kind", "complaint",
                        "text", "投诉小区物业公司：未经业主同意在小区公共道路乱收停车费，物业还擅自停水停电，"
                                + "业主多次向物业和社区反映无人处理，请住建部门督促物业整改。")))),
                201);
        var ref = event.get("reference").asString();
        assertThat(event.get("state").asString()).isEqualTo("dispatched");
        var department = event.get("department").asString();
        var before = departmentRates(supervisor, department);
        assertThat(event.get("escalated").asBoolean()).isFalse();

        // Nobody takes it on: thirty days later both the response and the handling deadlines have passed.
        assertThat(sweep.sweep(clock.instant().plus(Duration.ofDays(30)))).isGreaterThanOrEqualTo(1);

        JsonNode seen = null;
        for (int i = 0; i < 250; i++) { // the dispatch module hears of the alert after the sweep's commit
            seen = json(mvc.perform(get("/api/v1/dispatch/events/" + ref).header("Authorization", supervisor)), 200);
            if (seen.get("escalated").asBoolean() && seen.get("overdue").asBoolean()) {
                break;
            }
            Thread.sleep(20);
        }
        assertThat(seen.get("escalated").asBoolean()).isTrue();
        assertThat(seen.get("overdue").asBoolean()).isTrue();

        var after = departmentRates(supervisor, department);
        assertThat(after.get("escalated").asLong()).isGreaterThanOrEqualTo(before.get("escalated").asLong() + 1);
        assertThat(after.get("overdue").asLong()).isGreaterThanOrEqualTo(before.get("overdue").asLong() + 1);
        assertThat(after.get("respondedOnTime").asLong()).isEqualTo(before.get("respondedOnTime").asLong());
        assertThat(after.get("responseRate").asDouble()).isLessThan(1.0);

        var figures = json(mvc.perform(get("/api/v1/supervision/stats").header("Authorization", supervisor)), 200);
        var byType = figures.get("byType");
        JsonNode requests = null;
        for (var f : byType) {
            if (f.get("key").asString().equals("citizen-request")) {
                requests = f;
            }
        }
        assertThat(requests).as("case supervision figures of citizen-request").isNotNull();
        assertThat(requests.get("openOverdue").asLong()).isGreaterThanOrEqualTo(1);
    }

    private JsonNode departmentRates(String supervisor, String department) throws Exception {
        var dashboard = json(mvc.perform(get("/api/v1/dispatch/supervision").header("Authorization", supervisor)),
                200);
        for (var d : dashboard.get("departments")) {
            if (d.get("department").asString().equals(department)) {
                return d;
            }
        }
        throw new AssertionError("no three rates for " + department + " in " + dashboard);
    }

    private static JsonNode json(org.springframework.test.web.servlet.ResultActions result, int expected)
            throws Exception {
        return JSON.readTree(result.andExpect(status().is(expected)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }
}

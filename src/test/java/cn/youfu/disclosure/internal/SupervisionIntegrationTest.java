package cn.youfu.disclosure.internal;

import static cn.youfu.disclosure.internal.DisclosureFixture.today;
import static org.assertj.core.api.Assertions.assertThat;

import cn.youfu.YoufuIntegrationTest;
import cn.youfu.calendar.Calendars;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** At-risk requests head the officers' list; on-time rates per department count every reply once. */
@YoufuIntegrationTest
class SupervisionIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Calendars calendars;
    DisclosureFixture f;

    @BeforeEach
    void people() throws Exception {
        f = new DisclosureFixture(mvc);
    }

    /** Time has passed for this request: it was received on {@code receivedOn}. */
    LocalDate receivedOn(String reference, LocalDate receivedOn) {
        var deadline = calendars.current().deadline(receivedOn, 20).deadline();
        jdbc.sql("UPDATE cases.case SET clock_started_on = ?, statutory_deadline = ? WHERE reference = ?")
                .params(receivedOn, deadline, reference).update();
        return deadline;
    }

    /** The day whose 20th working day after is {@code workingDays} working days from today. */
    LocalDate receivedSoThatDeadlineIsIn(int workingDays) {
        var day = today();
        while (calendars.current().deadline(day, 20).deadline().isAfter(
                calendars.current().deadline(today(), workingDays).deadline())) {
            day = day.minusDays(1);
        }
        return day;
    }

    JsonNode department(JsonNode figures, String code) {
        for (var line : figures.get("byDepartment")) {
            if (line.get("department").asString().equals(code)) {
                return line;
            }
        }
        return null;
    }

    @Test
    void requestsNearOrPastTheirDeadlineHeadTheInboxAndCountInTheRates() throws Exception {
        var calm = f.submit().get("reference").asString();
        var near = f.submit().get("reference").asString();
        var past = f.submit().get("reference").asString();
        receivedOn(near, receivedSoThatDeadlineIsIn(2));
        assertThat(receivedOn(past, today().minusDays(60))).isBefore(today());

        var inbox = f.get(f.officer, "/api/v1/disclosure/inbox", 200);
        var order = inbox.findValuesAsString("reference");
        assertThat(order.indexOf(past)).isLessThan(order.indexOf(near));
        assertThat(order.indexOf(near)).isLessThan(order.indexOf(calm));
        for (var line : inbox) {
            if (line.get("reference").asString().equals(near)) {
                assertThat(line.get("atRisk").asBoolean()).isTrue();
                assertThat(line.get("workingDaysLeft").asInt()).isEqualTo(2);
            }
            if (line.get("reference").asString().equals(calm)) {
                assertThat(line.get("atRisk").asBoolean()).isFalse();
            }
            if (line.get("reference").asString().equals(past)) {
                assertThat(line.get("overdue").asBoolean()).isTrue();
            }
            assertThat(line.toString()).doesNotContain("陈有福", "13812345678");
        }
        assertThat(f.get(f.otherOfficer, "/api/v1/disclosure/inbox", 200).findValuesAsString("reference"))
                .doesNotContain(calm, near, past);

        var before = department(f.get(f.supervisor, "/api/v1/disclosure/supervision", 200), "fz-government-office");
        long replied = before == null ? 0 : before.get("replied").asLong();
        long onTime = before == null ? 0 : before.get("repliedOnTime").asLong();
        f.step(f.officer, calm, "reply", DisclosureRepliesIntegrationTest.REPLIES.get("not-held"), 201);
        var late = f.step(f.officer, past, "reply", DisclosureRepliesIntegrationTest.REPLIES.get("not-held"), 201);
        assertThat(late.get("onTime").asBoolean()).isFalse();
        var figures = f.get(f.supervisor, "/api/v1/disclosure/supervision", 200);
        var after = department(figures, "fz-government-office");
        assertThat(after.get("replied").asLong()).isEqualTo(replied + 2);
        assertThat(after.get("repliedOnTime").asLong()).isEqualTo(onTime + 1);
        assertThat(after.get("onTimeRate").asDouble())
                .isEqualTo((double) (onTime + 1) / (replied + 2), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(figures.get("overall").get("replied").asLong()).isGreaterThanOrEqualTo(replied + 2);
        f.get(f.officer, "/api/v1/disclosure/supervision", 403);
        f.get(f.supervisor, "/api/v1/disclosure/supervision?from=2026-13-01", 400);
    }
}

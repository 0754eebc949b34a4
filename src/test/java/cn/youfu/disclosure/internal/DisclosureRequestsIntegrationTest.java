package cn.youfu.disclosure.internal;

import static cn.youfu.disclosure.internal.DisclosureFixture.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.youfu.YoufuIntegrationTest;
import cn.youfu.calendar.Calendars;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** Requests for government information through the API, on the real calendar and database; today is today. */
@YoufuIntegrationTest
class DisclosureRequestsIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Calendars calendars;
    @Autowired
    DisclosureSweep sweep;
    DisclosureFixture f;

    @BeforeEach
    void people() throws Exception {
        f = new DisclosureFixture(mvc);
    }

    LocalDate twentyWorkingDaysAfter(LocalDate day) {
        return calendars.current().deadline(day, 20).deadline();
    }

    long ledger(String reference, String action) {
        return jdbc.sql("SELECT count(*) FROM audit.entry WHERE stream = ? AND action = ?").params(reference, action)
                .query(Long.class).single();
    }

    @Test
    void aResidentsRequestIsReceivedTodayAndAnsweredWithinTwentyWorkingDays() throws Exception {
        var request = f.submit();
        var ref = request.get("reference").asString();
        assertThat(request.get("state").asString()).isEqualTo("received");
        assertThat(request.get("agency").asString()).isEqualTo("fz-government-office");
        assertThat(request.get("receivedOn").asString()).isEqualTo(today().toString());
        assertThat(request.get("deadline").asString()).isEqualTo(twentyWorkingDaysAfter(today()).toString());
        assertThat(request.get("applicant").get("kind").asString()).isEqualTo("resident");
        assertThat(request.get("applicant").get("name").asString()).isEqualTo("陈有福");
        assertThat(request.get("applicant").get("id").asString()).doesNotContain("19580312");
        assertThat(request.get("actions")).extracting(JsonNode::asString).containsExactly("withdraw");
        assertThat(ledger(ref, "disclosure.request-received")).isOne();
        assertThat(ledger(ref, "case.opened")).isOne();

        var clock = f.get(f.resident, "/api/v1/disclosure-requests/" + ref + "/clock", 200);
        assertThat(clock.get("deadline").asString()).isEqualTo(request.get("deadline").asString());
        assertThat(clock.get("counted").asInt()).isEqualTo(20);
        assertThat(clock.get("provisional").asBoolean()).as("a year without its holiday notice is said so")
                .isEqualTo(calendars.current().isProvisional(today(), twentyWorkingDaysAfter(today())));
        assertThat(clock.get("days").get(0).get("kind").asString()).isEqualTo("RECEIVED");
        assertThat(clock.get("days").get(0).get("reason").asString()).contains("次日起算");
        var enterprise = f.submit(f.enterprise, DisclosureFixture.request("请公开福州市2026年企业扶持资金名单"));
        assertThat(enterprise.get("applicant").get("kind").asString()).isEqualTo("enterprise");
    }

    @Test
    void aRequestThatIsIncompleteOrFromStaffIsRefusedAndOpensNothing() throws Exception {
        long before = jdbc.sql("SELECT count(*) FROM disclosure.request").query(Long.class).single();
        String[][] bad = {
                {"{\"delivery\":\"online\",\"phone\":\"13812345678\"}", "description"},
                {"{\"description\":\"合同\",\"delivery\":\"fax\",\"phone\":\"13812345678\"}", "delivery"},
                {"{\"description\":\"合同\",\"delivery\":\"email\",\"phone\":\"13812345678\"}", "email"},
                {"{\"description\":\"合同\",\"delivery\":\"post\",\"phone\":\"13812345678\"}", "address"},
                {"{\"description\":\"合同\",\"delivery\":\"online\"}", "phone"},
                {"{\"description\":\"合同\",\"delivery\":\"online\",\"phone\":\"abc\"}", "phone"},
                {"{\"description\":\"合同\",\"delivery\":\"online\",\"phone\":\"13812345678\",\"agency\":\"fz-x\"}",
                        "agency"},
        };
        for (var b : bad) {
            mvc.perform(post("/api/v1/disclosure-requests").header("Authorization", f.resident)
                            .contentType(MediaType.APPLICATION_JSON).content(b[0]))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.parameter").value(b[1]));
        }
        mvc.perform(post("/api/v1/disclosure-requests").header("Authorization", f.officer)
                        .contentType(MediaType.APPLICATION_JSON).content(DisclosureFixture.request("合同")))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT count(*) FROM disclosure.request").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void correctionIsAskedOnceTheCorrectedRequestRestartsTheClockAndOtherDepartmentsCannotAct() throws Exception {
        var ref = f.submit().get("reference").asString();
        f.get(f.otherOfficer, "/api/v1/disclosure-requests/" + ref, 404);
        f.step(f.otherOfficer, ref, "correction-request", "{\"whatToCorrect\":\"写明路段\"}", 404);
        // The case API refuses a step that needs the module's records.
        mvc.perform(post("/api/v1/cases/" + ref + "/transitions").header("Authorization", f.officer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"action\":\"request-correction\",\"comment\":\"不明确\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:youfu:problem:transition-taken-through"));

        var asked = f.step(f.officer, ref, "correction-request",
                "{\"whatToCorrect\":\"请写明所需合同对应的路段名称\",\"workingDays\":10}", 200);
        assertThat(asked.get("state").asString()).isEqualTo("awaiting-correction");
        assertThat(asked.get("paused").asBoolean()).isTrue();
        assertThat(asked.get("deadline").isNull()).isTrue();
        assertThat(asked.get("steps").get(0).get("dueOn").asString())
                .isEqualTo(calendars.current().deadline(today(), 10).deadline().toString());
        assertThat(ledger(ref, "disclosure.notice.correction")).isOne();
        var again = f.step(f.officer, ref, "correction-request", "{\"whatToCorrect\":\"再补\"}", 409);
        assertThat(again.get("type").asString()).isEqualTo("urn:youfu:problem:disclosure-correction-once");

        var corrected = f.step(f.resident, ref, "correction",
                "{\"description\":\"请公开2026年鼓楼区五一路道路养护工程的施工合同\"}", 200);
        assertThat(corrected.get("state").asString()).isEqualTo("received");
        assertThat(corrected.get("correctedOn").asString()).isEqualTo(today().toString());
        assertThat(corrected.get("deadline").asString()).isEqualTo(twentyWorkingDaysAfter(today()).toString());
        assertThat(corrected.get("steps").get(0).get("outcome").asString()).isEqualTo("corrected");
        var clock = f.get(f.officer, "/api/v1/disclosure-requests/" + ref + "/clock", 200);
        assertThat(clock.get("periodStart").asString()).isEqualTo(today().toString());
        assertThat(clock.get("deadline").asString()).isEqualTo(corrected.get("deadline").asString());
        f.step(f.officer, ref, "correction-request", "{\"whatToCorrect\":\"再补\"}", 409);
    }

    @Test
    void aCorrectionIsAskedWithinSevenWorkingDaysOfReceipt() throws Exception {
        var ref = f.submit().get("reference").asString();
        jdbc.sql("UPDATE disclosure.request SET received_on = ? WHERE reference = ?")
                .params(today().minusDays(14), ref).update();
        var late = f.step(f.officer, ref, "correction-request", "{\"whatToCorrect\":\"写明路段\"}", 409);
        assertThat(late.get("type").asString()).isEqualTo("urn:youfu:problem:disclosure-correction-too-late");
        assertThat(f.get(f.resident, "/api/v1/disclosure-requests/" + ref, 200).get("state").asString())
                .isEqualTo("received");
    }

    @Test
    void aRequestNotCorrectedInTimeIsClosedAsAbandonedWithNotice() throws Exception {
        var ref = f.submit().get("reference").asString();
        f.step(f.officer, ref, "correction-request", "{\"whatToCorrect\":\"请写明路段\",\"workingDays\":5}", 200);
        // The time allowed has run out: its last day was yesterday.
        jdbc.sql("UPDATE disclosure.step SET due_on = ? WHERE reference = ?").params(today().minusDays(1), ref)
                .update();
        assertThat(sweep.sweep()).isPositive();
        var closed = f.get(f.resident, "/api/v1/disclosure-requests/" + ref, 200);
        assertThat(closed.get("state").asString()).isEqualTo("abandoned");
        assertThat(closed.get("closed").asBoolean()).isTrue();
        assertThat(closed.get("steps").get(0).get("outcome").asString()).isEqualTo("abandoned");
        assertThat(ledger(ref, "case.transition.abandon")).isOne();
        assertThat(ledger(ref, "disclosure.notice.abandonment")).isOne();
        assertThat(jdbc.sql("SELECT count(*) FROM notifications.message WHERE reference = ?").param(ref)
                .query(Long.class).single()).isGreaterThanOrEqualTo(2);
        f.step(f.resident, ref, "correction", "{\"description\":\"补正\"}", 409);
    }

    @Test
    void aThirdPartyConsultationPausesTheClockUntilItsOpinionOrItsFifteenWorkingDaysEnd() throws Exception {
        var ref = f.submit().get("reference").asString();
        var consulting = f.step(f.officer, ref, "consultations",
                "{\"party\":\"third-party\",\"who\":\"福州某建设有限公司\",\"what\":\"合同中的报价明细\"}", 200);
        assertThat(consulting.get("state").asString()).isEqualTo("third-party-consultation");
        assertThat(consulting.get("paused").asBoolean()).isTrue();
        assertThat(consulting.get("steps").get(0).get("dueOn").asString())
                .isEqualTo(calendars.current().deadline(today(), 15).deadline().toString());
        assertThat(f.get(f.resident, "/api/v1/disclosure-requests/" + ref + "/clock", 200).get("paused").asBoolean())
                .isTrue();
        var resumed = f.step(f.officer, ref, "consultations/end", "{\"opinion\":\"第三方不同意公开报价明细\"}", 200);
        assertThat(resumed.get("state").asString()).isEqualTo("received");
        f.step(f.officer, ref, "consultations/end", "{}", 409);

        // A second consultation whose fifteen working days end today: the platform resumes the clock.
        f.step(f.officer, ref, "consultations",
                "{\"party\":\"third-party\",\"who\":\"另一公司\",\"what\":\"验收报告中的技术数据\"}", 200);
        jdbc.sql("UPDATE disclosure.step SET due_on = ? WHERE reference = ? AND ended_on IS NULL")
                .params(today(), ref).update();
        sweep.sweep();
        var lapsed = f.get(f.resident, "/api/v1/disclosure-requests/" + ref, 200);
        assertThat(lapsed.get("state").asString()).isEqualTo("received");
        assertThat(lapsed.get("steps").get(1).get("outcome").asString()).isEqualTo("lapsed");
        assertThat(lapsed.get("deadline").asString()).isEqualTo(
                f.get(f.resident, "/api/v1/disclosure-requests/" + ref + "/clock", 200).get("deadline").asString());
    }

    @Test
    void theHeadExtendsOnceByTwentyWorkingDaysAndTheApplicantIsToldWhy() throws Exception {
        var ref = f.submit().get("reference").asString();
        f.step(f.officer, ref, "extension", "{\"reason\":\"需调取档案\"}", 403);
        f.step(f.supervisor, ref, "extension", "{}", 400);
        var extended = f.step(f.supervisor, ref, "extension", "{\"reason\":\"需调取多年档案\"}", 200);
        assertThat(extended.get("extensions").asInt()).isOne();
        assertThat(extended.get("deadline").asString())
                .isEqualTo(calendars.current().deadline(today(), 40).deadline().toString());
        assertThat(extended.get("steps").get(0).get("kind").asString()).isEqualTo("extension");
        assertThat(extended.get("steps").get(0).get("text").asString()).isEqualTo("需调取多年档案");
        assertThat(ledger(ref, "disclosure.notice.extension")).isOne();
        var clock = f.get(f.resident, "/api/v1/disclosure-requests/" + ref + "/clock", 200);
        assertThat(clock.get("workingDays").asInt()).isEqualTo(40);
        assertThat(clock.get("deadline").asString()).isEqualTo(extended.get("deadline").asString());
        f.step(f.supervisor, ref, "extension", "{\"reason\":\"再延\"}", 409);
    }

    @Test
    void theApplicantWithdrawsBeforeTheReply() throws Exception {
        var ref = f.submit().get("reference").asString();
        f.step(f.enterprise, ref, "withdrawal", null, 404);
        var withdrawn = f.step(f.resident, ref, "withdrawal", null, 200);
        assertThat(withdrawn.get("state").asString()).isEqualTo("withdrawn");
        assertThat(withdrawn.get("actions")).isEmpty();
    }
}

package cn.youfu.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.youfu.calendar.DateInterval;
import cn.youfu.calendar.WorkingDayCalendar;
import cn.youfu.calendar.internal.HolidayScheduleLoader;
import cn.youfu.cases.CaseEvents.Alert;
import cn.youfu.cases.CaseEvents.CaseClockAlerted;
import cn.youfu.cases.CaseEvents.CaseExtended;
import cn.youfu.cases.CaseEvents.CaseOpened;
import cn.youfu.cases.CaseEvents.CaseTransitioned;
import cn.youfu.identity.Role;
import cn.youfu.platform.InvalidParameterException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Every case type's lifecycle and clock rules, on the real holiday schedule, without Spring. */
class CaseLifecycleTest {

    static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar(
            new HolidayScheduleLoader(JsonMapper.builder().build()).loadClasspath("holiday-cn"));
    static final Map<String, CaseType> TYPES = new java.util.HashMap<>();

    static {
        new CaseTypeLoader().loadClasspath().forEach(t -> TYPES.put(t.code(), t));
    }

    static final Actor RESIDENT = new Actor("applicant", Set.of(Role.APPLICANT), null);
    static final Actor OFFICER = new Actor("officer", Set.of(Role.OFFICER), "fz-approval");
    static final Actor REVIEWER = new Actor("reviewer", Set.of(Role.REVIEWER), "fz-justice");
    static final Actor SUPERVISOR = new Actor("supervisor", Set.of(Role.SUPERVISOR), "fz-government-office");

    static Instant on(String date) {
        return LocalDate.parse(date).atTime(LocalTime.of(10, 0)).atZone(Case.CHINA).toInstant();
    }

    static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    static Case open(String type, String date) {
        return Case.open(TYPES.get(type), "FZ-2026-00000001", RESIDENT,
                new Case.Applicant("applicant", "陈有福", "350102195803120016"), TYPES.get(type).department(),
                "测试", Map.of(), on(date), CALENDAR);
    }

    @Test
    void licensingPausedForSupplementAcrossSpringFestival() {
        var aCase = open("licensing", "2026-02-10");
        var s = aCase.snapshot();
        assertThat(s.statutoryDeadline()).isEqualTo(d("2026-03-16")); // 20 working days, Spring Festival off
        assertThat(s.promisedDeadline()).isEqualTo(d("2026-02-24"));  // 11, 12, 13, 14 (Sat make-up), 24
        assertThat(aCase.events()).singleElement().isInstanceOf(CaseOpened.class);

        aCase.take("request-supplement", OFFICER, "缺少营业执照副本", on("2026-02-12"), CALENDAR);
        assertThat(aCase.state()).isEqualTo("awaiting-supplement");
        assertThat(aCase.snapshot().statutoryDeadline()).as("no deadline while the clock stands still").isNull();
        assertThat(aCase.snapshot().pausedSince()).isEqualTo(d("2026-02-12"));
        assertThat(aCase.snapshot().assignee()).isEqualTo("officer");

        aCase.take("supplement", RESIDENT, null, on("2026-02-27"), CALENDAR);
        s = aCase.snapshot();
        assertThat(s.pauses()).containsExactly(new DateInterval(d("2026-02-13"), d("2026-02-27")));
        // Counted: 02-11, 02-12, 02-28 (Sat make-up), 03-02..06, 09..13, 16..20, 23, 24 → the 20th is 03-24.
        assertThat(s.statutoryDeadline()).isEqualTo(d("2026-03-24"));
        assertThat(s.promisedDeadline()).isEqualTo(d("2026-03-03"));

        aCase.take("approve", OFFICER, null, on("2026-03-05"), CALENDAR);
        s = aCase.snapshot();
        assertThat(aCase.isClosed()).isTrue();
        assertThat(s.onTime()).isTrue();
        assertThat(s.handlingDays()).isEqualTo(7); // 02-11, 02-12, 02-28, 03-02..05
        var last = (CaseTransitioned) aCase.events().get(aCase.events().size() - 1);
        assertThat(last.transition()).isEqualTo("approve");
        assertThat(last.closed()).isTrue();
    }

    @Test
    void whatTheTypeDoesNotAllowIsRefused() {
        var aCase = open("licensing", "2026-03-02");
        assertThatThrownBy(() -> aCase.take("refuse", OFFICER, "  ", on("2026-03-03"), CALENDAR))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> aCase.take("approve", RESIDENT, null, on("2026-03-03"), CALENDAR))
                .isInstanceOf(CaseProblems.class).hasMessageContaining("role-may-not");
        aCase.take("request-supplement", OFFICER, "缺材料", on("2026-03-03"), CALENDAR);
        assertThatThrownBy(() -> aCase.take("approve", OFFICER, null, on("2026-03-04"), CALENDAR))
                .isInstanceOfSatisfying(CaseProblems.class, p -> {
                    assertThat(p.status().value()).isEqualTo(409);
                    assertThat(p.properties()).containsEntry("currentState", "awaiting-supplement");
                    assertThat(p.properties()).containsEntry("allowedActions", java.util.List.of("supplement",
                            "withdraw", "extend"));
                });
        aCase.take("withdraw", RESIDENT, null, on("2026-03-04"), CALENDAR);
        assertThatThrownBy(() -> aCase.take("supplement", RESIDENT, null, on("2026-03-05"), CALENDAR))
                .isInstanceOf(CaseProblems.class).hasMessageContaining("case-closed");
    }

    @Test
    void licensingExtendsOnceByTenWorkingDaysOnTheSupervisorsApproval() {
        var aCase = open("licensing", "2026-09-24");
        assertThat(aCase.snapshot().statutoryDeadline()).isEqualTo(d("2026-10-29"));
        assertThatThrownBy(() -> aCase.take("extend", OFFICER, "案情复杂", on("2026-10-20"), CALENDAR))
                .hasMessageContaining("role-may-not");
        assertThatThrownBy(() -> aCase.take("extend", SUPERVISOR, "", on("2026-10-20"), CALENDAR))
                .isInstanceOf(InvalidParameterException.class);
        aCase.take("extend", SUPERVISOR, "案情复杂，经负责人批准", on("2026-10-20"), CALENDAR);
        assertThat(aCase.snapshot().statutoryDeadline()).isEqualTo(d("2026-11-12")); // +10 working days
        assertThat(aCase.snapshot().promisedDeadline()).isEqualTo(d("2026-10-09")); // 09-25 is 中秋节
        assertThat(aCase.events()).last().isInstanceOf(CaseExtended.class);
        assertThatThrownBy(() -> aCase.take("extend", SUPERVISOR, "再延", on("2026-10-21"), CALENDAR))
                .hasMessageContaining("extensions-used");
    }

    @Test
    void aSupplementIsAskedForOnceAndInFull() {
        var aCase = open("licensing", "2026-11-02"); // received Monday
        aCase.take("request-supplement", OFFICER, "请补充营业执照副本、卫生管理制度", on("2026-11-03"), CALENDAR);
        aCase.take("supplement", RESIDENT, null, on("2026-11-04"), CALENDAR);
        assertThatThrownBy(() -> aCase.take("request-supplement", OFFICER, "还缺平面图", on("2026-11-05"), CALENDAR))
                .isInstanceOfSatisfying(CaseProblems.class, p -> {
                    assertThat(p.status().value()).isEqualTo(409);
                    assertThat(p.getMessage()).contains("action-only-once");
                });
        assertThat(aCase.actionsAvailable(d("2026-11-05"), CALENDAR)).doesNotContain("request-supplement")
                .contains("accept", "approve");
        assertThat(aCase.actionsWithheld(d("2026-11-05"), CALENDAR)).singleElement()
                .satisfies(w -> assertThat(w.takenOnce()).isTrue());
    }

    @Test
    void aSupplementIsAskedForWithinFiveWorkingDaysOfReceiptOrNotAtAll() {
        // Received 2026-09-25; its 5 working days: 09-28, 29, 30, then 10-08 and 10-09 after the National Day holiday
        // (10-01..07) — the last day a request to supplement may be made is 10-09.
        var inTime = open("licensing", "2026-09-25");
        assertThat(inTime.lastDayFor(TYPES.get("licensing").transition("request-supplement", "received")
                .orElseThrow(), CALENDAR)).isEqualTo(d("2026-10-09"));
        inTime.take("request-supplement", OFFICER, "缺材料", on("2026-10-09"), CALENDAR);
        var late = open("licensing", "2026-09-25");
        assertThatThrownBy(() -> late.take("request-supplement", OFFICER, "缺材料", on("2026-10-10"), CALENDAR))
                .isInstanceOfSatisfying(CaseProblems.class, p -> {
                    assertThat(p.status().value()).isEqualTo(409);
                    assertThat(p.getMessage()).contains("action-too-late");
                    assertThat(p.properties()).containsEntry("lastDay", "2026-10-09");
                });
        assertThat(late.state()).isEqualTo("received");
        // Not asked in time, the application counts as accepted: the officer decides on it.
        late.take("approve", OFFICER, null, on("2026-10-12"), CALENDAR);
        assertThat(late.state()).isEqualTo("approved");
    }

    @Test
    void aHearingStopsTheClockForATimeTheApplicantIsTold() {
        var aCase = open("licensing", "2026-11-02");
        aCase.take("accept", OFFICER, null, on("2026-11-03"), CALENDAR);
        assertThatThrownBy(() -> aCase.take("hold-hearing", OFFICER, "申请人要求听证", on("2026-11-04"), CALENDAR))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        p -> assertThat(p.getMessage()).contains("expected-duration-required"));
        aCase.take("hold-hearing", OFFICER, "申请人要求听证", 10, on("2026-11-04"), CALENDAR);
        var told = (CaseTransitioned) aCase.events().get(aCase.events().size() - 1);
        assertThat(told.expectedDays()).isEqualTo(10);
        assertThat(told.expectedUnit()).isEqualTo("WORKING_DAYS");
        assertThat(told.applicant()).isEqualTo("applicant");
        @SuppressWarnings("unchecked")
        var payload = (Map<String, Object>) told.payload();
        assertThat(payload).containsEntry("expectedDays", 10).containsEntry("comment", "申请人要求听证");
        assertThat(aCase.snapshot().pausedSince()).isEqualTo(d("2026-11-04"));
    }

    @Test
    void anExtensionIsApprovedBeforeTheDeadlinePassesAndTheApplicantToldWhy() {
        var late = open("licensing", "2026-09-24"); // deadline 2026-10-29
        assertThatThrownBy(() -> late.take("extend", SUPERVISOR, "案情复杂", on("2026-10-30"), CALENDAR))
                .isInstanceOfSatisfying(CaseProblems.class, p -> {
                    assertThat(p.status().value()).isEqualTo(409);
                    assertThat(p.getMessage()).contains("extension-too-late");
                });
        assertThat(late.actionsAvailable(d("2026-10-30"), CALENDAR)).doesNotContain("extend");
        var inTime = open("licensing", "2026-09-24");
        inTime.take("extend", SUPERVISOR, "需组织现场核查", on("2026-10-29"), CALENDAR); // the last day still counts
        var extended = (CaseExtended) inTime.events().get(inTime.events().size() - 1);
        assertThat(extended.reason()).isEqualTo("需组织现场核查");
        assertThat(extended.applicant()).isEqualTo("applicant");
        assertThat(extended.statutoryDeadline()).isEqualTo(d("2026-11-12"));
    }

    @Test
    void aRefusalByTheRulesReopensIntoManualReviewOnANewClock() {
        var aCase = open("service-application", "2026-11-02");
        var system = new Actor("system", Set.of(Role.SYSTEM), null);
        aCase.take("auto-reject", system, "aged-60: FAIL", on("2026-11-02"), CALENDAR);
        assertThat(aCase.isClosed()).isTrue();
        assertThat(aCase.actionsAvailable()).containsExactly("request-human-review");
        assertThatThrownBy(() -> aCase.take("request-human-review", OFFICER, null, on("2026-11-20"), CALENDAR))
                .hasMessageContaining("role-may-not");
        aCase.take("request-human-review", RESIDENT, null, on("2026-11-20"), CALENDAR);
        var s = aCase.snapshot();
        assertThat(aCase.state()).isEqualTo("manual-review");
        assertThat(aCase.isClosed()).isFalse();
        assertThat(s.closedAt()).isNull();
        assertThat(s.clockStartedOn()).isEqualTo(d("2026-11-20"));
        assertThat(s.statutoryDeadline()).isEqualTo(d("2026-12-18")); // 20 working days from the day asked
        // an officer's refusal is not the rules' alone: it cannot be reopened that way
        aCase.take("refuse", OFFICER, "经核实不符合条件", on("2026-11-23"), CALENDAR);
        assertThat(aCase.actionsAvailable()).isEmpty();
        assertThatThrownBy(() -> aCase.take("request-human-review", RESIDENT, null, on("2026-11-24"), CALENDAR))
                .hasMessageContaining("case-closed");
    }

    @Test
    void informationDisclosureRestartsTheTwentyWorkingDaysOnTheCorrectedRequest() {
        var aCase = open("information-disclosure", "2026-09-24");
        // Counted from 09-25: 09-28, 29, 30, 10-08, 09, 10 (Sat make-up), 12..16, 19..23, 26..29 → the 20th is 10-29.
        assertThat(aCase.snapshot().statutoryDeadline()).isEqualTo(d("2026-10-29"));
        aCase.take("request-correction", OFFICER, "请写明所需合同的年份和路段", on("2026-09-30"), CALENDAR);
        assertThat(aCase.snapshot().statutoryDeadline()).isNull();
        aCase.take("correct", RESIDENT, null, on("2026-10-09"), CALENDAR);
        var s = aCase.snapshot();
        // A new period from the corrected request's receipt (10-09): 10-10 (Sat make-up), 12..16, 19..23, 26..30,
        // 11-02..05 → the 20th is 11-05; nothing counted before the correction remains.
        assertThat(s.clockStartedOn()).isEqualTo(d("2026-10-09"));
        assertThat(s.pauses()).isEmpty();
        assertThat(s.statutoryDeadline()).isEqualTo(d("2026-11-05"));
        assertThat(s.promisedDeadline()).isEqualTo(d("2026-10-29")); // 15 working days
    }

    @Test
    void informationDisclosureThirdPartyTimeIsNotCounted() {
        var aCase = open("information-disclosure", "2026-09-24");
        aCase.take("consult-third-party", OFFICER, "涉及福州某建设公司的商业信息", on("2026-10-12"), CALENDAR);
        aCase.take("receive-third-party-opinion", OFFICER, null, on("2026-10-20"), CALENDAR);
        var s = aCase.snapshot();
        assertThat(s.pauses()).containsExactly(new DateInterval(d("2026-10-13"), d("2026-10-20")));
        // Counted: 09-28, 29, 30, 10-08, 09, 10, 12 (7); 10-13..16, 19, 20 paused; then 21, 22, 23, 26..30, 11-02..06.
        assertThat(s.statutoryDeadline()).isEqualTo(d("2026-11-06"));
    }

    @Test
    void informationDisclosureExtendsOnceByTwentyWorkingDaysOnlyBeforeTheDeadline() {
        var late = open("information-disclosure", "2026-09-24");
        assertThatThrownBy(() -> late.take("extend", SUPERVISOR, "需调取档案", on("2026-10-30"), CALENDAR))
                .isInstanceOfSatisfying(CaseProblems.class, p -> assertThat(p.code()).isEqualTo("extension-too-late"));
        assertThat(late.snapshot().extensions()).isZero();

        var aCase = open("information-disclosure", "2026-09-24");
        aCase.take("extend", SUPERVISOR, "需调取档案，经负责人同意", on("2026-10-29"), CALENDAR); // the last day: in time
        // 10-30, 11-02..06, 09..13, 16..20, 23..26 → the 20th working day after 10-29 is 11-26.
        assertThat(aCase.snapshot().statutoryDeadline()).isEqualTo(d("2026-11-26"));
        assertThatThrownBy(() -> aCase.take("extend", SUPERVISOR, "再延", on("2026-11-02"), CALENDAR))
                .hasMessageContaining("extensions-used");
        aCase.take("reply-partially-disclosed", OFFICER, "涉及第三方商业秘密部分不予公开", on("2026-11-25"), CALENDAR);
        assertThat(aCase.state()).isEqualTo("partially-disclosed");
        assertThat(aCase.snapshot().onTime()).isTrue();
    }

    @Test
    void administrativePenaltyCountsCalendarDaysAndNeedsLegalReview() {
        var aCase = open("administrative-penalty", "2026-01-10");
        assertThat(aCase.snapshot().statutoryDeadline()).isEqualTo(d("2026-04-10")); // 90 days
        aCase.take("investigate", OFFICER, null, on("2026-01-12"), CALENDAR);
        aCase.take("hold-hearing", OFFICER, "当事人申请听证", on("2026-02-01"), CALENDAR);
        aCase.take("close-hearing", OFFICER, null, on("2026-02-11"), CALENDAR);
        // The Administrative Penalty Law does not stop its 90 days for a hearing (Art. 60, 63): the deadline stays.
        assertThat(aCase.snapshot().statutoryDeadline()).isEqualTo(d("2026-04-10"));
        assertThat(aCase.actionsAvailable()).doesNotContain("extend");
        aCase.take("submit-for-review", OFFICER, null, on("2026-03-01"), CALENDAR);
        assertThatThrownBy(() -> aCase.take("pass-review", OFFICER, "自己审自己", on("2026-03-02"), CALENDAR))
                .hasMessageContaining("role-may-not");
        aCase.take("return-for-revision", REVIEWER, "证据不足", on("2026-03-02"), CALENDAR);
        aCase.take("submit-for-review", OFFICER, null, on("2026-03-05"), CALENDAR);
        aCase.take("pass-review", REVIEWER, "事实清楚，证据确凿，适用法律正确", on("2026-03-06"), CALENDAR);
        assertThat(aCase.state()).isEqualTo("decided");
        assertThat(aCase.snapshot().handlingDays()).isEqualTo(55);
    }

    @Test
    void petitionClockStartsOnAcceptance() {
        var aCase = open("petition", "2026-03-01");
        assertThat(aCase.snapshot().statutoryDeadline()).isNull();
        assertThat(aCase.actionsAvailable()).containsExactly("accept", "decline");
        aCase.take("accept", OFFICER, null, on("2026-03-02"), CALENDAR);
        assertThat(aCase.snapshot().clockStartedOn()).isEqualTo(d("2026-03-02"));
        // 60 日 from 03-02 is 05-01, Labour Day, off until 05-05: the period ends on the next working day, 05-06
        // (Civil Code Art. 203). 30 日 end on 04-01, a Wednesday.
        assertThat(aCase.snapshot().statutoryDeadline()).isEqualTo(d("2026-05-06"));
        assertThat(aCase.snapshot().promisedDeadline()).isEqualTo(d("2026-04-01"));
    }

    @Test
    void citizenRequestReopensWhenTheCitizenIsNotSatisfied() {
        var aCase = open("citizen-request", "2026-11-02");
        assertThat(aCase.snapshot().promisedDeadline()).isEqualTo(d("2026-11-03"));
        assertThat(aCase.snapshot().statutoryDeadline()).isEqualTo(d("2026-11-09"));
        aCase.take("dispatch", OFFICER, null, on("2026-11-02"), CALENDAR);
        aCase.take("take-on", OFFICER, null, on("2026-11-02"), CALENDAR);
        aCase.take("reply", OFFICER, "已清理路面", on("2026-11-03"), CALENDAR);
        aCase.take("reopen", RESIDENT, "并未清理", on("2026-11-04"), CALENDAR);
        assertThat(aCase.state()).isEqualTo("handling");
        aCase.take("reply", OFFICER, "已再次清理并拍照", on("2026-11-05"), CALENDAR);
        aCase.take("close", RESIDENT, null, on("2026-11-05"), CALENDAR);
        assertThat(aCase.isClosed()).isTrue();
    }

    @Test
    void alertsFireOnceEachAtTheirTime() {
        var aCase = open("licensing", "2026-11-02"); // promised 11-09, statutory 11-30
        assertThat(aCase.snapshot().promisedDeadline()).isEqualTo(d("2026-11-09"));
        assertThat(aCase.snapshot().statutoryDeadline()).isEqualTo(d("2026-11-30"));
        aCase.clearEvents();
        assertThat(aCase.alertsDue(on("2026-11-05"), CALENDAR)).isFalse();
        assertThat(aCase.alertsDue(on("2026-11-06"), CALENDAR)).isTrue(); // 1 working day before the promise
        assertThat(aCase.alertsDue(on("2026-11-06"), CALENDAR)).isFalse();
        assertThat(aCase.alertsDue(on("2026-11-10"), CALENDAR)).isTrue();
        assertThat(aCase.alertsDue(on("2026-11-30"), CALENDAR)).isFalse();
        assertThat(aCase.alertsDue(on("2026-12-01"), CALENDAR)).isTrue();
        assertThat(aCase.alertsDue(on("2026-12-02"), CALENDAR)).isFalse();
        assertThat(aCase.events()).extracting(e -> ((CaseClockAlerted) e).alert())
                .containsExactly(Alert.REMINDED, Alert.ESCALATED, Alert.OVERDUE);
    }

    @Test
    void aPausedClockRaisesNoAlert() {
        var aCase = open("licensing", "2026-11-02");
        aCase.take("request-supplement", OFFICER, "缺材料", on("2026-11-03"), CALENDAR);
        assertThat(aCase.alertsDue(on("2026-12-31"), CALENDAR)).isFalse();
    }
}

package cn.youfu.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import cn.youfu.calendar.WorkingDayCalendar;
import cn.youfu.calendar.internal.HolidayScheduleLoader;
import cn.youfu.disclosure.DisclosureClock.Day;
import cn.youfu.disclosure.DisclosureClock.History;
import cn.youfu.disclosure.DisclosureClock.Kind;
import cn.youfu.disclosure.DisclosureClock.Pause;
import cn.youfu.disclosure.DisclosureClock.PauseReason;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reply period of the 2019 Regulations on the official 2026 calendar, each day counted by hand: 中秋节 09-25..27,
 * 国庆节 10-01..07, make-up working days 09-20 (Sun) and 10-10 (Sat).
 */
class DisclosureClockTest {

    static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar(
            new HolidayScheduleLoader(JsonMapper.builder().build()).loadClasspath("holiday-cn"));

    static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    static Kind kindOn(DisclosureClock.Explanation explanation, String date) {
        return explanation.days().stream().filter(day -> day.date().equals(d(date))).findFirst().map(Day::kind)
                .orElseThrow();
    }

    @Test
    void receivedOnTheEveOfTheNationalDayHoliday() {
        var clock = DisclosureClock.explain(new History(d("2026-09-24"), null, List.of(), 0), d("2026-09-24"),
                CALENDAR);
        // 09-25..27 中秋节; 09-28 (1), 29 (2), 30 (3); 10-01..07 国庆节; 10-08 (4), 09 (5), 10 Sat make-up (6);
        // 10-12..16 (7..11), 19..23 (12..16), 26..29 (17..20).
        assertThat(clock.deadline()).isEqualTo(d("2026-10-29"));
        assertThat(kindOn(clock, "2026-09-24")).isEqualTo(Kind.RECEIVED);
        assertThat(kindOn(clock, "2026-09-25")).isEqualTo(Kind.HOLIDAY);
        assertThat(kindOn(clock, "2026-10-03")).isEqualTo(Kind.HOLIDAY);
        assertThat(kindOn(clock, "2026-10-10")).isEqualTo(Kind.MAKE_UP_COUNTED);
        assertThat(kindOn(clock, "2026-10-11")).isEqualTo(Kind.WEEKEND);
        assertThat(clock.days()).filteredOn(day -> day.date().equals(d("2026-10-10"))).singleElement()
                .satisfies(day -> assertThat(day.counted()).isEqualTo(6));
        assertThat(clock.days()).filteredOn(day -> day.counted() != null).hasSize(20);
        assertThat(clock.days()).last().satisfies(day -> assertThat(day.date()).isEqualTo(d("2026-10-29")));
        assertThat(clock.provisional()).as("2026 has its official notice").isFalse();
    }

    @Test
    void aCorrectionAskedBeforeAndMadeAfterTheHolidayStartsTheTwentyDaysAgain() {
        var asked = new Pause(PauseReason.CORRECTION, d("2026-09-30"), null);
        var waiting = DisclosureClock.explain(new History(d("2026-09-24"), null, List.of(asked), 0),
                d("2026-10-08"), CALENDAR);
        assertThat(waiting.deadline()).as("no deadline while the applicant corrects").isNull();
        assertThat(waiting.paused()).isTrue();
        assertThat(waiting.days()).last().satisfies(day -> assertThat(day.date()).isEqualTo(d("2026-10-08")));

        var corrected = new Pause(PauseReason.CORRECTION, d("2026-09-30"), d("2026-10-09"));
        var clock = DisclosureClock.explain(new History(d("2026-09-24"), d("2026-10-09"), List.of(corrected), 0),
                d("2026-10-09"), CALENDAR);
        // 09-28, 29, 30 were counted, then superseded; 10-01..08 paused; 10-09 the corrected request is received;
        // then 10-10 Sat make-up (1), 12..16 (2..6), 19..23 (7..11), 26..30 (12..16), 11-02..05 (17..20).
        assertThat(clock.periodStart()).isEqualTo(d("2026-10-09"));
        assertThat(clock.deadline()).isEqualTo(d("2026-11-05"));
        assertThat(kindOn(clock, "2026-09-28")).isEqualTo(Kind.SUPERSEDED);
        assertThat(kindOn(clock, "2026-10-01")).isEqualTo(Kind.PAUSED);
        assertThat(kindOn(clock, "2026-10-08")).isEqualTo(Kind.PAUSED);
        assertThat(kindOn(clock, "2026-10-09")).isEqualTo(Kind.RECEIVED);
        assertThat(kindOn(clock, "2026-10-10")).isEqualTo(Kind.MAKE_UP_COUNTED);
    }

    @Test
    void aThirdPartysOpinionTimeIsNotCounted() {
        var consulted = new Pause(PauseReason.THIRD_PARTY, d("2026-10-12"), d("2026-10-20"));
        var clock = DisclosureClock.explain(new History(d("2026-09-24"), null, List.of(consulted), 0),
                d("2026-10-20"), CALENDAR);
        // Counted 09-28, 29, 30, 10-08, 09, 10, 12 (7); 10-13..20 paused (6 working days); 21..23 (8..10),
        // 26..30 (11..15), 11-02..06 (16..20).
        assertThat(clock.deadline()).isEqualTo(d("2026-11-06"));
        assertThat(clock.days()).filteredOn(day -> day.kind() == Kind.PAUSED)
                .extracting(Day::date).containsExactly(d("2026-10-13"), d("2026-10-14"), d("2026-10-15"),
                        d("2026-10-16"), d("2026-10-17"), d("2026-10-18"), d("2026-10-19"), d("2026-10-20"));
        assertThat(clock.days()).filteredOn(day -> day.kind() == Kind.PAUSED)
                .allSatisfy(day -> assertThat(day.pause()).isEqualTo(PauseReason.THIRD_PARTY));
    }

    @Test
    void anExtensionAddsTwentyWorkingDays() {
        var clock = DisclosureClock.explain(new History(d("2026-09-24"), null, List.of(), 20), d("2026-10-28"),
                CALENDAR);
        // The 20th working day is 10-29; then 10-30 (21), 11-02..06 (22..26), 09..13 (27..31), 16..20 (32..36),
        // 23..26 (37..40).
        assertThat(clock.workingDays()).isEqualTo(40);
        assertThat(clock.deadline()).isEqualTo(d("2026-11-26"));
    }
}

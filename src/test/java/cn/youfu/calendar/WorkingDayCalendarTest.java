package cn.youfu.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.youfu.calendar.internal.HolidayScheduleLoader;
import cn.youfu.calendar.internal.HolidayScheduleLoader.NamedStream;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class WorkingDayCalendarTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final WorkingDayCalendar CALENDAR =
            new WorkingDayCalendar(new HolidayScheduleLoader(JSON).loadClasspath("holiday-cn"));

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    /** The official files read directly, not through the loader: date → isOffDay, and the holiday names. */
    @Test
    void agreesWithTheOfficialScheduleOnEveryListedDay2007To2026() throws Exception {
        Map<LocalDate, JsonNode> listed = new HashMap<>();
        for (var resource : new PathMatchingResourcePatternResolver().getResources("classpath:holiday-cn/*.json")) {
            try (var in = resource.getInputStream()) {
                JSON.readTree(in).get("days").forEach(day -> listed.put(d(day.get("date").asString()), day));
            }
        }
        assertThat(listed).hasSizeGreaterThan(500);
        for (int year = 2007; year <= 2026; year++) {
            long listedInYear = 0;
            for (var date = LocalDate.of(year, 1, 1); date.getYear() == year; date = date.plusDays(1)) {
                var day = CALENDAR.day(date);
                var official = listed.get(date);
                assertThat(day.provisional()).as("%s is in an official year", date).isFalse();
                if (official != null) {
                    listedInYear++;
                    boolean off = official.get("isOffDay").asBoolean();
                    assertThat(day.workingDay()).as("%s listed isOffDay=%s", date, off).isEqualTo(!off);
                    assertThat(off ? day.holiday() : day.makeUpFor()).isEqualTo(official.get("name").asString());
                    assertThat(day.makeUpWorkingDay()).isEqualTo(!off);
                } else {
                    boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY
                            || date.getDayOfWeek() == DayOfWeek.SUNDAY;
                    assertThat(day.workingDay()).as("%s is unlisted", date).isEqualTo(!weekend);
                    assertThat(day.holiday()).isNull();
                }
            }
            assertThat(listedInYear).as("listed days in %d", year).isGreaterThan(10);
        }
    }

    @Test
    void nationalDay2026WithItsMakeUpSaturday() {
        // 2026-10-01..07 off; Sat 2026-09-20 and Sat 2026-10-10 are make-up working days.
        assertThat(CALENDAR.deadline(d("2026-09-24"), 20).deadline()).isEqualTo(d("2026-10-29"));
        assertThat(CALENDAR.day(d("2026-10-10")).workingDay()).isTrue();
        assertThat(CALENDAR.day(d("2026-10-10")).makeUpFor()).isEqualTo("国庆节");
        assertThat(CALENDAR.day(d("2026-10-01")).holiday()).isEqualTo("国庆节");
        assertThat(CALENDAR.day(d("2026-10-01")).workingDay()).isFalse();
        // The start day is not counted: a Friday's first working day is the next Monday.
        assertThat(CALENDAR.deadline(d("2026-09-25"), 1).deadline()).isEqualTo(d("2026-09-28"));
        // From the last day before the holiday: 1 working day lands on the first day after it.
        assertThat(CALENDAR.deadline(d("2026-09-30"), 1).deadline()).isEqualTo(d("2026-10-08"));
    }

    @Test
    void calendarDayPeriodsEndOnTheirLastDayOrTheFirstWorkingDayAfterARestDay() {
        // Civil Code Art. 201: the start day is not counted. 2026-11-02 (Mon) + 15 days = Tue 2026-11-17, a working day.
        assertThat(CALENDAR.dayDeadline(d("2026-11-02"), 15, List.of()).deadline()).isEqualTo(d("2026-11-17"));
        // Art. 203: 2026-11-06 (Fri) + 15 days = Sat 2026-11-21, a rest day: the period ends Mon 2026-11-23.
        var weekend = CALENDAR.dayDeadline(d("2026-11-06"), 15, List.of());
        assertThat(weekend.nominal()).isEqualTo(d("2026-11-21"));
        assertThat(weekend.deadline()).isEqualTo(d("2026-11-23"));
        assertThat(weekend.movedPastRestDays()).isTrue();
        // 2026-09-20 + 15 days = 2026-10-05, inside the National Day holiday (10-01..07): it ends Thu 2026-10-08.
        assertThat(CALENDAR.dayDeadline(d("2026-09-20"), 15, List.of()).deadline()).isEqualTo(d("2026-10-08"));
        // 2026-09-25 + 15 days = Sat 2026-10-10, a make-up working day (调休上班): the period ends on it.
        assertThat(CALENDAR.dayDeadline(d("2026-09-25"), 15, List.of()).deadline()).isEqualTo(d("2026-10-10"));
        // Paused days do not count: 3 days paused (11-03..05) move 2026-11-02 + 15 days to Fri 2026-11-20.
        assertThat(CALENDAR.dayDeadline(d("2026-11-02"), 15,
                List.of(new DateInterval(d("2026-11-03"), d("2026-11-05")))).deadline()).isEqualTo(d("2026-11-20"));
        // Counting back: calendar days in (from, to], paused days excluded.
        assertThat(CALENDAR.daysBetween(d("2026-11-02"), d("2026-11-17"), PeriodUnit.DAYS, List.of())).isEqualTo(15);
        assertThat(CALENDAR.daysBetween(d("2026-09-30"), d("2026-10-08"), PeriodUnit.WORKING_DAYS, List.of()))
                .isEqualTo(1);
        assertThat(CALENDAR.lastDay(d("2026-09-30"), 1, PeriodUnit.WORKING_DAYS, List.of()))
                .isEqualTo(d("2026-10-08"));
        assertThat(CALENDAR.lastDay(d("2026-09-30"), 1, PeriodUnit.DAYS, List.of())).isEqualTo(d("2026-10-08"));
    }

    @Test
    void springFestival2026() {
        // 2026-02-15..23 off (春节), Sat 2026-02-14 and Sat 2026-02-28 make-up working days.
        assertThat(CALENDAR.isWorkingDay(d("2026-02-14"))).isTrue();
        assertThat(CALENDAR.isWorkingDay(d("2026-02-16"))).isFalse();
        assertThat(CALENDAR.isWorkingDay(d("2026-02-28"))).isTrue();
        assertThat(CALENDAR.deadline(d("2026-02-13"), 1).deadline()).isEqualTo(d("2026-02-14"));
        assertThat(CALENDAR.deadline(d("2026-02-14"), 1).deadline()).isEqualTo(d("2026-02-24"));
        // Administrative Licensing Law Art. 42: 20 working days from acceptance on 2026-02-10.
        // Counted: 11,12,13,14(Sat make-up),24,25,26,27,28(Sat make-up),3/2,3,4,5,6,9,10,11,12,13,16.
        assertThat(CALENDAR.deadline(d("2026-02-10"), 20).deadline()).isEqualTo(d("2026-03-16"));
        assertThat(CALENDAR.workingDaysBetween(d("2026-02-10"), d("2026-03-16"))).isEqualTo(20);
    }

    @Test
    void springFestival2024AndNationalDay2024() {
        // 2024: 春节 02-10..17 off, make-up Sun 02-04 and Sun 02-18; 国庆 10-01..07 off, make-up Sun 09-29, Sat 10-12.
        assertThat(CALENDAR.deadline(d("2024-02-08"), 3).deadline()).isEqualTo(d("2024-02-19"));
        assertThat(CALENDAR.deadline(d("2024-09-27"), 2).deadline()).isEqualTo(d("2024-09-30"));
        assertThat(CALENDAR.deadline(d("2024-09-30"), 1).deadline()).isEqualTo(d("2024-10-08"));
        assertThat(CALENDAR.deadline(d("2024-10-11"), 1).deadline()).isEqualTo(d("2024-10-12"));
    }

    @Test
    void aDecemberDateListedInTheNextYearsFileCounts() {
        // 2023.json lists 2022-12-31 (元旦, off), a Saturday anyway; 2019.json lists 2018-12-29 (元旦, make-up Saturday).
        assertThat(CALENDAR.day(d("2018-12-29")).workingDay()).isTrue();
        assertThat(CALENDAR.day(d("2018-12-29")).makeUpFor()).isEqualTo("元旦");
        assertThat(CALENDAR.day(d("2018-12-31")).holiday()).isEqualTo("元旦");
    }

    @Test
    void pausedDaysDoNotCount() {
        // Supplementing materials over Spring Festival 2026: paused 02-12..02-27, so only the 02-11 counts before it.
        var pause = new DateInterval(d("2026-02-12"), d("2026-02-27"));
        var withPause = CALENDAR.deadline(d("2026-02-10"), 20, List.of(pause));
        // Counted: 02-11, 02-28 (Sat make-up), 3/2..6, 9..13, 16..20, 23, 24, 25 → the 20th is 2026-03-25.
        assertThat(withPause.deadline()).isEqualTo(d("2026-03-25"));
        assertThat(CALENDAR.workingDaysBetween(d("2026-02-10"), d("2026-03-25"), List.of(pause))).isEqualTo(20);
        assertThat(withPause.paused()).containsExactly(pause);
    }

    @Test
    void aYearWithoutANoticeIsProvisionalAndCountsWeekendsOnly() {
        var day = CALENDAR.day(d("2027-10-01"));
        assertThat(day.provisional()).isTrue();
        assertThat(day.workingDay()).isTrue(); // a Friday; no notice for 2027 yet
        var deadline = CALENDAR.deadline(d("2026-12-24"), 10);
        assertThat(deadline.provisional()).isTrue();
        assertThat(CALENDAR.deadline(d("2026-09-24"), 20).provisional()).isFalse();
    }

    @Test
    void workingDaysOutsideTheAllowedRangeAreRefused() {
        assertThatThrownBy(() -> CALENDAR.deadline(d("2026-01-01"), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CALENDAR.deadline(d("2026-01-01"), 3651))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(CALENDAR.deadline(d("2026-01-01"), 3650).deadline()).isAfter(d("2039-01-01"));
    }

    @Test
    void betweenCountsNothingWhenTheEndIsNotAfterTheStart() {
        assertThat(CALENDAR.workingDaysBetween(d("2026-03-16"), d("2026-03-16"))).isZero();
        assertThat(CALENDAR.workingDaysBetween(d("2026-03-16"), d("2026-03-10"))).isZero();
    }

    @Test
    void twoFilesThatDisagreeOnADateStopTheLoad() {
        var a = file("a.json", "{\"year\":2030,\"papers\":[],\"days\":[{\"name\":\"元旦\",\"date\":\"2030-01-01\",\"isOffDay\":true}]}");
        var b = file("b.json", "{\"year\":2031,\"papers\":[],\"days\":[{\"name\":\"元旦\",\"date\":\"2030-01-01\",\"isOffDay\":false}]}");
        assertThatThrownBy(() -> new HolidayScheduleLoader(JSON).load(List.of(a, b)))
                .hasMessageContaining("2030-01-01").hasMessageContaining("b.json");
    }

    @Test
    void aMalformedFileStopsTheLoadNamingTheFile() {
        assertThatThrownBy(() -> new HolidayScheduleLoader(JSON).load(List.of(file("2031.json", "{\"year\":"))))
                .hasMessageContaining("2031.json");
    }

    private static NamedStream file(String name, String content) {
        return new NamedStream(name, () -> new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
    }
}

package cn.youfu.calendar;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;

import cn.youfu.YoufuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@YoufuIntegrationTest
class CalendarApiIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Test
    void aHolidayNeedsNoLogin() throws Exception {
        mvc.perform(get("/api/v1/calendar/days/2026-10-01"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.date").value("2026-10-01"))
                .andExpect(jsonPath("$.workingDay").value(false))
                .andExpect(jsonPath("$.holiday").value("国庆节"))
                .andExpect(jsonPath("$.provisional").value(false))
                .andExpect(jsonPath("$.notices[0]").value(containsString("gov.cn")));
    }

    @Test
    void aMakeUpSaturdayIsAWorkingDayWithoutAHolidayName() throws Exception {
        mvc.perform(get("/api/v1/calendar/days/2026-10-10"))
                .andExpect(jsonPath("$.workingDay").value(true))
                .andExpect(jsonPath("$.holiday").doesNotExist())
                .andExpect(jsonPath("$.makeUpWorkingDay").value(true))
                .andExpect(jsonPath("$.makeUpFor").value("国庆节"));
    }

    @Test
    void anOrdinaryWeekendHasNoHoliday() throws Exception {
        mvc.perform(get("/api/v1/calendar/days/2026-11-28"))
                .andExpect(jsonPath("$.workingDay").value(false))
                .andExpect(jsonPath("$.holiday").isEmpty());
    }

    @Test
    void theDeadlineOfTheIssueExample() throws Exception {
        mvc.perform(get("/api/v1/calendar/deadline").param("from", "2026-09-24").param("workingDays", "20"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value("2026-09-24"))
                .andExpect(jsonPath("$.workingDays").value(20))
                .andExpect(jsonPath("$.deadline").value("2026-10-29"))
                .andExpect(jsonPath("$.provisional").value(false));
    }

    @Test
    void aDeadlineWithAPausedInterval() throws Exception {
        mvc.perform(get("/api/v1/calendar/deadline").param("from", "2026-02-10").param("workingDays", "20")
                        .param("paused", "2026-02-12/2026-02-27"))
                .andExpect(jsonPath("$.deadline").value("2026-03-25"))
                .andExpect(jsonPath("$.paused[0].first").value("2026-02-12"));
    }

    @Test
    void aDeadlineIntoAYearWithoutANoticeIsProvisional() throws Exception {
        mvc.perform(get("/api/v1/calendar/deadline").param("from", "2026-12-24").param("workingDays", "10"))
                .andExpect(jsonPath("$.provisional").value(true));
    }

    @Test
    void aCalendarDayPeriodEndingInAHolidayEndsOnTheNextWorkingDay() throws Exception {
        // 15 日 from 2026-09-20: the 15th day is 2026-10-05, inside the National Day holiday (Civil Code Art. 203).
        mvc.perform(get("/api/v1/calendar/day-deadline").param("from", "2026-09-20").param("days", "15"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.nominal").value("2026-10-05"))
                .andExpect(jsonPath("$.deadline").value("2026-10-08"));
    }

    @Test
    void countsWorkingDaysBetweenTwoDates() throws Exception {
        mvc.perform(get("/api/v1/calendar/working-days").param("from", "2026-09-24").param("to", "2026-10-29"))
                .andExpect(jsonPath("$.workingDays").value(20))
                .andExpect(jsonPath("$.provisional").value(false));
    }

    @ParameterizedTest(name = "{0} → 400 naming {1}")
    @CsvSource(delimiter = '|', value = {
            "/api/v1/calendar/days/2026-13-01|date",
            "/api/v1/calendar/days/yesterday|date",
            "/api/v1/calendar/days/1800-01-01|date",
            "/api/v1/calendar/deadline?from=2026-02-30&workingDays=5|from",
            "/api/v1/calendar/deadline?from=2026-09-24&workingDays=0|workingDays",
            "/api/v1/calendar/deadline?from=2026-09-24&workingDays=3651|workingDays",
            "/api/v1/calendar/deadline?from=2026-09-24&workingDays=-3|workingDays",
            "/api/v1/calendar/deadline?from=2026-09-24&workingDays=twenty|workingDays",
            "/api/v1/calendar/deadline?from=2026-09-24&workingDays=99999999999|workingDays",
            "/api/v1/calendar/deadline?workingDays=20|from",
            "/api/v1/calendar/deadline?from=2026-09-24|workingDays",
            "/api/v1/calendar/deadline?from=2026-09-24&workingDays=5&paused=2026-02-12|paused",
            "/api/v1/calendar/deadline?from=2026-09-24&workingDays=5&paused=2026-02-12/2026-02-01|paused",
            "/api/v1/calendar/working-days?from=2026-09-24&to=2026-09-01|to",
            "/api/v1/calendar/day-deadline?from=2026-09-24&days=0|days",
    })
    void badInputIsAProblemNamingTheParameter(String url, String parameter) throws Exception {
        mvc.perform(get(url).header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.type").value("urn:youfu:problem:invalid-parameter"))
                .andExpect(jsonPath("$.parameter").value(parameter))
                .andExpect(jsonPath("$.detail").value(containsString("'" + parameter + "'")));
    }

    @Test
    void problemsAreInChineseByDefault() throws Exception {
        mvc.perform(get("/api/v1/calendar/deadline").param("from", "2026-09-24").param("workingDays", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("参数有误"))
                .andExpect(jsonPath("$.detail").value("参数“workingDays”有误：应在 1 至 3650 之间，收到“0”。"));
    }

    @Test
    void problemsInEnglishOnRequest() throws Exception {
        mvc.perform(get("/api/v1/calendar/deadline").param("from", "2026-09-24").param("workingDays", "0")
                        .header("Accept-Language", "en-US,en;q=0.9"))
                .andExpect(jsonPath("$.detail")
                        .value("Parameter 'workingDays' is invalid: it must be between 1 and 3650, got '0'."));
    }
}

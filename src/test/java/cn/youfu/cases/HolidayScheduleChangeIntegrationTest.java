package cn.youfu.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.youfu.Api;
import cn.youfu.YoufuIntegrationTest;
import cn.youfu.calendar.Calendars;
import cn.youfu.cases.CaseEngine.OpenCase;
import cn.youfu.identity.CurrentUser;
import cn.youfu.identity.Role;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** A new State Council notice loaded while Youfu runs moves the open cases' deadlines, and says so. */
@YoufuIntegrationTest
class HolidayScheduleChangeIntegrationTest {

    static final CurrentUser RESIDENT = new CurrentUser("applicant", "陈有福", Set.of(Role.APPLICANT), null,
            "350102195803120016");
    static final CurrentUser SUPERVISOR = new CurrentUser("supervisor", "黄督查", Set.of(Role.SUPERVISOR),
            "fz-government-office", null);
    static final String NOTICE_2027 = """
            {"year": 2027, "papers": ["https://www.gov.cn/test-notice-2027"],
             "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": true}]}""";

    @Autowired
    MockMvc mvc;
    @Autowired
    CaseEngine engine;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Calendars calendars;

    LocalDate deadline(String reference) {
        return jdbc.sql("SELECT statutory_deadline FROM cases.case WHERE reference = ?").param(reference)
                .query(LocalDate.class).single();
    }

    void awaitDeadline(String reference, LocalDate expected) throws InterruptedException {
        long until = System.currentTimeMillis() + 15_000;
        while (!expected.equals(deadline(reference)) && System.currentTimeMillis() < until) {
            Thread.sleep(50);
        }
        assertThat(deadline(reference)).isEqualTo(expected);
    }

    @Test
    void loadingANoticeRecountsOpenCasesAndRemovingItRestoresThem() throws Exception {
        var ref = engine.open(new OpenCase("information-disclosure", "申请公开2026年道路养护合同", Map.of(), null, true),
                RESIDENT, RESIDENT).reference();
        engine.take(ref, "extend", "需调取档案，经负责人同意", SUPERVISOR); // 40 working days: into January 2027
        var started = jdbc.sql("SELECT clock_started_on FROM cases.case WHERE reference = ?").param(ref)
                .query(LocalDate.class).single();
        var before = deadline(ref);
        assertThat(before).isAfter(LocalDate.of(2027, 1, 1));
        var admin = Api.bearer(mvc, "admin");
        try {
            mvc.perform(put("/api/v1/calendar/years/2027").header("Authorization", admin)
                            .contentType(MediaType.APPLICATION_JSON).content(NOTICE_2027))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.provisional").value(false));
            mvc.perform(get("/api/v1/calendar/days/2027-01-01"))
                    .andExpect(jsonPath("$.holiday").value("元旦"))
                    .andExpect(jsonPath("$.workingDay").value(false))
                    .andExpect(jsonPath("$.provisional").value(false));
            var after = calendars.current().deadline(started, 40).deadline();
            assertThat(after).isEqualTo(calendars.current().deadline(before, 1).deadline());
            awaitDeadline(ref, after);
            assertThat(jdbc.sql("SELECT count(*) FROM audit.entry WHERE stream = ? AND action = "
                    + "'case.deadlines-recomputed'").param(ref).query(Long.class).single()).isOne();
            assertThat(jdbc.sql("SELECT count(*) FROM audit.entry WHERE stream = 'calendar:schedule' AND action = "
                    + "'calendar.schedule.loaded'").query(Long.class).single()).isPositive();
        } finally {
            mvc.perform(delete("/api/v1/calendar/years/2027").header("Authorization", admin))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.provisional").value(true));
        }
        awaitDeadline(ref, before);
    }

    @Test
    void aWrongNoticeIsRefusedAndChangesNothing() throws Exception {
        var admin = Api.bearer(mvc, "admin");
        var officer = Api.bearer(mvc, "officer");
        String[][] bad = {
                {"2028", NOTICE_2027, "year"},
                {"2027", "{\"year\":2027,\"days\":[]}", "days"},
                {"2027", "{\"year\":2027,\"days\":[{\"name\":\"元旦\",\"date\":\"2027-01-01\",\"isOffDay\":true},"
                        + "{\"name\":\"元旦\",\"date\":\"2027-01-01\",\"isOffDay\":true}]}", "days"},
                {"2027", "{\"year\":2027,\"days\":[{\"name\":\"国庆节\",\"date\":\"2028-10-01\",\"isOffDay\":true}]}",
                        "days"},
                {"2027", "{\"year\":2027,\"days\":[{\"date\":\"2027-10-01\",\"isOffDay\":true}]}", "days"},
                {"twenty", NOTICE_2027, "year"},
        };
        for (var c : bad) {
            mvc.perform(put("/api/v1/calendar/years/" + c[0]).header("Authorization", admin)
                            .contentType(MediaType.APPLICATION_JSON).content(c[1]))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.parameter").value(c[2]));
        }
        mvc.perform(put("/api/v1/calendar/years/2027").header("Authorization", admin)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"year\": 2027, \"days\": [{\"date\": 5"))
                .andExpect(status().isBadRequest());
        mvc.perform(put("/api/v1/calendar/years/2027").header("Authorization", officer)
                .contentType(MediaType.APPLICATION_JSON).content(NOTICE_2027)).andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/calendar/years/2027").contentType(MediaType.APPLICATION_JSON).content(NOTICE_2027))
                .andExpect(status().isUnauthorized());
        mvc.perform(delete("/api/v1/calendar/years/2031").header("Authorization", admin))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.sql("SELECT count(*) FROM calendar.year_schedule").query(Long.class).single()).isZero();
        assertThat(calendars.current().isProvisional(LocalDate.of(2027, 1, 1))).isTrue();
    }
}

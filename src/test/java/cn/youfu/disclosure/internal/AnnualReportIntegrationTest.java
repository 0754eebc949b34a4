package cn.youfu.disclosure.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.youfu.YoufuIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** This year's report against this year's cases, as the case engine holds them; nothing personal in it. */
@YoufuIntegrationTest
class AnnualReportIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    DisclosureFixture f;

    @BeforeEach
    void people() throws Exception {
        f = new DisclosureFixture(mvc);
    }

    static int year() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
    }

    /** Disclosure cases (requests of the module) of this year whose condition holds, from the case engine's table. */
    long cases(String condition) {
        return jdbc.sql("""
                        SELECT count(*) FROM cases.case c JOIN disclosure.request r ON r.reference = c.reference
                        WHERE c.type_code = 'information-disclosure' AND """ + " " + condition)
                .param(year()).query(Long.class).single();
    }

    static long total(JsonNode report, String code) {
        for (var line : report.get("requests")) {
            if (line.get("code").asString().equals(code)) {
                var values = line.get("values");
                return values.get(values.size() - 1).asLong();
            }
        }
        throw new AssertionError("no line " + code);
    }

    @Test
    void theTablesTotalsAreTheYearsCases() throws Exception {
        var disclosed = f.submit().get("reference").asString();
        f.step(f.officer, disclosed, "reply", DisclosureRepliesIntegrationTest.REPLIES.get("disclosed"), 201);
        var refused = f.submit(f.enterprise, DisclosureFixture.request("请公开企业扶持资金评审会议记录"))
                .get("reference").asString();
        f.step(f.officer, refused, "reply", DisclosureRepliesIntegrationTest.REPLIES.get("not-disclosed"), 201);
        var withdrawn = f.submit().get("reference").asString();
        f.step(f.resident, withdrawn, "withdrawal", null, 200);
        f.submit(); // still open
        f.step(f.officer, disclosed, "remedies", "{\"kind\":\"reconsideration\",\"filedOn\":\"%s\"}"
                .formatted(LocalDate.now(ZoneId.of("Asia/Shanghai"))), 200);

        var report = f.get(f.resident, "/api/v1/disclosure/annual-report/" + year(), 200);
        assertThat(report.get("balanced").asBoolean()).isTrue();
        String thisYear = "extract(year FROM c.%s AT TIME ZONE 'Asia/Shanghai') = ?";
        assertThat(total(report, "new")).isEqualTo(cases(thisYear.formatted("created_at")));
        assertThat(total(report, "results-total")).isEqualTo(cases(thisYear.formatted("closed_at")));
        assertThat(total(report, "result.1")).isEqualTo(cases(thisYear.formatted("closed_at")
                + " AND c.state IN ('disclosed', 'already-public')"));
        assertThat(total(report, "result.3.6")).isEqualTo(cases(thisYear.formatted("closed_at")
                + " AND c.state = 'not-disclosed'")); // every refusal here gave process information first
        assertThat(total(report, "carried-forward")).isEqualTo(cases("c.closed_at IS NULL AND ? > 0"));
        long results = 0;
        for (var line : report.get("requests")) {
            if (line.get("code").asString().startsWith("result.")) {
                results += line.get("values").get(line.get("values").size() - 1).asLong();
            }
        }
        assertThat(results).isEqualTo(total(report, "results-total"));
        assertThat(report.get("remedies").get(0).get("values").get(3).asLong()).isPositive();
        assertThat(report.toString()).doesNotContain("陈有福", "350102195803120016", "13812345678", "FZ-20");
    }

    @Test
    void theReportDownloadsAsCsvAndPdfAndItsPageShowsNothingPersonal() throws Exception {
        f.submit();
        var csv = mvc.perform(get("/api/v1/disclosure/annual-report/" + year() + "/csv")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("本年新收政府信息公开申请数量", "自然人", "结转下年度继续办理");
        var pdf = mvc.perform(get("/api/v1/disclosure/annual-report/" + year() + "/pdf")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        var page = mvc.perform(get("/open/annual-report/" + year())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("予以公开", "数字相符").doesNotContain("陈有福", "350102195803120016", "13812345678");
        mvc.perform(get("/api/v1/disclosure/annual-report/2007")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/disclosure/annual-report/" + (year() + 1))).andExpect(status().isBadRequest());
    }
}

package cn.youfu.disclosure.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.youfu.disclosure.internal.AnnualReportService.Fact;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Table 3 of the 2025 report from requests counted by hand (columns: natural person, enterprise, …, total). */
class AnnualReportTallyTest {

    static Fact fact(String kind, String received, String closed, String state, String ground) {
        return new Fact(kind, LocalDate.parse(received), closed == null ? null : LocalDate.parse(closed), state,
                ground);
    }

    static final List<Fact> REQUESTS = List.of(
            fact("resident", "2024-12-20", "2025-01-10", "disclosed", null),            // carried over, (一)
            fact("enterprise", "2025-03-01", "2025-03-20", "not-disclosed", "trade-secret"), // new, (三)4
            fact("resident", "2025-12-25", null, null, null),                           // new, carried forward
            fact("resident", "2025-06-01", "2025-06-10", "abandoned", null),            // new, (六)1
            fact("resident", "2024-05-01", "2024-06-01", "not-held", null),             // a 2024 matter only
            fact("resident", "2026-01-05", null, null, null),                           // a 2026 matter only
            fact("resident", "2025-11-01", "2026-01-03", "partially-disclosed", "privacy"), // new, carried forward
            fact("enterprise", "2024-11-30", null, null, null));                        // carried over and forward

    @Test
    void everyRequestIsCountedOnceOnEachSideAndTheSidesBalance() {
        var lines = AnnualReportService.tally(REQUESTS, 2025);
        assertThat(lines.get("new")).containsExactly(3, 1, 0, 0, 0, 0, 4);
        assertThat(lines.get("carried-over")).containsExactly(1, 1, 0, 0, 0, 0, 2);
        assertThat(lines.get("result.1")).containsExactly(1, 0, 0, 0, 0, 0, 1);
        assertThat(lines.get("result.3.4")).containsExactly(0, 1, 0, 0, 0, 0, 1);
        assertThat(lines.get("result.6.1")).containsExactly(1, 0, 0, 0, 0, 0, 1);
        assertThat(lines.get("result.2")).containsOnly(0);
        assertThat(lines.get("results-total")).containsExactly(2, 1, 0, 0, 0, 0, 3);
        assertThat(lines.get("carried-forward")).containsExactly(2, 1, 0, 0, 0, 0, 3);
        assertThat(AnnualReportService.balanced(lines)).isTrue();
    }

    @Test
    void eachClosingCountsInTheTemplatesRow() {
        assertThat(ReportRows.row("already-public", null)).isEqualTo("1");
        assertThat(ReportRows.row("not-disclosed", "state-secret")).isEqualTo("3.1");
        assertThat(ReportRows.row("not-disclosed", "process-information")).isEqualTo("3.6");
        assertThat(ReportRows.row("not-disclosed", "enforcement-case")).isEqualTo("3.7");
        assertThat(ReportRows.row("not-this-agency", null)).isEqualTo("4.1");
        assertThat(ReportRows.row("repeat-request", null)).isEqualTo("5.2");
        assertThat(ReportRows.row("withdrawn", null)).isEqualTo("6.3");
        assertThat(ReportRows.RESULTS).hasSize(21);
    }
}

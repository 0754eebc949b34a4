package cn.youfu.disclosure;

import java.util.List;

/**
 * The annual report on open government information (政府信息公开工作年度报告, Art. 49–50, due each 31 January), in
 * the tables of the national template (国办公开办函〔2021〕30号), computed from the year's records: documents
 * published proactively by category; requests received by applicant type, carried over, closed by each outcome,
 * carried forward; reconsideration and litigation; fees. Public: counts only, nothing personal.
 */
public interface AnnualReports {

    /**
     * The report for {@code year} (China dates; the current year so far until it ends).
     *
     * @throws cn.youfu.platform.InvalidParameterException for a year before 2008 or after the current one
     */
    AnnualReport of(int year);

    /** The report as CSV (UTF-8 with a byte-order mark, for spreadsheets): one line per table row. */
    byte[] csv(int year);

    /** The report as a PDF. */
    byte[] pdf(int year);

    /**
     * @param requests   table 3: the applicant-type columns are {@link #COLUMNS}, each line's last value the total
     * @param balanced   whether new + carried over = closed + carried forward, in every column
     */
    record AnnualReport(int year, List<CategoryLine> proactive, List<Line> requests, List<Line> remedies,
                        FeeLine fees, boolean balanced) {
    }

    /** The applicant-type columns of table 3, as the template has them; the total follows. */
    List<String> COLUMNS = List.of("natural-person", "commercial-enterprise", "research-institution",
            "public-interest-organisation", "legal-service", "other-organisation");

    /** Documents of a category: versions published in the year, new documents among them, and late ones. */
    record CategoryLine(String category, String name, long published, long newDocuments, long late) {
    }

    /** A row of a table: its code (e.g. {@code result.3.4}), its label, its values. */
    record Line(String code, String label, List<Long> values) {
    }

    /** Processing fees (Art. 42) charged on replies of the year. */
    record FeeLine(long replies, long yuan) {
    }
}

package cn.youfu.disclosure.internal;

import cn.youfu.disclosure.AnnualReports;
import cn.youfu.disclosure.OpenCategory;
import cn.youfu.platform.InvalidParameterException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/** Computes the annual report's tables from the module's own records, and writes them as CSV and PDF. */
@Service
class AnnualReportService implements AnnualReports {

    private static final int WIDTH = COLUMNS.size() + 1;

    /** A request as the report counts it. */
    record Fact(String applicantKind, LocalDate receivedOn, LocalDate closedOn, String closedState,
                String firstGround) {
    }

    private final JdbcClient jdbc;
    private final PublicDocuments documents;
    private final MessageSource messages;
    private final LetterPdf pdf;
    private final Clock clock;

    AnnualReportService(JdbcClient jdbc, PublicDocuments documents, MessageSource messages, LetterPdf pdf,
                        Clock clock) {
        this.jdbc = jdbc;
        this.documents = documents;
        this.messages = messages;
        this.pdf = pdf;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public AnnualReport of(int year) {
        int current = DisclosureService.today(clock).getYear();
        if (year < 2008 || year > current) {
            throw InvalidParameterException.outOfRange("year", year, 2008, current);
        }
        var locale = LocaleContextHolder.getLocale();
        var counts = tally(facts(year), year);
        var requests = new ArrayList<Line>();
        counts.forEach((code, values) -> requests.add(new Line(code, label(code, locale), Arrays.stream(values)
                .boxed().toList())));
        return new AnnualReport(year, proactive(year, locale), requests, remedies(year, locale), fees(year),
                balanced(counts));
    }

    /**
     * Table 3 from the requests: received this year ({@code new}), open at its start ({@code carried-over}), closed
     * in it by outcome ({@code result.*}, {@code results-total}), open at its end ({@code carried-forward}); each
     * line's values are the applicant-type columns and their total.
     */
    static Map<String, long[]> tally(List<Fact> facts, int year) {
        var start = LocalDate.of(year, 1, 1);
        var end = LocalDate.of(year, 12, 31);
        var lines = new LinkedHashMap<String, long[]>();
        lines.put("new", new long[WIDTH]);
        lines.put("carried-over", new long[WIDTH]);
        ReportRows.RESULTS.forEach(code -> lines.put("result." + code, new long[WIDTH]));
        lines.put("results-total", new long[WIDTH]);
        lines.put("carried-forward", new long[WIDTH]);
        for (var f : facts) {
            int column = ReportRows.column(f.applicantKind());
            if (f.receivedOn().isAfter(end) || (f.closedOn() != null && f.closedOn().isBefore(start))) {
                continue;
            }
            add(lines.get(f.receivedOn().isBefore(start) ? "carried-over" : "new"), column);
            if (f.closedOn() != null && !f.closedOn().isAfter(end)) {
                add(lines.get("result." + ReportRows.row(f.closedState(), f.firstGround())), column);
                add(lines.get("results-total"), column);
            } else {
                add(lines.get("carried-forward"), column);
            }
        }
        return lines;
    }

    private static void add(long[] line, int column) {
        line[column]++;
        line[WIDTH - 1]++;
    }

    /** new + carried over = closed + carried forward, column by column. */
    static boolean balanced(Map<String, long[]> lines) {
        for (int c = 0; c < WIDTH; c++) {
            if (lines.get("new")[c] + lines.get("carried-over")[c]
                    != lines.get("results-total")[c] + lines.get("carried-forward")[c]) {
                return false;
            }
        }
        return true;
    }

    private List<Fact> facts(int year) {
        return jdbc.sql("""
                        SELECT r.applicant_kind, r.received_on, r.closed_on, r.closed_state,
                               p.content -> 'grounds' ->> 0 AS first_ground
                        FROM disclosure.request r LEFT JOIN disclosure.reply p ON p.reference = r.reference
                        WHERE r.received_on <= ? AND (r.closed_on IS NULL OR r.closed_on >= ?)""")
                .params(LocalDate.of(year, 12, 31), LocalDate.of(year, 1, 1))
                .query((rs, n) -> new Fact(rs.getString(1), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5))).list();
    }

    private List<CategoryLine> proactive(int year, Locale locale) {
        var found = new java.util.HashMap<String, Object[]>();
        documents.countsByCategory(year).forEach(row -> found.put((String) row[0], row));
        return Arrays.stream(OpenCategory.values()).map(c -> {
            var row = found.getOrDefault(c.code(), new Object[] {c.code(), 0L, 0L, 0L});
            return new CategoryLine(c.code(), messages.getMessage("disclosure.category." + c.code(), null, locale),
                    (Long) row[1], (Long) row[3], (Long) row[2]);
        }).toList();
    }

    /** Table 4: per kind of remedy, the results of those filed in the year (pending if undecided at its end). */
    private List<Line> remedies(int year, Locale locale) {
        var end = LocalDate.of(year, 12, 31);
        var lines = new ArrayList<Line>();
        for (var kind : List.of("reconsideration", "litigation", "litigation-after-reconsideration")) {
            var values = jdbc.sql("""
                            SELECT count(*) FILTER (WHERE decided_on <= ? AND result = 'upheld'),
                                   count(*) FILTER (WHERE decided_on <= ? AND result = 'corrected'),
                                   count(*) FILTER (WHERE decided_on <= ? AND result = 'other'),
                                   count(*) FILTER (WHERE decided_on IS NULL OR decided_on > ? OR result = 'pending'),
                                   count(*)
                            FROM disclosure.remedy WHERE kind = ? AND extract(year FROM filed_on) = ?""")
                    .params(end, end, end, end, kind, year)
                    .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                            rs.getLong(5))).single();
            lines.add(new Line("remedy." + kind, label("remedy." + kind, locale), values));
        }
        return lines;
    }

    private FeeLine fees(int year) {
        return jdbc.sql("SELECT count(*), coalesce(sum(fee_yuan), 0) FROM disclosure.reply "
                        + "WHERE fee_yuan > 0 AND extract(year FROM replied_on) = ?")
                .param(year).query((rs, n) -> new FeeLine(rs.getLong(1), rs.getLong(2))).single();
    }

    private String label(String code, Locale locale) {
        return messages.getMessage("disclosure.report.row." + code, null, code, locale);
    }

    @Override
    public byte[] csv(int year) {
        var report = of(year);
        var locale = LocaleContextHolder.getLocale();
        var rows = new ArrayList<List<String>>();
        rows.add(List.of(messages.getMessage("disclosure.report.csv.header", new Object[] {year}, locale)));
        rows.add(List.of(messages.getMessage("disclosure.report.table.proactive", null, locale),
                messages.getMessage("disclosure.report.proactive.published", null, locale),
                messages.getMessage("disclosure.report.proactive.new", null, locale),
                messages.getMessage("disclosure.report.proactive.late", null, locale)));
        report.proactive().forEach(c -> rows.add(List.of(c.name(), String.valueOf(c.published()),
                String.valueOf(c.newDocuments()), String.valueOf(c.late()))));
        rows.add(header("disclosure.report.table.requests", locale));
        report.requests().forEach(l -> rows.add(line(l)));
        rows.add(List.of(messages.getMessage("disclosure.report.table.remedies", null, locale),
                messages.getMessage("disclosure.report.remedy.columns", null, locale)));
        report.remedies().forEach(l -> rows.add(line(l)));
        rows.add(List.of(messages.getMessage("disclosure.report.fees", null, locale),
                String.valueOf(report.fees().replies()), String.valueOf(report.fees().yuan())));
        var out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.writeBytes(new CsvMapper().writer(CsvSchema.emptySchema()).writeValueAsString(rows)
                .getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private List<String> header(String table, Locale locale) {
        var header = new ArrayList<String>();
        header.add(messages.getMessage(table, null, locale));
        COLUMNS.forEach(c -> header.add(messages.getMessage("disclosure.report.column." + c, null, locale)));
        header.add(messages.getMessage("disclosure.report.column.total", null, locale));
        return header;
    }

    private static List<String> line(Line l) {
        var cells = new ArrayList<String>();
        cells.add(l.label());
        l.values().forEach(v -> cells.add(String.valueOf(v)));
        return cells;
    }

    @Override
    public byte[] pdf(int year) {
        var report = of(year);
        var locale = LocaleContextHolder.getLocale();
        var lines = new ArrayList<String>();
        lines.add(messages.getMessage("disclosure.report.table.proactive", null, locale));
        report.proactive().forEach(c -> lines.add(messages.getMessage("disclosure.report.pdf.category",
                new Object[] {c.name(), c.published(), c.newDocuments(), c.late()}, locale)));
        lines.add(messages.getMessage("disclosure.report.table.requests", null, locale) + "（"
                + String.join(" / ", header("disclosure.report.table.requests", locale).subList(1, WIDTH + 1)) + "）");
        report.requests().forEach(l -> lines.add(l.label() + "：" + joined(l.values())));
        lines.add(messages.getMessage("disclosure.report.table.remedies", null, locale) + "（"
                + messages.getMessage("disclosure.report.remedy.columns", null, locale) + "）");
        report.remedies().forEach(l -> lines.add(l.label() + "：" + joined(l.values())));
        lines.add(messages.getMessage("disclosure.report.pdf.fees", new Object[] {report.fees().replies(),
                report.fees().yuan()}, locale));
        var title = messages.getMessage("disclosure.report.title", new Object[] {String.valueOf(year)}, locale);
        return pdf.render(new LetterPdf.Letter(title, title, lines, List.of(messages.getMessage(
                "disclosure.report.pdf.note", null, locale))));
    }

    private static String joined(List<Long> values) {
        return String.join(" / ", values.stream().map(String::valueOf).toList());
    }
}

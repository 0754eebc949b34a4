package cn.youfu.disclosure.internal;

import cn.youfu.disclosure.AnnualReports;
import cn.youfu.disclosure.AnnualReports.AnnualReport;
import cn.youfu.platform.Parameters;
import cn.youfu.platform.PublicEndpoint;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/disclosure/annual-report")
@Tag(name = "Open government annual report", description = "政府信息公开工作年度报告 (Art. 49–50), public")
@PublicEndpoint
class AnnualReportController {

    private final AnnualReports reports;

    AnnualReportController(AnnualReports reports) {
        this.reports = reports;
    }

    @GetMapping(path = "/{year}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The national template's tables for a year, computed from its records")
    AnnualReport report(@PathVariable String year) {
        return reports.of(year(year));
    }

    @GetMapping(path = "/{year}/csv", produces = "text/csv")
    @Operation(summary = "The report as CSV")
    ResponseEntity<byte[]> csv(@PathVariable String year) {
        int y = year(year);
        return download(reports.csv(y), MediaType.parseMediaType("text/csv;charset=UTF-8"), y + ".csv");
    }

    @GetMapping(path = "/{year}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The report as PDF")
    ResponseEntity<byte[]> pdf(@PathVariable String year) {
        int y = year(year);
        return download(reports.pdf(y), MediaType.APPLICATION_PDF, y + ".pdf");
    }

    private static int year(String year) {
        return Parameters.integer("year", year, 2008, 9999, null);
    }

    private static ResponseEntity<byte[]> download(byte[] bytes, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("open-government-report-" + name, StandardCharsets.UTF_8).build().toString())
                .body(bytes);
    }
}

package cn.youfu.web;

import cn.youfu.disclosure.AnnualReports;
import cn.youfu.disclosure.OpenCategory;
import cn.youfu.disclosure.OpenDocuments;
import cn.youfu.platform.Parameters;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 政务公开, the public portal: what the city publishes proactively (Art. 20), by category, searched in full text as it
 * is typed (htmx), each document at its stable address with its history and its category's Atom feed. Nothing here
 * needs signing in, and nothing personal is shown (published text has ID and mobile numbers masked).
 */
@Controller
class OpenPages {

    private final OpenDocuments documents;
    private final AnnualReports reports;

    OpenPages(OpenDocuments documents, AnnualReports reports) {
        this.documents = documents;
        this.reports = reports;
    }

    /** The annual report (Art. 49–50): the national template's tables for a year, with CSV and PDF downloads. */
    @GetMapping("/open/annual-report/{year}")
    String annualReport(@PathVariable String year, Model model) {
        int y = Parameters.integer("year", year, 2008, 9999, null);
        model.addAttribute("report", reports.of(y));
        model.addAttribute("columns", AnnualReports.COLUMNS);
        return "open/annual-report";
    }

    @GetMapping("/open")
    String list(@RequestParam(required = false) String category, @RequestParam(required = false) String q,
                @RequestParam(required = false) String page,
                @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        var chosen = category == null || category.isBlank() ? null
                : OpenCategory.of(category.strip()).map(OpenCategory::code).orElse(null);
        var query = q == null ? "" : q.strip();
        int number = Parameters.integer("page", page, 1, 10_000, 1);
        var found = documents.search(chosen, null, query, number, 20);
        model.addAttribute("categories", List.copyOf(Arrays.asList(OpenCategory.values())));
        model.addAttribute("category", chosen);
        model.addAttribute("q", query);
        model.addAttribute("found", found);
        model.addAttribute("pages", (int) Math.max(1, (found.total() + 19) / 20));
        model.addAttribute("reportYear", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear());
        return htmx != null ? "open/list :: results" : "open/list";
    }

    @GetMapping("/open/documents/{id}")
    String document(@PathVariable String id, Model model) {
        model.addAttribute("document", documents.find(id).orElseThrow(() -> PageProblem.documentNotFound(id)));
        return "open/document";
    }
}

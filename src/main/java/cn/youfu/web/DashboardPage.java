package cn.youfu.web;

import cn.youfu.cases.CaseLists;
import cn.youfu.catalog.Catalog;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The supervisor's dashboard: applications per day and the share the rules decided, handling time and on-time rate
 * per department, overdue cases per department and item. Each chart is drawn from the table beside it
 * ({@code js/dashboard.js}), so the table is the chart's accessible view and the figures exist once.
 */
@Controller
class DashboardPage {

    /** Days shown in the per-day charts, today included. */
    static final int DAYS = 30;
    private static final String APPLICATIONS = "service-application";

    private final CaseLists lists;
    private final Catalog catalog;
    private final Departments departments;
    private final Clock clock;

    DashboardPage(CaseLists lists, Catalog catalog, Departments departments, Clock clock) {
        this.lists = lists;
        this.catalog = catalog;
        this.departments = departments;
        this.clock = clock;
    }

    /**
     * A row of overdue cases: the department (by name) and what they are about (the catalogue item's name, or the
     * title).
     */
    record Overdue(String department, String subject, String typeName, long cases) {
    }

    @GetMapping("/supervisor/dashboard")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN')")
    String dashboard(Model model, Locale locale) {
        var today = LocalDate.now(clock);
        model.addAttribute("days", lists.daily(APPLICATIONS, today.minusDays(DAYS - 1L), today));
        var figures = lists.supervision(today.withDayOfYear(1), today);
        var names = new LinkedHashMap<String, String>();
        figures.byDepartment().forEach(f -> names.put(f.key(), departments.name(f.key(), locale)));
        model.addAttribute("figures", figures);
        model.addAttribute("departmentNames", names);
        model.addAttribute("overdue", lists.overdue().stream().map(o -> new Overdue(
                departments.name(o.department(), locale),
                o.item() == null ? o.title() : catalog.find(o.item()).map(i -> i.name().in(locale)).orElse(o.title()),
                o.typeName(), o.cases())).toList());
        return "supervisor/dashboard";
    }
}

package cn.youfu.cases.internal;

import cn.youfu.calendar.Calendars;
import cn.youfu.cases.CaseSummary;
import cn.youfu.cases.SupervisionFigures;
import cn.youfu.cases.internal.CaseQueries.InboxFilter;
import cn.youfu.identity.CurrentUser;
import cn.youfu.identity.Role;
import cn.youfu.platform.InvalidParameterException;
import cn.youfu.platform.Parameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Officers' inboxes, departments' queues, and the supervisor's figures. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Cases")
class InboxController {

    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

    private final CaseQueries queries;
    private final Calendars calendars;
    private final Clock clock;

    InboxController(CaseQueries queries, Calendars calendars, Clock clock) {
        this.queries = queries;
        this.calendars = calendars;
        this.clock = clock;
    }

    @GetMapping("/inbox")
    @PreAuthorize("hasAnyRole('OFFICER','REVIEWER','SUPERVISOR','ADMIN')")
    @Operation(summary = "Open cases ordered by statutory deadline: `scope=mine` (given to me) or `department` "
            + "(my department's queue; supervisors may name any `department` or see all)",
            description = "Filters: `type`, `state`, `overdue=true|false`, `dueWithin=N` (statutory deadline within N "
                    + "working days), `page`, `size` (1–200).")
    List<CaseSummary> inbox(@RequestParam(required = false) String scope,
                            @RequestParam(required = false) String department,
                            @RequestParam(required = false) String type,
                            @RequestParam(required = false) String state,
                            @RequestParam(required = false) String overdue,
                            @RequestParam(required = false) String dueWithin,
                            @RequestParam(required = false) String page,
                            @RequestParam(required = false) String size,
                            Authentication authentication) {
        var user = CurrentUser.of(authentication);
        boolean overseer = user.has(Role.SUPERVISOR) || user.has(Role.ADMIN);
        var where = Parameters.oneOf("scope", scope, "department", "mine", "department");
        String queue;
        if (overseer) {
            queue = department == null || department.isBlank() ? null : department.strip();
        } else {
            if (user.department() == null) {
                throw CaseProblems.noDepartment();
            }
            if (department != null && !department.isBlank() && !department.strip().equals(user.department())) {
                throw InvalidParameterException.because("department", "not-your-department", department);
            }
            queue = user.department();
        }
        LocalDate dueBy = null;
        if (dueWithin != null && !dueWithin.isBlank()) {
            int n = Parameters.integer("dueWithin", dueWithin, 0, 365, null);
            var today = Case.today(clock.instant());
            dueBy = n == 0 ? today : calendars.current().deadline(today, n).deadline();
        }
        return queries.inbox(new InboxFilter(queue, where.equals("mine") ? user.username() : null, blank(type),
                blank(state), Parameters.bool("overdue", overdue), dueBy, false,
                Parameters.integer("page", page, 0, 100_000, 0), Parameters.integer("size", size, 1, 200, 50)));
    }

    @GetMapping("/supervision/stats")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN')")
    @Operation(summary = "On-time rate, average handling time in working days, open and overdue cases, per "
            + "department and per case type. `from`/`to` bound the closing dates (default: this year).")
    SupervisionFigures stats(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        var today = Case.today(clock.instant());
        var start = from == null ? today.withDayOfYear(1) : Parameters.date("from", from, EARLIEST, LATEST);
        var end = to == null ? today : Parameters.date("to", to, EARLIEST, LATEST);
        if (end.isBefore(start)) {
            throw InvalidParameterException.because("to", "not-before", to, from);
        }
        return queries.supervision(start, end);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

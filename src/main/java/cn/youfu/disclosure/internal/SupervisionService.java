package cn.youfu.disclosure.internal;

import cn.youfu.calendar.Calendars;
import cn.youfu.cases.CaseEngine;
import cn.youfu.disclosure.DisclosureSupervision;
import cn.youfu.identity.CurrentUser;
import cn.youfu.identity.Role;
import cn.youfu.platform.InvalidParameterException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The officers' list with at-risk requests on top, and the on-time figures; deadlines come from the case engine. */
@Service
class SupervisionService implements DisclosureSupervision {

    private static final Comparator<InboxLine> PRESSING = Comparator
            .comparing((InboxLine l) -> !l.atRisk())
            .thenComparing(InboxLine::deadline, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(InboxLine::receivedOn);

    private final Requests requests;
    private final CaseEngine cases;
    private final Calendars calendars;
    private final DisclosureSettings settings;
    private final JdbcClient jdbc;
    private final Clock clock;

    SupervisionService(Requests requests, CaseEngine cases, Calendars calendars, DisclosureSettings settings,
                       JdbcClient jdbc, Clock clock) {
        this.requests = requests;
        this.cases = cases;
        this.calendars = calendars;
        this.settings = settings;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<InboxLine> inbox(CurrentUser staff) {
        boolean everyDepartment = staff.has(Role.SUPERVISOR) || staff.has(Role.ADMIN);
        return open(everyDepartment ? null : staff.department());
    }

    /** Open requests of a department (all when null), most pressing first. */
    private List<InboxLine> open(String department) {
        var today = DisclosureService.today(clock);
        var calendar = calendars.current();
        var lines = new ArrayList<InboxLine>();
        for (var r : requests.open(department)) {
            cases.find(r.reference()).filter(c -> !c.closed()).ifPresent(c -> {
                var deadline = c.clock().statutoryDeadline();
                Integer left = deadline == null ? null : today.isAfter(deadline)
                        ? -calendar.workingDaysBetween(deadline, today) : calendar.workingDaysBetween(today, deadline);
                lines.add(new InboxLine(r.reference(), DisclosureService.abbreviate(r.correctedDescription() != null
                        ? r.correctedDescription() : r.description(), 80), r.applicantKind(), r.department(),
                        c.state(), c.stateName(), r.receivedOn(), deadline, left,
                        left != null && left <= settings.atRiskWorkingDays(), c.clock().paused(),
                        c.clock().escalated(), c.clock().overdue() || (left != null && left < 0)));
            });
        }
        lines.sort(PRESSING);
        return lines;
    }

    @Override
    @Transactional(readOnly = true)
    public Figures figures(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            throw InvalidParameterException.missing(from == null ? "from" : "to");
        }
        if (to.isBefore(from)) {
            throw InvalidParameterException.because("to", "not-before", to, from);
        }
        var byDepartment = new TreeMap<String, long[]>();
        jdbc.sql("""
                        SELECT q.department, count(*), count(*) FILTER (WHERE p.on_time)
                        FROM disclosure.reply p JOIN disclosure.request q ON q.reference = p.reference
                        WHERE p.replied_on BETWEEN ? AND ? GROUP BY q.department""")
                .params(from, to).query((RowCallbackHandler) rs -> {
                    var line = line(byDepartment, rs.getString(1));
                    line[0] = rs.getLong(2);
                    line[1] = rs.getLong(3);
                });
        for (var open : open(null)) {
            var line = line(byDepartment, open.department());
            line[2]++;
            line[3] += open.atRisk() ? 1 : 0;
            line[4] += open.overdue() ? 1 : 0;
        }
        jdbc.sql("""
                        SELECT d.department, count(*) FROM disclosure.public_version v
                        JOIN disclosure.public_document d ON d.id = v.document_id
                        WHERE v.late AND v.published_on BETWEEN ? AND ? GROUP BY d.department""")
                .params(from, to)
                .query((RowCallbackHandler) rs -> line(byDepartment, rs.getString(1))[5] = rs.getLong(2));
        var total = new long[6];
        var lines = byDepartment.entrySet().stream().map(e -> {
            for (int i = 0; i < total.length; i++) {
                total[i] += e.getValue()[i];
            }
            return figures(e.getKey(), e.getValue());
        }).toList();
        return new Figures(from, to, lines, figures(null, total));
    }

    private static long[] line(Map<String, long[]> lines, String department) {
        return lines.computeIfAbsent(department, d -> new long[6]);
    }

    private static DepartmentFigures figures(String department, long[] v) {
        return new DepartmentFigures(department, v[0], v[1], v[0] == 0 ? null : (double) v[1] / v[0], v[2], v[3],
                v[4], v[5]);
    }
}

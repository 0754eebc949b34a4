package cn.youfu.cases.internal;

import cn.youfu.calendar.Calendars;
import cn.youfu.cases.CaseLists;
import cn.youfu.cases.CaseSummary.Urgency;
import cn.youfu.cases.CaseSummary;
import cn.youfu.cases.SupervisionFigures.Figures;
import cn.youfu.cases.SupervisionFigures;
import cn.youfu.calendar.PeriodUnit;
import cn.youfu.identity.CurrentUser;
import cn.youfu.identity.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The read side: inboxes, queues, "my cases" and the supervisor's figures. */
@Component
class CaseQueries implements CaseLists {

    private final JdbcClient jdbc;
    private final CaseTypes types;
    private final Calendars calendars;
    private final Clock clock;

    CaseQueries(JdbcClient jdbc, CaseTypes types, Calendars calendars, Clock clock) {
        this.jdbc = jdbc;
        this.types = types;
        this.calendars = calendars;
        this.clock = clock;
    }

    /**
     * @param department  a department's queue; null for all departments (supervisors)
     * @param assignee    only cases given to this officer; null for the whole queue
     * @param dueBy       only cases whose statutory deadline is on or before this date
     */
    record InboxFilter(String department, String assignee, String type, String state, Boolean overdue,
                       LocalDate dueBy, boolean includeClosed, int page, int size) {
    }

    List<CaseSummary> inbox(InboxFilter filter) {
        var where = new ArrayList<String>();
        var params = new HashMap<String, Object>();
        if (!filter.includeClosed()) {
            where.add("NOT closed");
        }
        add(where, params, "department = :department", "department", filter.department());
        add(where, params, "assignee = :assignee", "assignee", filter.assignee());
        add(where, params, "type_code = :type", "type", filter.type());
        add(where, params, "state = :state", "state", filter.state());
        if (filter.overdue() != null) {
            var today = Case.today(clock.instant());
            params.put("today", today);
            where.add(filter.overdue() ? "(overdue OR statutory_deadline < :today)"
                    : "NOT overdue AND (statutory_deadline IS NULL OR statutory_deadline >= :today)");
        }
        add(where, params, "statutory_deadline <= :dueBy", "dueBy", filter.dueBy());
        params.put("limit", filter.size());
        params.put("offset", (long) filter.page() * filter.size());
        var sql = "SELECT " + Cases.COLUMNS + " FROM cases.case"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY statutory_deadline ASC NULLS LAST, created_at ASC LIMIT :limit OFFSET :offset";
        return jdbc.sql(sql).params(params).query(this::summary).list();
    }

    @Override
    public List<CaseSummary> inbox(CurrentUser staff, boolean mineOnly, int size) {
        boolean overseer = staff.has(Role.SUPERVISOR) || staff.has(Role.ADMIN);
        if (!overseer && staff.department() == null) {
            return List.of();
        }
        return inbox(new InboxFilter(overseer ? null : staff.department(), mineOnly ? staff.username() : null, null,
                null, null, null, false, 0, Math.max(1, Math.min(200, size))));
    }

    @Override
    public List<CaseSummary> ofApplicant(String username) {
        return jdbc.sql("SELECT " + Cases.COLUMNS
                        + " FROM cases.case WHERE applicant_username = ? ORDER BY created_at DESC LIMIT 200")
                .param(username).query(this::summary).list();
    }

    private static void add(List<String> where, Map<String, Object> params, String clause, String name, Object value) {
        if (value != null) {
            where.add(clause);
            params.put(name, value);
        }
    }

    private CaseSummary summary(ResultSet rs, int row) throws SQLException {
        var locale = LocaleContextHolder.getLocale();
        var type = types.require(rs.getString("type_code"));
        var state = rs.getString("state");
        var statutory = Cases.date(rs, "statutory_deadline");
        var promised = Cases.date(rs, "promised_deadline");
        boolean closed = type.state(state).terminal();
        return new CaseSummary(rs.getString("reference"), type.code(), type.name().in(locale), state,
                type.state(state).name().in(locale), rs.getString("title"), rs.getString("applicant_name"),
                rs.getString("department"), rs.getString("assignee"), Cases.instant(rs, "created_at"), statutory,
                promised, closed, urgency(unit(type, rs), closed, statutory, promised, Cases.date(rs, "paused_since"),
                        Cases.date(rs, "clock_started_on"), rs.getBoolean("overdue")));
    }

    /** The unit of the case's statutory limit: its own, else its type's. */
    private static PeriodUnit unit(CaseType type, ResultSet rs) throws SQLException {
        var own = rs.getString("own_statutory_unit");
        return own == null ? type.clock().statutory().unit() : PeriodUnit.valueOf(own);
    }

    private Urgency urgency(PeriodUnit unit, boolean closed, LocalDate statutory, LocalDate promised,
                            LocalDate pausedSince, LocalDate startedOn, boolean overdue) {
        if (closed) {
            return Urgency.CLOSED;
        }
        if (pausedSince != null) {
            return Urgency.PAUSED;
        }
        if (startedOn == null || statutory == null) {
            return Urgency.NOT_STARTED;
        }
        var today = Case.today(clock.instant());
        if (overdue || today.isAfter(statutory)) {
            return Urgency.OVERDUE;
        }
        if (promised != null && today.isAfter(promised)) {
            return Urgency.ESCALATED;
        }
        int left = calendars.current().daysBetween(today, statutory, unit, List.of());
        return left <= 2 ? Urgency.DUE_SOON : Urgency.ON_TRACK;
    }

    /**
     * On-time rate and average handling time of cases closed in {@code [from, to]} (China dates), and open and
     * overdue cases now. The average handling time counts cases whose statutory limit is in working days only (their
     * own limit's unit, else their type's), so that it is in working days.
     */
    @Override
    public SupervisionFigures supervision(LocalDate from, LocalDate to) {
        var workingDayTypes = types.all().stream()
                .filter(t -> t.clock().statutory().unit() == PeriodUnit.WORKING_DAYS).map(CaseType::code).toList();
        var today = Case.today(clock.instant());
        return new SupervisionFigures(from, to, figures("department", from, to, today, workingDayTypes),
                figures("type_code", from, to, today, workingDayTypes));
    }

    private List<Figures> figures(String column, LocalDate from, LocalDate to, LocalDate today,
                                  List<String> workingDayTypes) {
        var sql = """
                SELECT %1$s AS key,
                  count(*) FILTER (WHERE NOT closed) AS open,
                  count(*) FILTER (WHERE NOT closed AND (overdue OR statutory_deadline < :today)) AS open_overdue,
                  count(*) FILTER (WHERE closed AND in_window) AS closed,
                  count(*) FILTER (WHERE closed AND in_window AND on_time) AS closed_on_time,
                  avg(handling_days) FILTER (WHERE closed AND in_window AND COALESCE(own_limits #>> '{statutory,unit}',
                      CASE WHEN type_code = ANY(:wd) THEN 'WORKING_DAYS' END) = 'WORKING_DAYS') AS avg_days
                FROM (SELECT *, (closed_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN :from AND :to AS in_window
                      FROM cases.case) c
                GROUP BY %1$s ORDER BY %1$s""".formatted(column);
        return jdbc.sql(sql).param("today", today).param("from", from).param("to", to)
                .param("wd", workingDayTypes.toArray(String[]::new))
                .query((rs, n) -> {
                    long closed = rs.getLong("closed");
                    long onTime = rs.getLong("closed_on_time");
                    var avg = rs.getObject("avg_days") == null ? null
                            : Math.round(rs.getDouble("avg_days") * 100) / 100.0;
                    return new Figures(rs.getString("key"), rs.getLong("open"), rs.getLong("open_overdue"), closed,
                            onTime, closed == 0 ? null : Math.round(onTime * 10000.0 / closed) / 10000.0, avg);
                }).list();
    }

    @Override
    public List<Day> daily(String type, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT d::date AS day,
                          count(c.reference) AS opened,
                          count(c.reference) FILTER (WHERE c.closed) AS closed,
                          count(c.reference) FILTER (WHERE c.closed AND c.closed_by = 'system') AS by_system
                        FROM generate_series(CAST(:from AS date), CAST(:to AS date), interval '1 day') d
                        LEFT JOIN cases.case c ON c.type_code = :type
                          AND (c.created_at AT TIME ZONE 'Asia/Shanghai')::date = d::date
                        GROUP BY d ORDER BY d""")
                .param("from", from).param("to", to).param("type", type)
                .query((rs, n) -> new Day(rs.getObject("day", LocalDate.class), rs.getLong("opened"),
                        rs.getLong("closed"), rs.getLong("by_system"))).list();
    }

    @Override
    public List<Overdue> overdue() {
        var locale = LocaleContextHolder.getLocale();
        return jdbc.sql("""
                        SELECT department, type_code, details->>'item' AS item,
                               min(title) AS title,
                               count(*) AS cases
                        FROM cases.case
                        WHERE NOT closed AND (overdue OR statutory_deadline < :today)
                        GROUP BY department, type_code, details->>'item',
                                 CASE WHEN details->>'item' IS NULL THEN title END
                        ORDER BY count(*) DESC, department, 4 LIMIT 100""")
                .param("today", Case.today(clock.instant()))
                .query((rs, n) -> new Overdue(rs.getString("department"),
                        types.require(rs.getString("type_code")).name().in(locale), rs.getString("item"),
                        rs.getString("title"), rs.getLong("cases"))).list();
    }
}

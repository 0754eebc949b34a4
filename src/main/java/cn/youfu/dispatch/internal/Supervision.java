package cn.youfu.dispatch.internal;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The "three rates" (三率) of each lead department, over events reported in a window of China dates: response rate
 * (taken on by the response deadline), resolution rate (closed after a satisfied visit), satisfaction rate (satisfied
 * or basically satisfied among the rated; the latest rating counts). Merged events count once, as their main event.
 * Events returned to the dispatchers count for the department they end up with.
 */
@Component
class Supervision {

    record DepartmentRates(String department, long events, long respondedOnTime, long resolved, long rated,
                           long satisfied, long open, long escalated, long overdue, long returned, long reopened,
                           Double responseRate, Double resolutionRate, Double satisfactionRate) {
    }

    record Dashboard(LocalDate from, LocalDate to, long awaitingDispatch, List<DepartmentRates> departments) {
    }

    private final JdbcClient jdbc;

    Supervision(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Dashboard dashboard(LocalDate from, LocalDate to) {
        var window = "(created_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN :from AND :to ";
        long waiting = jdbc.sql("SELECT count(*) FROM dispatch.event WHERE state = 'received' AND " + window)
                .param("from", from).param("to", to).query(Long.class).single();
        var rows = jdbc.sql("""
                        SELECT department, count(*) AS events,
                          count(*) FILTER (WHERE accepted_at IS NOT NULL
                            AND (accepted_at AT TIME ZONE 'Asia/Shanghai')::date <= response_due) AS responded,
                          count(*) FILTER (WHERE state = 'closed') AS resolved,
                          count(*) FILTER (WHERE rating IS NOT NULL) AS rated,
                          count(*) FILTER (WHERE rating IN ('SATISFIED', 'BASICALLY_SATISFIED')) AS satisfied,
                          count(*) FILTER (WHERE state <> 'closed') AS open,
                          count(*) FILTER (WHERE escalated) AS escalated,
                          count(*) FILTER (WHERE overdue) AS overdue,
                          coalesce(sum(returned), 0) AS returned, coalesce(sum(reopened), 0) AS reopened
                        FROM dispatch.event
                        WHERE department IS NOT NULL AND state <> 'merged' AND """ + window + """
                        GROUP BY department ORDER BY department""")
                .param("from", from).param("to", to)
                .query((rs, n) -> {
                    long events = rs.getLong("events");
                    long rated = rs.getLong("rated");
                    return new DepartmentRates(rs.getString("department"), events, rs.getLong("responded"),
                            rs.getLong("resolved"), rated, rs.getLong("satisfied"), rs.getLong("open"),
                            rs.getLong("escalated"), rs.getLong("overdue"), rs.getLong("returned"),
                            rs.getLong("reopened"), rate(rs.getLong("responded"), events),
                            rate(rs.getLong("resolved"), events), rate(rs.getLong("satisfied"), rated));
                }).list();
        return new Dashboard(from, to, waiting, rows);
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10000.0 / whole) / 10000.0;
    }
}

package cn.youfu.cases.internal;

import cn.youfu.calendar.DateInterval;
import cn.youfu.cases.CaseEngine.Limits;
import cn.youfu.cases.internal.Case.Applicant;
import cn.youfu.cases.internal.Case.Snapshot;
import cn.youfu.platform.PooledSequence;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The cases table. Updates are optimistic: a write based on a stale read changes nothing and says so. */
@Repository
class Cases {

    static final String COLUMNS = """
            reference, type_code, state, title, details, applicant_username, applicant_name, applicant_subject,
            department, assignee, created_at, created_by, clock_started_on, paused_since, pauses, extensions,
            statutory_deadline, promised_deadline, reminded, escalated, overdue, closed_at, closed_by, handling_days, on_time,
            statutory_days, promised_days, own_limits, once_taken, version, closed_by,
            own_limits #>> '{statutory,unit}' AS own_statutory_unit""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batches;
    private final JsonMapper json;
    private final CaseTypes types;
    private final PooledSequence references;

    Cases(JdbcClient jdbc, NamedParameterJdbcTemplate batches, JsonMapper json, CaseTypes types) {
        this.jdbc = jdbc;
        this.references = new PooledSequence(jdbc, "cases.reference_seq");
        this.batches = batches;
        this.json = json;
        this.types = types;
    }

    String nextReference(int year) {
        return "FZ-%d-%08d".formatted(year, references.next());
    }

    Optional<Case> find(String reference) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM cases.case WHERE reference = ?").param(reference)
                .query(this::map).optional();
    }

    /** The cases of these references that exist, by reference, in one query. */
    Map<String, Case> findAll(java.util.Collection<String> references) {
        var found = new java.util.HashMap<String, Case>();
        jdbc.sql("SELECT " + COLUMNS + " FROM cases.case WHERE reference = ANY(:references)")
                .param("references", references.toArray(String[]::new))
                .query(this::map).list().forEach(c -> found.put(c.reference(), c));
        return found;
    }

    void insert(Case aCase) {
        var s = aCase.snapshot();
        jdbc.sql("""
                        INSERT INTO cases.case (reference, type_code, type_version, state, closed, title, details,
                          applicant_username, applicant_name, applicant_subject, department, assignee, created_at,
                          created_by, clock_started_on, paused_since, pauses, extensions, statutory_deadline,
                          promised_deadline, reminded, escalated, overdue, closed_at, closed_by, handling_days, on_time,
                          statutory_days, promised_days, own_limits, once_taken, version)
                        VALUES (:reference, :type, :typeVersion, :state, :closed, :title, CAST(:details AS jsonb),
                          :applicantUsername, :applicantName, :applicantSubject, :department, :assignee, :createdAt,
                          :createdBy, :clockStartedOn, :pausedSince, CAST(:pauses AS jsonb), :extensions,
                          :statutoryDeadline, :promisedDeadline, :reminded, :escalated, :overdue, :closedAt,
                          :closedBy, :handlingDays, :onTime, :statutoryDays, :promisedDays,
                          CAST(:ownLimits AS jsonb), CAST(:onceTaken AS jsonb), 0)""")
                .paramSource(params(s, aCase.isClosed(), true))
                .update();
    }

    /** Writes the case if nobody changed it since it was read; false when somebody did (nothing written). */
    boolean update(Case aCase) {
        return updateAll(List.of(aCase))[0];
    }

    /** {@link #update} of several cases in one batch: for each, whether it was written. */
    boolean[] updateAll(List<Case> changed) {
        var counts = batches.batchUpdate(UPDATE, changed.stream()
                .map(c -> new MapSqlParameterSource(params(c.snapshot(), c.isClosed(), false)))
                .toArray(SqlParameterSource[]::new));
        var written = new boolean[counts.length];
        for (int i = 0; i < counts.length; i++) {
            written[i] = counts[i] == 1;
        }
        return written;
    }

    private static final String UPDATE = """
            UPDATE cases.case SET state = :state, closed = :closed, department = :department,
              assignee = :assignee, clock_started_on = :clockStartedOn, paused_since = :pausedSince,
              pauses = CAST(:pauses AS jsonb), extensions = :extensions,
              statutory_deadline = :statutoryDeadline, promised_deadline = :promisedDeadline,
              reminded = :reminded, escalated = :escalated, overdue = :overdue, closed_at = :closedAt,
              closed_by = :closedBy, handling_days = :handlingDays, on_time = :onTime,
              once_taken = CAST(:onceTaken AS jsonb), version = version + 1
            WHERE reference = :reference AND version = :version""";

    /** Open cases whose clock may need an alert on or after {@code horizon} (a generous calendar-day bound). */
    List<String> openWithDeadlineBefore(LocalDate horizon, int limit) {
        return jdbc.sql("""
                        SELECT reference FROM cases.case
                        WHERE NOT closed AND ((promised_deadline <= :horizon AND NOT (reminded AND escalated))
                                           OR (statutory_deadline <= :horizon AND NOT overdue))
                        ORDER BY statutory_deadline LIMIT :limit""")
                .param("horizon", horizon).param("limit", limit)
                .query(String.class).list();
    }

    List<String> openReferences() {
        return jdbc.sql("SELECT reference FROM cases.case WHERE NOT closed").query(String.class).list();
    }

    /** @param withDetails whether to serialise the details (they never change after the insert) */
    private Map<String, Object> params(Snapshot s, boolean closed, boolean withDetails) {
        var p = new java.util.HashMap<String, Object>();
        p.put("reference", s.reference());
        p.put("type", s.type().code());
        p.put("typeVersion", s.type().version());
        p.put("state", s.state());
        p.put("closed", closed);
        p.put("title", s.title());
        if (withDetails) {
            p.put("details", json.writeValueAsString(s.details()));
        }
        p.put("applicantUsername", s.applicant().username());
        p.put("applicantName", s.applicant().name());
        p.put("applicantSubject", s.applicant().subjectId());
        p.put("department", s.department());
        p.put("assignee", s.assignee());
        p.put("createdAt", Timestamp.from(s.createdAt()));
        p.put("createdBy", s.createdBy());
        p.put("clockStartedOn", s.clockStartedOn());
        p.put("pausedSince", s.pausedSince());
        p.put("pauses", json.writeValueAsString(s.pauses()));
        p.put("extensions", s.extensions());
        p.put("statutoryDeadline", s.statutoryDeadline());
        p.put("promisedDeadline", s.promisedDeadline());
        p.put("reminded", s.reminded());
        p.put("escalated", s.escalated());
        p.put("overdue", s.overdue());
        p.put("closedAt", s.closedAt() == null ? null : Timestamp.from(s.closedAt()));
        p.put("closedBy", s.closedBy());
        p.put("handlingDays", s.handlingDays());
        p.put("onTime", s.onTime());
        var own = s.own();
        p.put("statutoryDays", own == null ? null : own.statutory().days());
        p.put("promisedDays", own == null || own.promised() == null ? null : own.promised().days());
        p.put("ownLimits", own == null ? null : json.writeValueAsString(own));
        p.put("onceTaken", json.writeValueAsString(new java.util.TreeSet<>(s.takenOnce())));
        p.put("version", s.version());
        return p;
    }

    private Case map(ResultSet rs, int row) throws SQLException {
        var type = types.require(rs.getString("type_code"));
        List<DateInterval> pauses = json.readValue(rs.getString("pauses"), new TypeReference<List<DateInterval>>() {
        });
        Map<String, Object> details = json.readValue(rs.getString("details"),
                new TypeReference<Map<String, Object>>() {
                });
        return new Case(new Snapshot(rs.getString("reference"), type,
                new Applicant(rs.getString("applicant_username"), rs.getString("applicant_name"),
                        rs.getString("applicant_subject")),
                instant(rs, "created_at"), rs.getString("created_by"), rs.getString("title"), details,
                rs.getString("department"), rs.getString("state"), rs.getString("assignee"),
                date(rs, "clock_started_on"), date(rs, "paused_since"), new ArrayList<>(pauses),
                rs.getInt("extensions"), date(rs, "statutory_deadline"), date(rs, "promised_deadline"),
                rs.getBoolean("reminded"), rs.getBoolean("escalated"), rs.getBoolean("overdue"),
                instant(rs, "closed_at"), rs.getString("closed_by"), (Integer) rs.getObject("handling_days"), (Boolean) rs.getObject("on_time"),
                ownLimits(rs), json.readValue(rs.getString("once_taken"), new TypeReference<java.util.Set<String>>() {
                }), rs.getLong("version")));
    }

    /** The case's own limits: as stored with their units, or an older row's days in the type's units. */
    private Limits ownLimits(ResultSet rs) throws SQLException {
        var stored = rs.getString("own_limits");
        if (stored != null) {
            return json.readValue(stored, Limits.class);
        }
        var statutory = (Integer) rs.getObject("statutory_days");
        return statutory == null ? null : new Limits(statutory, (Integer) rs.getObject("promised_days"));
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        var ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}

package cn.youfu.disclosure.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The requests and their steps, in schema {@code disclosure}. */
@Repository
class Requests {

    /** A request as stored: what the applicant asked (Art. 29) and who they are. */
    record Request(String reference, String applicant, String applicantKind, String applicantName,
                   String applicantId, String phone, String email, String address, String description,
                   String documentTitle, String documentNumber, String delivery, String department,
                   LocalDate receivedOn, Instant submittedAt, String correctedDescription, LocalDate correctedOn) {
    }

    /** One step as stored; {@code id} is null before it is inserted. */
    record StepRecord(Long id, String reference, String kind, LocalDate startedOn, LocalDate dueOn, LocalDate endedOn,
                Integer days, String party, String text, String outcome, String actor, Instant at) {

        static final String CORRECTION = "correction";
        static final String THIRD_PARTY = "third-party";
        static final String AGENCY = "agency";
        static final String EXTENSION = "extension";

        boolean open() {
            return endedOn == null && !EXTENSION.equals(kind);
        }
    }

    private final JdbcClient jdbc;

    Requests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Request r) {
        jdbc.sql("""
                        INSERT INTO disclosure.request (reference, applicant, applicant_kind, applicant_name,
                            applicant_id, contact_phone, contact_email, contact_address, description, document_title,
                            document_number, delivery, department, received_on, submitted_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.reference(), r.applicant(), r.applicantKind(), r.applicantName(), r.applicantId(),
                        r.phone(), r.email(), r.address(), r.description(), r.documentTitle(), r.documentNumber(),
                        r.delivery(), r.department(), r.receivedOn(), Timestamp.from(r.submittedAt()))
                .update();
    }

    Optional<Request> find(String reference) {
        return jdbc.sql("SELECT * FROM disclosure.request WHERE reference = ?").param(reference)
                .query(Requests::request).optional();
    }

    void corrected(String reference, String description, LocalDate on) {
        jdbc.sql("UPDATE disclosure.request SET corrected_description = ?, corrected_on = ? WHERE reference = ?")
                .params(description, on, reference).update();
    }

    void closed(String reference, LocalDate on, String state) {
        jdbc.sql("UPDATE disclosure.request SET closed_on = ?, closed_state = ? WHERE reference = ?")
                .params(on, state, reference).update();
    }

    void remedy(String reference, String kind, String result, LocalDate filedOn, LocalDate decidedOn, String actor,
                Instant at) {
        jdbc.sql("INSERT INTO disclosure.remedy (reference, kind, filed_on, result, decided_on, actor, at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(reference, kind, filedOn, result, decidedOn, actor, Timestamp.from(at)).update();
    }

    /** Requests not yet closed: a department's, or every department's when null; oldest first. */
    List<Request> open(String department) {
        return jdbc.sql("""
                        SELECT * FROM disclosure.request WHERE closed_on IS NULL
                        AND (CAST(? AS text) IS NULL OR department = ?) ORDER BY received_on, reference""")
                .params(department, department).query(Requests::request).list();
    }

    /** The applicant's requests, newest first. */
    List<Request> ofApplicant(String username, int limit) {
        return jdbc.sql("SELECT * FROM disclosure.request WHERE applicant = ? ORDER BY submitted_at DESC LIMIT ?")
                .params(username, limit).query(Requests::request).list();
    }

    /** A department's requests (all departments when null), newest first. */
    List<Request> ofDepartment(String department, int limit) {
        return jdbc.sql("""
                        SELECT * FROM disclosure.request WHERE (CAST(? AS text) IS NULL OR department = ?)
                        ORDER BY submitted_at DESC LIMIT ?""")
                .params(department, department, limit).query(Requests::request).list();
    }

    /** The request's number among its applicant's requests received in the same calendar month (1 for the first). */
    int nthOfMonth(Request r) {
        return jdbc.sql("""
                        SELECT count(*) FROM disclosure.request WHERE applicant = ?
                        AND date_trunc('month', received_on) = date_trunc('month', CAST(? AS date))
                        AND submitted_at <= ?""")
                .params(r.applicant(), r.receivedOn(), Timestamp.from(r.submittedAt())).query(Integer.class).single();
    }

    void insert(StepRecord s) {
        jdbc.sql("""
                        INSERT INTO disclosure.step (reference, kind, started_on, due_on, ended_on, days, party, text,
                            outcome, actor, at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(s.reference(), s.kind(), s.startedOn(), s.dueOn(), s.endedOn(), s.days(), s.party(),
                        s.text(), s.outcome(), s.actor(), Timestamp.from(s.at()))
                .update();
    }

    /** Ends an open step (a pause) on {@code on} with its outcome; false when it was no longer open. */
    boolean end(long stepId, LocalDate on, String outcome) {
        return jdbc.sql("UPDATE disclosure.step SET ended_on = ?, outcome = ? WHERE id = ? AND ended_on IS NULL")
                .params(on, outcome, stepId).update() == 1;
    }

    List<StepRecord> steps(String reference) {
        return jdbc.sql("SELECT * FROM disclosure.step WHERE reference = ? ORDER BY id").param(reference)
                .query(Requests::step).list();
    }

    /** Open steps of a kind whose due date is on or before {@code day}, oldest first. */
    List<StepRecord> openDueBy(String kind, LocalDate day, int limit) {
        return jdbc.sql("""
                        SELECT * FROM disclosure.step WHERE kind = ? AND ended_on IS NULL AND due_on <= ?
                        ORDER BY due_on, id LIMIT ?""")
                .params(kind, day, limit).query(Requests::step).list();
    }

    private static Request request(ResultSet rs, int row) throws SQLException {
        return new Request(rs.getString("reference"), rs.getString("applicant"), rs.getString("applicant_kind"),
                rs.getString("applicant_name"), rs.getString("applicant_id"), rs.getString("contact_phone"),
                rs.getString("contact_email"), rs.getString("contact_address"), rs.getString("description"),
                rs.getString("document_title"), rs.getString("document_number"), rs.getString("delivery"),
                rs.getString("department"), rs.getObject("received_on", LocalDate.class),
                rs.getTimestamp("submitted_at").toInstant(), rs.getString("corrected_description"),
                rs.getObject("corrected_on", LocalDate.class));
    }

    private static StepRecord step(ResultSet rs, int row) throws SQLException {
        return new StepRecord(rs.getLong("id"), rs.getString("reference"), rs.getString("kind"),
                rs.getObject("started_on", LocalDate.class), rs.getObject("due_on", LocalDate.class),
                rs.getObject("ended_on", LocalDate.class), (Integer) rs.getObject("days"), rs.getString("party"),
                rs.getString("text"), rs.getString("outcome"), rs.getString("actor"),
                rs.getTimestamp("at").toInstant());
    }
}

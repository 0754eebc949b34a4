package cn.youfu.disclosure.internal;

import cn.youfu.disclosure.OpenDocuments.Summary;
import cn.youfu.disclosure.OpenDocuments.Version;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Proactively published documents and their versions, in schema {@code disclosure}. */
@Repository
class PublicDocuments {

    /** A document's own row. */
    record Document(String id, String category, String department, LocalDate withdrawnOn, String withdrawnReason) {
    }

    /** A version as stored, with the words it is found by. */
    record StoredVersion(String documentId, int version, String title, String documentNumber, String body,
                         LocalDate formedOn, LocalDate publishedOn, LocalDate dueOn, boolean late, String changeNote,
                         Instant publishedAt, String publishedBy, List<String> words) {
    }

    /** The latest version of each document, with the document's category and department. */
    private static final String CURRENT = """
            SELECT d.id, d.category, d.department, v.* FROM disclosure.public_document d
            JOIN disclosure.public_version v ON v.document_id = d.id
             AND v.version = (SELECT max(version) FROM disclosure.public_version WHERE document_id = d.id)
            """;

    private final JdbcClient jdbc;

    PublicDocuments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String nextId(int year) {
        long n = jdbc.sql("SELECT nextval('disclosure.public_document_number')").query(Long.class).single();
        return "GK-%d-%06d".formatted(year, n);
    }

    void insert(Document d, Instant at, String by) {
        jdbc.sql("INSERT INTO disclosure.public_document (id, category, department, created_at, created_by) "
                        + "VALUES (?, ?, ?, ?, ?)")
                .params(d.id(), d.category(), d.department(), Timestamp.from(at), by).update();
    }

    void insert(StoredVersion v) {
        jdbc.sql("""
                        INSERT INTO disclosure.public_version (document_id, version, title, document_number, body,
                            formed_on, published_on, due_on, late, change_note, published_at, published_by, words)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(v.documentId(), v.version(), v.title(), v.documentNumber(), v.body(), v.formedOn(),
                        v.publishedOn(), v.dueOn(), v.late(), v.changeNote(), Timestamp.from(v.publishedAt()),
                        v.publishedBy(), v.words().toArray(String[]::new))
                .update();
    }

    /** Withdraws a document still published; false when it was already withdrawn. */
    boolean withdraw(String id, LocalDate on, String reason, String by) {
        return jdbc.sql("UPDATE disclosure.public_document SET withdrawn_on = ?, withdrawn_reason = ?, "
                        + "withdrawn_by = ? WHERE id = ? AND withdrawn_on IS NULL")
                .params(on, reason, by, id).update() == 1;
    }

    Optional<Document> find(String id) {
        return jdbc.sql("SELECT * FROM disclosure.public_document WHERE id = ?").param(id)
                .query((rs, n) -> new Document(rs.getString("id"), rs.getString("category"),
                        rs.getString("department"), rs.getObject("withdrawn_on", LocalDate.class),
                        rs.getString("withdrawn_reason"))).optional();
    }

    /** Every version, newest first. */
    List<StoredVersion> versions(String id) {
        return jdbc.sql("SELECT * FROM disclosure.public_version WHERE document_id = ? ORDER BY version DESC")
                .param(id).query(PublicDocuments::version).list();
    }

    /** Published documents matching every filter given (null: any), newest first. */
    List<Summary> search(String category, String department, List<String> words, int limit, int offset) {
        return jdbc.sql(CURRENT + FILTER + " ORDER BY v.published_on DESC, d.id DESC LIMIT ? OFFSET ?")
                .params(category, category, department, department, words(words), words(words), limit, offset)
                .query(PublicDocuments::summary).list();
    }

    long count(String category, String department, List<String> words) {
        return jdbc.sql("SELECT count(*) FROM (" + CURRENT + FILTER + ") found")
                .params(category, category, department, department, words(words), words(words))
                .query(Long.class).single();
    }

    private static final String FILTER = """
             WHERE d.withdrawn_on IS NULL AND (CAST(? AS text) IS NULL OR d.category = ?)
               AND (CAST(? AS text) IS NULL OR d.department = ?)
               AND (CAST(? AS text[]) IS NULL OR v.words @> CAST(? AS text[]))""";

    /** Versions published late, newest first; one department's, or all when null. */
    List<Summary> late(String department, int limit) {
        return jdbc.sql("""
                        SELECT d.id, d.category, d.department, v.* FROM disclosure.public_version v
                        JOIN disclosure.public_document d ON d.id = v.document_id
                        WHERE v.late AND (CAST(? AS text) IS NULL OR d.department = ?)
                        ORDER BY v.published_on DESC, d.id LIMIT ?""")
                .params(department, department, limit).query(PublicDocuments::summary).list();
    }

    /** Versions published in {@code year} per category: how many, and how many late (the annual report). */
    List<Object[]> countsByCategory(int year) {
        return jdbc.sql("""
                        SELECT d.category, count(*) AS published, count(*) FILTER (WHERE v.late) AS late,
                               count(*) FILTER (WHERE v.version = 1) AS new_documents
                        FROM disclosure.public_version v JOIN disclosure.public_document d ON d.id = v.document_id
                        WHERE extract(year FROM v.published_on) = ? GROUP BY d.category""")
                .param(year).query((rs, n) -> new Object[] {rs.getString(1), rs.getLong(2), rs.getLong(3),
                        rs.getLong(4)}).list();
    }

    private static String[] words(List<String> words) {
        return words == null || words.isEmpty() ? null : words.toArray(String[]::new);
    }

    private static Summary summary(ResultSet rs, int row) throws SQLException {
        return new Summary(rs.getString("id"), rs.getString("category"), rs.getString("department"),
                rs.getString("title"), rs.getString("document_number"), rs.getObject("formed_on", LocalDate.class),
                rs.getObject("published_on", LocalDate.class), rs.getObject("due_on", LocalDate.class),
                rs.getBoolean("late"), rs.getInt("version"));
    }

    private static StoredVersion version(ResultSet rs, int row) throws SQLException {
        return new StoredVersion(rs.getString("document_id"), rs.getInt("version"), rs.getString("title"),
                rs.getString("document_number"), rs.getString("body"), rs.getObject("formed_on", LocalDate.class),
                rs.getObject("published_on", LocalDate.class), rs.getObject("due_on", LocalDate.class),
                rs.getBoolean("late"), rs.getString("change_note"), rs.getTimestamp("published_at").toInstant(),
                rs.getString("published_by"), List.of((String[]) rs.getArray("words").getArray()));
    }

    static Version history(StoredVersion v) {
        return new Version(v.version(), v.title(), v.formedOn(), v.publishedOn(), v.late(), v.changeNote());
    }
}

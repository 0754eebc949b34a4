package cn.youfu.materials.internal;

import cn.youfu.materials.ExtractedField;
import cn.youfu.materials.MaterialReading;
import cn.youfu.materials.ReadingState;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** {@code materials.material}: uploads and the state of their reading. Claims are conditional updates. */
@Repository
class MaterialStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, ExtractedField>> FIELDS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    MaterialStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, String type, String sm3, String mediaType, long size, String owner, String subject,
                Instant at) {
        jdbc.sql("""
                        INSERT INTO materials.material (id, material_type, document_sm3, media_type, size,
                            owner_username, owner_subject, state, uploaded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?)""")
                .params(id, type, sm3, mediaType, size, owner, subject, utc(at)).update();
    }

    Optional<MaterialReading> find(UUID id) {
        return jdbc.sql("""
                        SELECT id, material_type, media_type, document_sm3, owner_username, state, fields::text,
                               failure, uploaded_at, read_at
                        FROM materials.material WHERE id = ?""")
                .param(id)
                .query((rs, n) -> new MaterialReading(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), ReadingState.valueOf(rs.getString(6)),
                        rs.getString(7) == null ? Map.of() : JSON.readValue(rs.getString(7), FIELDS),
                        rs.getString(8), rs.getObject(9, OffsetDateTime.class).toInstant(),
                        rs.getObject(10, OffsetDateTime.class) == null ? null
                                : rs.getObject(10, OffsetDateTime.class).toInstant()))
                .optional();
    }

    /** Claims a PENDING material for reading; false when another reader has it or it is no longer pending. */
    boolean claim(UUID id, Instant at) {
        return jdbc.sql("""
                        UPDATE materials.material SET state = 'READING', claimed_at = ?, attempts = attempts + 1
                        WHERE id = ? AND state = 'PENDING'""")
                .params(utc(at), id).update() == 1;
    }

    /**
     * Claims up to {@code limit} materials waiting to be read: PENDING ones, and READING ones claimed before
     * {@code staleBefore} (their reader is gone). Rows locked by another instance's claim are skipped.
     */
    List<UUID> claimWaiting(int limit, Instant at, Instant staleBefore) {
        return jdbc.sql("""
                        UPDATE materials.material SET state = 'READING', claimed_at = ?, attempts = attempts + 1
                        WHERE id IN (SELECT id FROM materials.material
                                     WHERE state = 'PENDING' OR (state = 'READING' AND claimed_at < ?)
                                     ORDER BY uploaded_at LIMIT ? FOR UPDATE SKIP LOCKED)
                        RETURNING id""")
                .params(utc(at), utc(staleBefore), limit)
                .query((rs, n) -> rs.getObject(1, UUID.class)).list();
    }

    /** Gives up on readings tried {@code maxAttempts} times that never finished. */
    int failExhausted(int maxAttempts, Instant at, Instant staleBefore) {
        return jdbc.sql("""
                        UPDATE materials.material SET state = 'FAILED', read_at = ?,
                            failure = 'not read after ' || attempts || ' attempts'
                        WHERE attempts >= ? AND (state = 'PENDING' OR (state = 'READING' AND claimed_at < ?))""")
                .params(utc(at), maxAttempts, utc(staleBefore)).update();
    }

    void attach(UUID id, String caseReference, String department) {
        jdbc.sql("""
                        INSERT INTO materials.material_case (material_id, case_reference, department)
                        VALUES (?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(id, caseReference, department).update();
    }

    /** The cases the material was submitted with, oldest first. */
    List<String> casesOf(UUID id) {
        return jdbc.sql("SELECT case_reference FROM materials.material_case WHERE material_id = ? "
                        + "ORDER BY case_reference")
                .param(id).query(String.class).list();
    }

    List<String> departmentsOf(UUID id) {
        return jdbc.sql("SELECT DISTINCT department FROM materials.material_case WHERE material_id = ?").param(id)
                .query(String.class).list();
    }

    String typeOf(UUID id) {
        return jdbc.sql("SELECT material_type FROM materials.material WHERE id = ?").param(id)
                .query(String.class).single();
    }

    String documentOf(UUID id) {
        return jdbc.sql("SELECT document_sm3 FROM materials.material WHERE id = ?").param(id)
                .query(String.class).single();
    }

    void read(UUID id, Map<String, ExtractedField> fields, double seconds, Instant at) {
        jdbc.sql("""
                        UPDATE materials.material SET state = 'READ', fields = ?::jsonb, read_at = ?, seconds = ?,
                            failure = NULL
                        WHERE id = ? AND state = 'READING'""")
                .params(JSON.writeValueAsString(fields), utc(at), seconds, id).update();
    }

    void failed(UUID id, String failure, Instant at) {
        jdbc.sql("""
                        UPDATE materials.material SET state = 'FAILED', failure = ?, read_at = ?
                        WHERE id = ? AND state = 'READING'""")
                .params(failure, utc(at), id).update();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}

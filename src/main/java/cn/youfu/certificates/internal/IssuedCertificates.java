package cn.youfu.certificates.internal;

import cn.youfu.certificates.HeldCertificate;
import cn.youfu.platform.LocalizedText;
import cn.youfu.platform.PooledSequence;
import cn.youfu.platform.Sm2SigningKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The certificates' tables: certificates, their revocations and the public keys that signed them. Insert-only. */
@Repository
class IssuedCertificates {

    private static final TypeReference<LinkedHashMap<String, String>> FIELDS = new TypeReference<>() {
    };
    private static final String SELECT = """
            SELECT c.id, c.number, c.case_reference, c.item_code, c.item_name_zh, c.item_name_en, c.title_zh,
                   c.title_en, c.holder_id, c.holder_name, c.issuing_department, c.issuing_authority_zh,
                   c.issuing_authority_en, c.valid_from, c.valid_until, c.fields, c.issued_at, c.document_sm3,
                   c.key_id, c.signature, r.revoked_at, r.reason
            FROM certificates.certificate c LEFT JOIN certificates.revocation r ON r.certificate_id = c.id
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final PooledSequence numbers;

    IssuedCertificates(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.numbers = new PooledSequence(jdbc, "certificates.number_seq");
        this.json = json;
    }

    long nextNumber() {
        return numbers.next();
    }

    void registerKey(Sm2SigningKey key, Instant firstUsed) {
        jdbc.sql("""
                        INSERT INTO certificates.signing_key (key_id, public_key, first_used) VALUES (?, ?, ?)
                        ON CONFLICT (key_id) DO NOTHING""")
                .params(key.keyId(), key.publicKey(), utc(firstUsed)).update();
    }

    /** The X.509 public key recorded under {@code keyId}. */
    Optional<byte[]> publicKey(String keyId) {
        return jdbc.sql("SELECT public_key FROM certificates.signing_key WHERE key_id = ?").param(keyId)
                .query((rs, n) -> rs.getBytes(1)).optional();
    }

    void insert(CertificateRecord c) {
        jdbc.sql("""
                        INSERT INTO certificates.certificate (id, number, case_reference, item_code, item_name_zh,
                            item_name_en, title_zh, title_en, holder_id, holder_name, issuing_department,
                            issuing_authority_zh, issuing_authority_en, valid_from, valid_until, fields, issued_at,
                            document_sm3, key_id, signature)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(c.id(), c.number(), c.caseReference(), c.itemCode(), c.itemName().zh(), c.itemName().en(),
                        c.title().zh(), c.title().en(), c.holderId(), c.holderName(), c.issuingDepartment(),
                        c.issuingAuthority().zh(), c.issuingAuthority().en(), c.validFrom(), c.validUntil(),
                        json.writeValueAsString(c.fields()), utc(c.issuedAt()), c.documentSm3(), c.keyId(),
                        c.signature())
                .update();
    }

    /** Records a revocation; false when the certificate was already revoked. */
    boolean revoke(UUID id, Instant at, String reason, String actor) {
        return jdbc.sql("""
                        INSERT INTO certificates.revocation (certificate_id, revoked_at, reason, actor)
                        VALUES (?, ?, ?, ?) ON CONFLICT (certificate_id) DO NOTHING""")
                .params(id, utc(at), reason, actor).update() == 1;
    }

    Optional<CertificateRecord> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE c.id = ?").param(id).query(this::row).optional();
    }

    /** The certificates issued for a case, newest first. */
    List<CertificateRecord> ofCase(String caseReference) {
        return jdbc.sql(SELECT + " WHERE c.case_reference = ? ORDER BY c.issued_at DESC, c.number DESC")
                .param(caseReference).query(this::row).list();
    }

    /** The certificates of any of these holder ids, newest first. */
    List<CertificateRecord> ofHolder(Collection<String> holderIds) {
        if (holderIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE c.holder_id = ANY (?) ORDER BY c.issued_at DESC, c.number DESC")
                .param(holderIds.toArray(String[]::new)).query(this::row).list();
    }

    List<HeldCertificate> heldBy(String holderId) {
        return jdbc.sql("""
                        SELECT c.id, c.number, c.item_code, c.valid_from, c.valid_until, r.revoked_at
                        FROM certificates.certificate c LEFT JOIN certificates.revocation r ON r.certificate_id = c.id
                        WHERE c.holder_id = ? ORDER BY c.issued_at DESC, c.number DESC""")
                .param(holderId)
                .query((rs, n) -> {
                    var revokedAt = rs.getObject(6, OffsetDateTime.class);
                    return new HeldCertificate(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class),
                            revokedAt == null ? null : revokedAt.toInstant());
                }).list();
    }

    private CertificateRecord row(ResultSet rs, int n) throws SQLException {
        var revokedAt = rs.getObject(21, OffsetDateTime.class);
        Map<String, String> fields = json.readValue(rs.getString(16), FIELDS);
        return new CertificateRecord(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                new LocalizedText(rs.getString(5), rs.getString(6)), new LocalizedText(rs.getString(7),
                rs.getString(8)), rs.getString(9), rs.getString(10), rs.getString(11),
                new LocalizedText(rs.getString(12), rs.getString(13)), rs.getObject(14, LocalDate.class),
                rs.getObject(15, LocalDate.class), fields, rs.getObject(17, OffsetDateTime.class).toInstant(),
                rs.getString(18), rs.getString(19), rs.getBytes(20), revokedAt == null ? null : revokedAt.toInstant(),
                rs.getString(22));
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}

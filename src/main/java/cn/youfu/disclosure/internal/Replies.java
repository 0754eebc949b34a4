package cn.youfu.disclosure.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Replies and their signed letters (append-only), and the public keys that signed them. */
@Repository
class Replies {

    /**
     * What a reply says, as the letter states it and its signature covers.
     *
     * @param grounds the Art. 14–16 grounds' codes
     * @param files   the files provided, stored in the document library
     */
    record Content(String text, String location, String withheld, List<String> grounds, String otherAgency,
                   List<cn.youfu.disclosure.DisclosureRequests.FileRef> files) {
    }

    /** A reply as stored. */
    record Stored(String reference, UUID letterId, String letterNumber, String type, Content content, int feeYuan,
                  String feeRule, LocalDate repliedOn, Instant repliedAt, String repliedBy, boolean onTime,
                  String documentSm3, String dataSm3, String keyId, byte[] signature) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Replies(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The next letter number's sequence value (never reused, even if the reply rolls back). */
    long nextNumber() {
        return jdbc.sql("SELECT nextval('disclosure.letter_number')").query(Long.class).single();
    }

    void insert(Stored r) {
        jdbc.sql("""
                        INSERT INTO disclosure.reply (reference, letter_id, letter_number, type, content, fee_yuan,
                            fee_rule, replied_on, replied_at, replied_by, on_time, document_sm3, data_sm3, key_id,
                            signature)
                        VALUES (?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.reference(), r.letterId(), r.letterNumber(), r.type(), json.writeValueAsString(r.content()),
                        r.feeYuan(), r.feeRule(), r.repliedOn(), Timestamp.from(r.repliedAt()), r.repliedBy(),
                        r.onTime(), r.documentSm3(), r.dataSm3(), r.keyId(), r.signature())
                .update();
    }

    Optional<Stored> of(String reference) {
        return jdbc.sql("SELECT * FROM disclosure.reply WHERE reference = ?").param(reference).query(this::stored)
                .optional();
    }

    Optional<Stored> byLetter(UUID letterId) {
        return jdbc.sql("SELECT * FROM disclosure.reply WHERE letter_id = ?").param(letterId).query(this::stored)
                .optional();
    }

    Optional<Stored> byDocument(String documentSm3) {
        return jdbc.sql("SELECT * FROM disclosure.reply WHERE document_sm3 = ?").param(documentSm3)
                .query(this::stored).optional();
    }

    void registerKey(String keyId, byte[] publicKey, Instant at) {
        jdbc.sql("INSERT INTO disclosure.signing_key (key_id, public_key, added_at) VALUES (?, ?, ?) "
                        + "ON CONFLICT (key_id) DO NOTHING")
                .params(keyId, publicKey, Timestamp.from(at)).update();
    }

    Optional<byte[]> publicKey(String keyId) {
        return jdbc.sql("SELECT public_key FROM disclosure.signing_key WHERE key_id = ?").param(keyId)
                .query(byte[].class).optional();
    }

    private Stored stored(ResultSet rs, int row) throws SQLException {
        return new Stored(rs.getString("reference"), rs.getObject("letter_id", UUID.class),
                rs.getString("letter_number"), rs.getString("type"),
                json.readValue(rs.getString("content"), Content.class), rs.getInt("fee_yuan"),
                rs.getString("fee_rule"), rs.getObject("replied_on", LocalDate.class),
                rs.getTimestamp("replied_at").toInstant(), rs.getString("replied_by"), rs.getBoolean("on_time"),
                rs.getString("document_sm3"), rs.getString("data_sm3"), rs.getString("key_id"),
                rs.getBytes("signature"));
    }
}

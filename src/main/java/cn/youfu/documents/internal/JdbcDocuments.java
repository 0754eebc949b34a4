package cn.youfu.documents.internal;

import cn.youfu.documents.DocumentId;
import cn.youfu.documents.Documents;
import cn.youfu.documents.StoredDocument;
import cn.youfu.platform.Sm2SigningKey;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** {@code documents.document}: one row per distinct content, keyed by its SM3 hash. Insert-only. */
@Service
class JdbcDocuments implements Documents {

    private static final HexFormat HEX = HexFormat.of();

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcDocuments(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public DocumentId store(byte[] bytes, String mediaType) {
        Objects.requireNonNull(bytes, "bytes");
        if (mediaType == null || mediaType.isBlank()) {
            throw new IllegalArgumentException("a document needs a media type");
        }
        byte[] hash = Sm2SigningKey.sm3().digest(bytes);
        // Concurrent stores of the same bytes: one inserts, the other finds the conflict and keeps that copy.
        jdbc.sql("""
                        INSERT INTO documents.document (sm3, media_type, size, content, stored_at)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT (sm3) DO NOTHING""")
                .params(hash, mediaType.trim(), bytes.length, bytes, OffsetDateTime.now(clock).withOffsetSameInstant(
                        ZoneOffset.UTC))
                .update();
        return new DocumentId(HEX.formatHex(hash));
    }

    @Override
    public Optional<StoredDocument> find(String sm3) {
        return DocumentId.parse(sm3).flatMap(id -> jdbc.sql("""
                        SELECT content, media_type, size, stored_at FROM documents.document WHERE sm3 = ?""")
                .param(HEX.parseHex(id.sm3()))
                .query((rs, n) -> new StoredDocument(id, rs.getBytes(1), rs.getString(2), rs.getLong(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant()))
                .optional());
    }

    @Override
    public boolean intact(String sm3) {
        return find(sm3).map(document -> document.bytes().length == document.size()
                        && MessageDigest.isEqual(Sm2SigningKey.sm3().digest(document.bytes()),
                        HEX.parseHex(document.id().sm3())))
                .orElse(false);
    }
}

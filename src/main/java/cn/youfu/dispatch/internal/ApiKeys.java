package cn.youfu.dispatch.internal;

import cn.youfu.platform.Sm3;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Open311 API keys of the apps that may post. Only a key's SM3 hash is stored; the key is shown once, when issued. A
 * key is named by its id (the start of its hash), expires, may be revoked, and has its own rate of POSTs.
 */
@Repository
class ApiKeys {

    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();

    ApiKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A key as the administrator sees it: never the key itself. */
    record Key(String id, String client, Instant createdAt, String createdBy, Instant expiresAt,
               int requestsPerMinute, Instant revokedAt, String revokedBy, String revocationReason) {

        /** {@code active}, {@code expired} or {@code revoked}, at {@code now}. */
        String state(Instant now) {
            return revokedAt != null ? "revoked" : now.isBefore(expiresAt) ? "active" : "expired";
        }
    }

    /** A new key and the record of it; the answer to the issue is the only time the key is seen. */
    record Issued(Key key, String secret) {
    }

    Issued issue(String client, Instant now, Instant expiresAt, int requestsPerMinute, String by) {
        var bytes = new byte[24];
        random.nextBytes(bytes);
        var secret = "o311-" + HexFormat.of().formatHex(bytes);
        var hash = hash(secret);
        var key = new Key(hash.substring(0, 16), client, now, by, expiresAt, requestsPerMinute, null, null, null);
        jdbc.sql("""
                        INSERT INTO dispatch.api_key (key_hash, id, client, created_at, created_by, expires_at,
                          requests_per_minute) VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(hash, key.id(), client, Timestamp.from(now), by, Timestamp.from(expiresAt), requestsPerMinute)
                .update();
        return new Issued(key, secret);
    }

    /** The key a client presented; empty for an unknown one. */
    Optional<Key> find(String secret) {
        if (secret == null || secret.isBlank() || secret.length() > 200) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM dispatch.api_key WHERE key_hash = ?").param(hash(secret.strip()))
                .query(ApiKeys::map).optional();
    }

    Optional<Key> byId(String id) {
        return jdbc.sql("SELECT * FROM dispatch.api_key WHERE id = ?").param(id).query(ApiKeys::map).optional();
    }

    List<Key> all() {
        return jdbc.sql("SELECT * FROM dispatch.api_key ORDER BY created_at DESC").query(ApiKeys::map).list();
    }

    /** Revokes a key that is not revoked yet; false when it was. */
    boolean revoke(String id, String reason, String by, Instant at) {
        return jdbc.sql("""
                        UPDATE dispatch.api_key SET revoked_at = ?, revoked_by = ?, revocation_reason = ?
                        WHERE id = ? AND revoked_at IS NULL""")
                .params(Timestamp.from(at), by, reason, id).update() == 1;
    }

    private static Key map(ResultSet rs, int row) throws SQLException {
        var revoked = rs.getTimestamp("revoked_at");
        return new Key(rs.getString("id"), rs.getString("client"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"), rs.getTimestamp("expires_at").toInstant(),
                rs.getInt("requests_per_minute"), revoked == null ? null : revoked.toInstant(),
                rs.getString("revoked_by"), rs.getString("revocation_reason"));
    }

    private static String hash(String key) {
        return Sm3.hex(key.getBytes(StandardCharsets.UTF_8));
    }
}

package cn.youfu.approval.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** First answers to submissions that carried an {@code Idempotency-Key}, per caller. */
@Repository
class Idempotency {

    record Stored(String requestHash, int status, String response) {
    }

    private final JdbcClient jdbc;

    Idempotency(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Stored> find(String principal, String key) {
        return jdbc.sql("SELECT request_hash, status, response FROM approval.idempotency_key WHERE principal = ? "
                        + "AND key = ?")
                .params(principal, key)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3))).optional();
    }

    /**
     * Keeps the first answer. In the transaction that created the application: when a concurrent retry stored its
     * answer first, this waits for it and returns false, and the caller rolls its own work back.
     */
    boolean remember(String principal, String key, String requestHash, int status, String response, Instant at) {
        return jdbc.sql("""
                        INSERT INTO approval.idempotency_key (principal, key, request_hash, status, response, created_at)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (principal, key) DO NOTHING""")
                .params(principal, key, requestHash, status, response, Timestamp.from(at)).update() == 1;
    }
}

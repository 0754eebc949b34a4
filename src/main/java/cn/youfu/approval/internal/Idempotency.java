package cn.youfu.approval.internal;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * First answers to submissions that carried an {@code Idempotency-Key}, per caller, kept for
 * {@code youfu.approval.idempotency-retention}: a key older than that is forgotten (a retry with it is a new
 * submission) and a db-scheduler task deletes such keys every hour, on one instance.
 */
@Configuration(proxyBeanMethods = false)
class Idempotency {

    record Stored(String requestHash, int status, String response) {
    }

    private final JdbcClient jdbc;
    private final Duration retention;
    private final Clock clock;

    Idempotency(JdbcClient jdbc, ApprovalSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.retention = settings.idempotencyRetention();
        this.clock = clock;
    }

    private Timestamp expiredBefore() {
        return Timestamp.from(clock.instant().minus(retention));
    }

    Optional<Stored> find(String principal, String key) {
        return jdbc.sql("SELECT request_hash, status, response FROM approval.idempotency_key WHERE principal = ? "
                        + "AND key = ? AND created_at >= ?")
                .params(principal, key, expiredBefore())
                .query((rs, n) -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3))).optional();
    }

    /**
     * Keeps the first answer (replacing a forgotten one under the same key). In the transaction that created the
     * application: when a concurrent retry stored its answer first, this waits for it and returns false, and the
     * caller rolls its own work back.
     */
    boolean remember(String principal, String key, String requestHash, int status, String response, Instant at) {
        return jdbc.sql("""
                        INSERT INTO approval.idempotency_key (principal, key, request_hash, status, response, created_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (principal, key) DO UPDATE
                            SET request_hash = excluded.request_hash, status = excluded.status,
                                response = excluded.response, created_at = excluded.created_at
                            WHERE approval.idempotency_key.created_at < ?""")
                .params(principal, key, requestHash, status, response, Timestamp.from(at), expiredBefore())
                .update() == 1;
    }

    /** Deletes the keys past their retention; returns how many. */
    int purge() {
        return jdbc.sql("DELETE FROM approval.idempotency_key WHERE created_at < ?").param(expiredBefore()).update();
    }

    @Bean
    Task<Void> approvalIdempotencyPurge() {
        return Tasks.recurring("approval-idempotency-purge", FixedDelay.ofHours(1))
                .execute((instance, context) -> purge());
    }
}

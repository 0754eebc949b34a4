package cn.youfu.sources.internal;

import cn.youfu.sources.SourceEvents;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The outage switch, kept in the database so that every instance agrees: no row or {@code available = true} means
 * the source is on. What the database said is remembered for {@link #REMEMBERED} (every decision asks once per source;
 * without this, that was two queries of each instant decision): a switch made on this instance counts at once for
 * it, after commit; other instances follow within that time.
 */
@Component
class SourceAvailability {

    static final Duration REMEMBERED = Duration.ofSeconds(1);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    /** Only answers the database gave: when it cannot say, nothing is remembered and the source counts as off. */
    private final Cache<String, Boolean> remembered = Caffeine.newBuilder().expireAfterWrite(REMEMBERED).build();

    SourceAvailability(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    /** False when switched off; also false when the database cannot say (fail closed). */
    boolean isAvailable(String source) {
        var known = remembered.getIfPresent(source);
        if (known != null) {
            return known;
        }
        try {
            boolean available = jdbc.sql("SELECT available FROM sources.availability WHERE source = ?").param(source)
                    .query(Boolean.class).optional().orElse(true);
            remembered.put(source, available);
            return available;
        } catch (DataAccessException e) {
            return false;
        }
    }

    Map<String, Boolean> all() {
        return jdbc.sql("SELECT source, available FROM sources.availability")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getBoolean(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Switches a source on or off and records who did it in the ledger, in one transaction. */
    @Transactional
    void set(String source, boolean available, String actor) {
        Instant at = Instant.now(clock);
        jdbc.sql("""
                        INSERT INTO sources.availability (source, available, changed_at, changed_by)
                        VALUES (?, ?, ?, ?)
                        ON CONFLICT (source) DO UPDATE
                            SET available = EXCLUDED.available, changed_at = EXCLUDED.changed_at,
                                changed_by = EXCLUDED.changed_by""")
                .params(source, available, at.atOffset(ZoneOffset.UTC), actor).update();
        events.publishEvent(new SourceEvents.AvailabilityChanged(source, actor, at, available));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                remembered.invalidate(source);
            }
        });
    }
}

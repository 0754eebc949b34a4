package cn.youfu.materials.internal;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The sweep that makes sure every upload is read: a db-scheduler recurring task (one instance runs each execution)
 * that claims materials still PENDING — the queue was full, or the instance stopped before reading them — and those
 * whose READING claim is older than {@code stale-after}, and reads them one by one. Readings that never finish after
 * {@code max-attempts} claims are marked FAILED, so that a person looks.
 */
@Configuration(proxyBeanMethods = false)
class PendingReadings {

    private static final Logger log = LoggerFactory.getLogger(PendingReadings.class);
    private static final int BATCH = 8;

    private final MaterialStore store;
    private final ReadingQueue queue;
    private final MaterialsSettings settings;
    private final Clock clock;

    PendingReadings(MaterialStore store, ReadingQueue queue, MaterialsSettings settings, Clock clock) {
        this.store = store;
        this.queue = queue;
        this.settings = settings;
        this.clock = clock;
    }

    @Bean
    Task<Void> materialsPendingReadings() {
        return Tasks.recurring("materials-pending-readings", FixedDelay.of(settings.sweepInterval()))
                .execute((instance, context) -> sweep());
    }

    /** Reads what waits; returns how many were read (or failed). */
    int sweep() {
        var now = clock.instant();
        var staleBefore = now.minus(settings.staleAfter());
        int failed = store.failExhausted(settings.maxAttempts(), now, staleBefore);
        if (failed > 0) {
            log.warn("{} material reading(s) given up after {} attempts", failed, settings.maxAttempts());
        }
        var claimed = store.claimWaiting(BATCH, now, staleBefore);
        claimed.forEach(queue::readClaimed);
        return claimed.size();
    }
}

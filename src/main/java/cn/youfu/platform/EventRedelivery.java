package cn.youfu.platform;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Durable events: module listeners run after the commit that published the event, asynchronously; each publication
 * is stored with that commit. Every minute one instance (a db-scheduler task) hands again to their listeners the
 * publications that are still incomplete a minute after they were made — after a crash, a failure, or a listener
 * that was down.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class EventRedelivery {

    static final Duration GRACE = Duration.ofMinutes(1);

    @Bean
    Task<Void> redeliverIncompleteEvents(IncompleteEventPublications incomplete) {
        return Tasks.recurring("redeliver-incomplete-events", FixedDelay.of(GRACE))
                .execute((instance, context) -> incomplete.resubmitIncompletePublicationsOlderThan(GRACE));
    }
}

package cn.youfu.cases.internal;

import cn.youfu.calendar.Calendars;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The statutory clocks' timers: reminders before the promised deadline, escalation to the supervisor (督办) when it is
 * missed, the overdue mark when the statutory deadline passes. A db-scheduler recurring task: with several instances
 * on one database each run is picked by one of them; and each alert is a conditional change of the case (optimistic
 * version), so it fires once per case whatever happens.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CasesSettings.class)
class ClockSweep {

    private static final Logger log = LoggerFactory.getLogger(ClockSweep.class);

    private final Cases cases;
    private final CaseService service;
    private final Calendars calendars;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final CasesSettings settings;

    ClockSweep(Cases cases, CaseService service, Calendars calendars, TransactionTemplate transactions, Clock clock,
               CasesSettings settings) {
        this.cases = cases;
        this.service = service;
        this.calendars = calendars;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = settings;
    }

    @Bean
    Task<Void> caseClockSweep() {
        return Tasks.recurring("case-clock-sweep", FixedDelay.of(settings.sweepInterval()))
                .execute((instance, context) -> sweep(clock.instant()));
    }

    /** Fires what is due at {@code now}; returns how many cases had an alert. */
    int sweep(Instant now) {
        // Reminders may fire some working days ahead: look far enough in calendar days to cover holidays.
        var horizon = Case.today(now).plusDays(2L * maxRemindBefore() + 15);
        int fired = 0;
        for (var reference : cases.openWithDeadlineBefore(horizon, settings.sweepBatch())) {
            try {
                Boolean alerted = transactions.execute(status -> {
                    var aCase = cases.find(reference).orElse(null);
                    if (aCase == null || !aCase.alertsDue(now, calendars.current())) {
                        return false;
                    }
                    service.save(aCase);
                    return true;
                });
                fired += Boolean.TRUE.equals(alerted) ? 1 : 0;
            } catch (CaseProblems changedMeanwhile) {
                log.debug("Case {} changed during the sweep; it is looked at again next time", reference);
            }
        }
        return fired;
    }

    private int maxRemindBefore() {
        return service.types().all().stream().mapToInt(t -> t.clock().remindBefore()).max().orElse(0);
    }
}

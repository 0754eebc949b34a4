package cn.youfu.disclosure.internal;

import cn.youfu.cases.CaseEngine;
import cn.youfu.disclosure.DisclosureEvents.Notice;
import cn.youfu.disclosure.DisclosureEvents.NoticeSent;
import cn.youfu.disclosure.internal.Requests.StepRecord;
import cn.youfu.identity.CurrentUser;
import cn.youfu.platform.ProblemException;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Regulations' own timers, which the platform keeps: a correction not made by its day closes the request as
 * abandoned, with notice (Art. 30); a third party silent after its 15 working days no longer holds the clock (Art. 32),
 * which runs again from the day after. A db-scheduler recurring task (once across instances); each closing is a
 * transition of the case in its own transaction, so one that fails is tried again next time and never twice.
 */
@Configuration(proxyBeanMethods = false)
class DisclosureSweep {

    private static final Logger log = LoggerFactory.getLogger(DisclosureSweep.class);
    private static final int BATCH = 200;

    private final Requests requests;
    private final CaseEngine cases;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final DisclosureSettings settings;

    DisclosureSweep(Requests requests, CaseEngine cases, MessageSource messages, ApplicationEventPublisher events,
                    TransactionTemplate transactions, Clock clock, DisclosureSettings settings) {
        this.requests = requests;
        this.cases = cases;
        this.messages = messages;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = settings;
    }

    @Bean
    Task<Void> disclosureSweepTask() {
        return Tasks.recurring("disclosure-sweep", FixedDelay.of(settings.sweepInterval()))
                .execute((instance, context) -> sweep());
    }

    /** Closes what lapsed by today (China); returns how many requests were moved. */
    int sweep() {
        var today = LocalDate.now(clock.withZone(DisclosureService.CHINA));
        int moved = 0;
        for (var step : requests.openDueBy(StepRecord.CORRECTION, today.minusDays(1), BATCH)) {
            moved += run(step, () -> abandon(step, today));
        }
        for (var step : requests.openDueBy(StepRecord.THIRD_PARTY, today, BATCH)) {
            moved += run(step, () -> resume(step, today));
        }
        return moved;
    }

    private int run(StepRecord step, Runnable action) {
        try {
            transactions.executeWithoutResult(status -> action.run());
            return 1;
        } catch (ProblemException refused) {
            // The request moved on meanwhile (answered, withdrawn): the pause is over without the platform.
            log.info("Disclosure request {}: lapsed {} not closed ({})", step.reference(), step.kind(),
                    refused.code());
            transactions.executeWithoutResult(status -> requests.end(step.id(), step.dueOn(), "superseded"));
            return 0;
        }
    }

    private void abandon(StepRecord step, LocalDate today) {
        var notice = messages.getMessage("disclosure.notice.abandonment", new Object[] {step.dueOn()},
                DisclosureService.OFFICIAL);
        cases.takeOnBehalf(step.reference(), "abandon", notice, CurrentUser.SYSTEM);
        requests.end(step.id(), today, "abandoned");
        events.publishEvent(new NoticeSent(step.reference(), CurrentUser.SYSTEM.username(), clock.instant(),
                Notice.ABANDONMENT, notice, null));
    }

    /** The third party's time ended on its due day: the pause covers it, and counting resumes the day after. */
    private void resume(StepRecord step, LocalDate today) {
        var note = messages.getMessage("disclosure.notice.third-party-lapsed", new Object[] {step.dueOn()},
                DisclosureService.OFFICIAL);
        cases.takeOnBehalf(step.reference(), "receive-third-party-opinion", note, CurrentUser.SYSTEM);
        requests.end(step.id(), today, "lapsed");
    }
}

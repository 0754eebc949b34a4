package cn.youfu.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.youfu.YoufuIntegrationTest;
import cn.youfu.cases.CaseEvents.Alert;
import cn.youfu.cases.CaseEvents.CaseClockAlerted;
import cn.youfu.cases.CaseEvents.CaseOpened;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The listener itself: a redelivered event adds nothing; alerts reach the handler and the supervisors. Calls go
 * through the listener's proxy, so they run asynchronously, as deliveries do.
 */
@YoufuIntegrationTest
class CaseNotifierIntegrationTest {

    @Autowired
    CaseNotifier notifier;
    @Autowired
    JdbcClient jdbc;

    long awaitCount(String reference, String recipient, long expected) throws InterruptedException {
        long until = System.currentTimeMillis() + 10_000;
        while (count(reference, recipient) < expected && System.currentTimeMillis() < until) {
            Thread.sleep(20);
        }
        Thread.sleep(200); // time for a wrong extra message to show
        return count(reference, recipient);
    }

    long count(String reference, String recipient) {
        return jdbc.sql("SELECT count(*) FROM notifications.message WHERE reference = ? AND recipient = ?")
                .params(reference, recipient).query(Long.class).single();
    }

    @Test
    void aRedeliveredEventAddsNothing() throws InterruptedException {
        var event = new CaseOpened("FZ-2026-88888888", "licensing", "applicant",
                Instant.parse("2026-11-02T02:00:00Z"), "applicant", "fz-approval", "accepted", null, null);
        notifier.on(event);
        notifier.on(event);
        assertThat(awaitCount("FZ-2026-88888888", "applicant", 1)).isOne();
    }

    @Test
    void anEscalationReachesTheHandlerAndTheSupervisors() throws InterruptedException {
        notifier.on(new CaseClockAlerted("FZ-2026-77777777", "licensing", Alert.ESCALATED,
                Instant.parse("2026-11-10T01:00:00Z"), "fz-approval", null, LocalDate.parse("2026-11-09")));
        assertThat(awaitCount("FZ-2026-77777777", "department:fz-approval", 1)).isOne();
        assertThat(awaitCount("FZ-2026-77777777", CaseNotifier.SUPERVISORS, 1)).isOne();
    }
}

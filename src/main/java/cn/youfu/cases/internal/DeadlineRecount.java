package cn.youfu.cases.internal;

import cn.youfu.calendar.Calendars;
import cn.youfu.calendar.HolidayScheduleChanged;
import java.sql.Timestamp;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * When the holiday schedule changes — an administrator loads a notice, or Youfu starts with new shipped files — every
 * open case's deadlines are recounted with it; each case whose deadline moved records why.
 */
@Component
class DeadlineRecount {

    private static final Logger log = LoggerFactory.getLogger(DeadlineRecount.class);

    private final Cases cases;
    private final CaseService service;
    private final Calendars calendars;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final Clock clock;

    DeadlineRecount(Cases cases, CaseService service, Calendars calendars, TransactionTemplate transactions,
                    JdbcClient jdbc, Clock clock) {
        this.cases = cases;
        this.service = service;
        this.calendars = calendars;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(HolidayScheduleChanged change) {
        calendars.refresh();
        int moved = recountAll();
        remember(calendars.current().schedule().fingerprint());
        log.info("Holiday schedule {} {}: {} open case(s) got new deadlines", change.year(), change.change(), moved);
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        var fingerprint = calendars.current().schedule().fingerprint();
        if (remember(fingerprint)) {
            int moved = recountAll();
            if (moved > 0) {
                log.info("The holiday schedule changed since the last start: {} open case(s) got new deadlines",
                        moved);
            }
        }
    }

    /** Stores the fingerprint; true when it differs from the one stored (or none was), on this instance only. */
    private boolean remember(String fingerprint) {
        return jdbc.sql("""
                        INSERT INTO cases.calendar_state (id, fingerprint, counted_at) VALUES (1, ?, ?)
                        ON CONFLICT (id) DO UPDATE SET fingerprint = EXCLUDED.fingerprint,
                          counted_at = EXCLUDED.counted_at
                        WHERE cases.calendar_state.fingerprint <> EXCLUDED.fingerprint""")
                .params(fingerprint, Timestamp.from(clock.instant())).update() == 1;
    }

    int recountAll() {
        int moved = 0;
        for (var reference : cases.openReferences()) {
            for (int attempt = 0; attempt < 3; attempt++) {
                try {
                    Boolean changed = transactions.execute(status -> {
                        var aCase = cases.find(reference).orElse(null);
                        if (aCase == null || !aCase.recount(clock.instant(), calendars.current())) {
                            return false;
                        }
                        service.save(aCase);
                        return true;
                    });
                    moved += Boolean.TRUE.equals(changed) ? 1 : 0;
                    break;
                } catch (CaseProblems changedMeanwhile) {
                    log.debug("Case {} changed during the recount; trying again", reference);
                }
            }
        }
        return moved;
    }
}

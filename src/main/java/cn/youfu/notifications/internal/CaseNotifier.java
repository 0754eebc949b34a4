package cn.youfu.notifications.internal;

import cn.youfu.cases.CaseEvents.Alert;
import cn.youfu.cases.CaseEvents.CaseClockAlerted;
import cn.youfu.cases.CaseEvents.CaseExtended;
import cn.youfu.cases.CaseEvents.CaseOpened;
import cn.youfu.cases.CaseEvents.CaseTransitioned;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns case events into messages.
 *
 * <p>What the applicant is told about their own case (opened, moved, closed) is written in the case's own
 * transaction, as the ledger entry is: the message exists exactly when the change does, with no second transaction
 * and no event publication to store, deliver and mark complete for each of the engine's most frequent events (that
 * was about half the cost of a transition). Clock alerts come from the timers: each handler runs after the sweep's
 * transaction committed, in a transaction of its own; a failure leaves the event publication incomplete, to be
 * delivered again. Messages are keyed by their event, so a second delivery adds nothing.
 */
@Component
class CaseNotifier {

    static final String SUPERVISORS = "role:supervisor";

    private final Messages messages;

    CaseNotifier(Messages messages) {
        this.messages = messages;
    }

    @EventListener
    void on(CaseOpened event) {
        if (event.applicant() != null) {
            messages.add(event.applicant(), event.reference(), "case-opened", event.at(),
                    Map.of("deadline", String.valueOf(event.statutoryDeadline())));
        }
    }

    /**
     * The applicant hears of every step; a step that stops the clock for an expected time (a hearing, an expert
     * review) is told in writing with that time and the officer's note.
     */
    @EventListener
    void on(CaseTransitioned event) {
        if (event.applicant() == null) {
            return;
        }
        if (event.expectedDays() != null) {
            messages.add(event.applicant(), event.reference(), "case-paused", event.at(), Map.of("to", event.to(),
                    "action", event.transition(), "reason", String.valueOf(event.comment()),
                    "expectedDays", event.expectedDays(), "expectedUnit", event.expectedUnit()));
            return;
        }
        var kind = event.closed() ? "case-closed" : "case-moved";
        messages.add(event.applicant(), event.reference(), kind, event.at(),
                Map.<String, Object>of("to", event.to(), "action", event.transition()));
    }

    /** The applicant is told an extension, its new deadline and its reason (行政许可法 Art. 42). */
    @EventListener
    void on(CaseExtended event) {
        if (event.applicant() != null) {
            messages.add(event.applicant(), event.reference(), "case-extended", event.at(), Map.of(
                    "deadline", String.valueOf(event.statutoryDeadline()), "reason", event.reason(),
                    "days", event.days()));
        }
    }

    @ApplicationModuleListener
    void on(CaseClockAlerted event) {
        var handler = event.assignee() != null ? event.assignee() : "department:" + event.department();
        var params = Map.<String, Object>of("deadline", String.valueOf(event.deadline()));
        if (event.alert() == Alert.REMINDED) {
            messages.add(handler, event.reference(), "case-reminded", event.at(), params);
        } else {
            var kind = event.alert() == Alert.ESCALATED ? "case-escalated" : "case-overdue";
            messages.add(handler, event.reference(), kind, event.at(), params);
            messages.add(SUPERVISORS, event.reference(), kind, event.at(), params);
        }
    }
}

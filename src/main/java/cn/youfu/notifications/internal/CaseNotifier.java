package cn.youfu.notifications.internal;

import cn.youfu.cases.CaseEvents.Alert;
import cn.youfu.cases.CaseEvents.CaseClockAlerted;
import cn.youfu.cases.CaseEvents.CaseOpened;
import cn.youfu.cases.CaseEvents.CaseTransitioned;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns case events into messages. Each handler runs after the case's transaction committed, in a transaction of its
 * own; a failure leaves the event publication incomplete, to be delivered again. Messages are keyed by their event,
 * so a second delivery adds nothing.
 */
@Component
class CaseNotifier {

    static final String SUPERVISORS = "role:supervisor";

    private final Messages messages;

    CaseNotifier(Messages messages) {
        this.messages = messages;
    }

    @ApplicationModuleListener
    void on(CaseOpened event) {
        if (event.applicant() != null) {
            messages.add(event.applicant(), event.reference(), "case-opened", event.at(),
                    Map.of("deadline", String.valueOf(event.statutoryDeadline())));
        }
    }

    @ApplicationModuleListener
    void on(CaseTransitioned event) {
        var kind = event.closed() ? "case-closed" : "case-moved";
        var params = Map.<String, Object>of("to", event.to(), "action", event.transition());
        if (event.applicant() != null) {
            messages.add(event.applicant(), event.reference(), kind, event.at(), params);
        } else { // stored before events carried the applicant
            messages.addForApplicantOf(event.reference(), kind, event.at(), params);
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

package cn.youfu.dispatch.internal;

import cn.youfu.cases.CaseEvents.Alert;
import cn.youfu.cases.CaseEvents.CaseClockAlerted;
import cn.youfu.cases.CaseEvents.CaseTransitioned;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Follows citizen-request cases: the clock's escalation (督办) and overdue mark feed the supervisor's figures
 * (durably, after the sweep's transaction); every transition is an update of the event for Open311 and, when taken
 * through the case API rather than this module, is mirrored in the event's state (both in the same transaction).
 */
@Component
class CaseListener {

    private final CitizenEvents events;
    private final RequestUpdates updates;

    CaseListener(CitizenEvents events, RequestUpdates updates) {
        this.events = events;
        this.updates = updates;
    }

    @ApplicationModuleListener
    void on(CaseClockAlerted alert) {
        if (DispatchService.CASE_TYPE.equals(alert.type()) && alert.alert() != Alert.REMINDED) {
            events.markAlert(alert.reference(), alert.alert() == Alert.ESCALATED, alert.alert() == Alert.OVERDUE);
        }
    }

    @EventListener
    void on(CaseTransitioned transition) {
        if (DispatchService.CASE_TYPE.equals(transition.type())) {
            events.mirrorState(transition.reference(), transition.to());
            updates.step(transition);
        }
    }
}

package cn.youfu.audit;

import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/** A test-only action, as another module would publish it. */
public record TestAction(String stream, String actor, String action, Instant at, Object payload) implements AuditedAction {

    /** Publishes this action in a transaction of its own, which commits. */
    public void publishIn(TransactionTemplate transaction, ApplicationEventPublisher events) {
        transaction.executeWithoutResult(status -> events.publishEvent(this));
    }
}

package cn.youfu.dispatch;

import cn.youfu.audit.AuditedAction;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What happens to citizens' events besides their case's transitions, as past-tense events recorded in the ledger on
 * the case's stream (the event's reference is its case's), and to the Open311 API keys (stream
 * {@code open311-key:<id>}).
 */
public final class DispatchEvents {

    private DispatchEvents() {
    }

    /** An action on a citizen's event: recorded on its case's stream. */
    public interface EventAction extends AuditedAction {
        /** The event's reference, which is its case's. */
        String reference();

        @Override
        default String stream() {
            return reference();
        }
    }

    private static Map<String, Object> fields(Object... keysAndValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /**
     * An event was routed to a lead department (and co-handling ones), by the classifier ({@code automatic}) or by a
     * dispatcher; {@code terms} and {@code confidence} are the classifier's reasons, {@code reason} the dispatcher's.
     */
    public record EventDispatched(String reference, String actor, Instant at, String topic, String department,
                                  List<String> coHandlers, double confidence, List<String> terms, boolean automatic,
                                  String reason) implements EventAction {
        @Override
        public String action() {
            return "dispatch.dispatched";
        }

        @Override
        public Object payload() {
            return fields("topic", topic, "department", department, "coHandlers", coHandlers, "confidence",
                    confidence, "terms", terms, "automatic", automatic, "reason", reason);
        }
    }

    /** A co-handling department reported its part to the lead department. */
    public record CoHandlerReported(String reference, String actor, Instant at, String department)
            implements EventAction {
        @Override
        public String action() {
            return "dispatch.co-handler-reported";
        }

        @Override
        public Object payload() {
            return fields("department", department);
        }
    }

    /** An event was merged into an open one about the same problem, which is handled once for both. */
    public record EventMerged(String reference, String actor, Instant at, String into) implements EventAction {
        @Override
        public String action() {
            return "dispatch.merged";
        }

        @Override
        public Object payload() {
            return fields("into", into);
        }
    }

    /** The follow-up visit (回访): the citizen's rating of the reply; a dissatisfied rating reopens the event. */
    public record EventVisited(String reference, String actor, Instant at, String rating, boolean reopened)
            implements EventAction {
        @Override
        public String action() {
            return "dispatch.visited";
        }

        @Override
        public Object payload() {
            return fields("rating", rating, "reopened", reopened);
        }
    }

    /** The handling officer saw the reporter's contact details unmasked. */
    public record ReporterContactViewed(String reference, String actor, Instant at) implements EventAction {
        @Override
        public String action() {
            return "dispatch.contact-viewed";
        }

        @Override
        public Object payload() {
            return null;
        }
    }

    /** An officer released photos of an event for publication (their positions in the event's list, from 0). */
    public record PhotosReleased(String reference, String actor, Instant at, List<Integer> photos)
            implements EventAction {
        @Override
        public String action() {
            return "dispatch.photos-released";
        }

        @Override
        public Object payload() {
            return fields("photos", photos);
        }
    }

    /**
     * An Open311 client posted an update to a request it had posted ({@code servicerequestupdates}); the text is kept
     * with the event, the ledger records that it came, under the client's own id and status.
     */
    public record ClientUpdatePosted(String reference, String actor, Instant at, long updateId, String clientUpdateId,
                                     String status) implements EventAction {
        @Override
        public String action() {
            return "dispatch.client-update-posted";
        }

        @Override
        public Object payload() {
            return fields("updateId", updateId, "clientUpdateId", clientUpdateId, "status", status);
        }
    }

    /** An administrator issued an Open311 API key to a client (the key itself is shown once and never recorded). */
    public record Open311KeyIssued(String keyId, String actor, Instant at, String client, Instant expiresAt,
                                   int requestsPerMinute) implements AuditedAction {
        @Override
        public String stream() {
            return "open311-key:" + keyId;
        }

        @Override
        public String action() {
            return "dispatch.open311-key-issued";
        }

        @Override
        public Object payload() {
            return fields("client", client, "expiresAt", expiresAt, "requestsPerMinute", requestsPerMinute);
        }
    }

    /** An administrator revoked an Open311 API key, with the reason. */
    public record Open311KeyRevoked(String keyId, String actor, Instant at, String reason) implements AuditedAction {
        @Override
        public String stream() {
            return "open311-key:" + keyId;
        }

        @Override
        public String action() {
            return "dispatch.open311-key-revoked";
        }

        @Override
        public Object payload() {
            return fields("reason", reason);
        }
    }
}

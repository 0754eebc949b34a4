package cn.youfu.cases;

import cn.youfu.audit.AuditedAction;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What happens to cases, as past-tense events. Each is recorded in the ledger (it is an {@link AuditedAction} whose
 * stream is the case reference) and may be listened to by other modules. Dates are China Standard Time.
 */
public final class CaseEvents {

    private CaseEvents() {
    }

    /** The actor of events the platform itself causes (timers). */
    public static final String SYSTEM = "system";

    /** An event about one case: its ledger stream is the case reference. */
    public interface CaseEvent extends AuditedAction {
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

    /** A case was opened. */
    public record CaseOpened(String reference, String type, String actor, Instant at, String applicant,
                             String department, String state, LocalDate statutoryDeadline,
                             LocalDate promisedDeadline) implements CaseEvent {
        @Override
        public String action() {
            return "case.opened";
        }

        @Override
        public Object payload() {
            return fields("type", type, "applicant", applicant, "department", department, "state", state,
                    "statutoryDeadline", statutoryDeadline, "promisedDeadline", promisedDeadline);
        }
    }

    /**
     * A case moved from one state to another by an action its type allows. {@code applicant} is the applicant's
     * username (null when the case has none, and in events stored before it was carried); it is not part of the
     * ledger payload. {@code expectedDays} is how long the step is expected to take, in {@code expectedUnit}
     * ({@code WORKING_DAYS} or {@code DAYS}), where the type asks for it (a pause of the clock the applicant is told of
     * in writing); null otherwise.
     */
    public record CaseTransitioned(String reference, String type, String actor, Instant at, String transition,
                                   String from, String to, String comment, boolean closed,
                                   LocalDate statutoryDeadline, LocalDate promisedDeadline, String applicant,
                                   Integer expectedDays, String expectedUnit)
            implements CaseEvent {

        public CaseTransitioned(String reference, String type, String actor, Instant at, String transition,
                                String from, String to, String comment, boolean closed,
                                LocalDate statutoryDeadline, LocalDate promisedDeadline) {
            this(reference, type, actor, at, transition, from, to, comment, closed, statutoryDeadline,
                    promisedDeadline, null, null, null);
        }

        public CaseTransitioned(String reference, String type, String actor, Instant at, String transition,
                                String from, String to, String comment, boolean closed,
                                LocalDate statutoryDeadline, LocalDate promisedDeadline, String applicant) {
            this(reference, type, actor, at, transition, from, to, comment, closed, statutoryDeadline,
                    promisedDeadline, applicant, null, null);
        }

        @Override
        public String action() {
            return "case.transition." + transition;
        }

        @Override
        public Object payload() {
            var payload = fields("from", from, "to", to, "comment", comment, "closed", closed,
                    "statutoryDeadline", statutoryDeadline, "promisedDeadline", promisedDeadline);
            if (expectedDays != null) {
                payload.put("expectedDays", expectedDays);
                payload.put("expectedUnit", expectedUnit);
            }
            return payload;
        }
    }

    /**
     * A case's statutory limit was extended, as its type allows; {@code applicant} (the applicant's username, null
     * when the case has none) is told the reason. It is not part of the ledger payload.
     */
    public record CaseExtended(String reference, String type, String actor, Instant at, int days, String reason,
                               int extensions, LocalDate statutoryDeadline, String applicant) implements CaseEvent {

        public CaseExtended(String reference, String type, String actor, Instant at, int days, String reason,
                            int extensions, LocalDate statutoryDeadline) {
            this(reference, type, actor, at, days, reason, extensions, statutoryDeadline, null);
        }

        @Override
        public String action() {
            return "case.extended";
        }

        @Override
        public Object payload() {
            return fields("days", days, "reason", reason, "extensions", extensions,
                    "statutoryDeadline", statutoryDeadline);
        }
    }

    /** A case was given to an officer. */
    public record CaseAssigned(String reference, String type, String actor, Instant at, String assignee)
            implements CaseEvent {
        @Override
        public String action() {
            return "case.assigned";
        }

        @Override
        public Object payload() {
            return fields("assignee", assignee);
        }
    }

    /** Someone other than the applicant opened a case showing the applicant's personal data. */
    public record CasePersonalDataViewed(String reference, String actor, Instant at) implements CaseEvent {
        @Override
        public String action() {
            return "case.personal-data-viewed";
        }

        @Override
        public Object payload() {
            return null;
        }
    }

    /** Kinds of clock alert, in the order they happen. */
    public enum Alert {
        /** The promised deadline is near: the handler is reminded. */
        REMINDED,
        /** The promised deadline has passed: the supervisor steps in (督办). */
        ESCALATED,
        /** The statutory deadline has passed. */
        OVERDUE
    }

    /** A timer fired on a case: once per case and kind, whatever the number of instances. */
    public record CaseClockAlerted(String reference, String type, Alert alert, Instant at, String department,
                                   String assignee, LocalDate deadline) implements CaseEvent {
        @Override
        public String actor() {
            return SYSTEM;
        }

        @Override
        public String action() {
            return "case.clock." + alert.name().toLowerCase(java.util.Locale.ROOT);
        }

        @Override
        public Object payload() {
            return fields("department", department, "assignee", assignee, "deadline", deadline);
        }
    }

    /** The holiday schedule changed and an open case's deadlines moved. */
    public record CaseDeadlinesRecomputed(String reference, Instant at, LocalDate statutoryBefore,
                                          LocalDate statutoryAfter, LocalDate promisedBefore,
                                          LocalDate promisedAfter) implements CaseEvent {
        @Override
        public String actor() {
            return SYSTEM;
        }

        @Override
        public String action() {
            return "case.deadlines-recomputed";
        }

        @Override
        public Object payload() {
            return fields("statutoryBefore", statutoryBefore, "statutoryAfter", statutoryAfter,
                    "promisedBefore", promisedBefore, "promisedAfter", promisedAfter);
        }
    }
}

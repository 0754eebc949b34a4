package cn.youfu.disclosure;

import cn.youfu.audit.AuditedAction;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What happens to requests for government information besides their case's transitions, as past-tense events recorded
 * in the ledger on the case's stream. Payloads carry no applicant's name, ID number or contact.
 */
public final class DisclosureEvents {

    private DisclosureEvents() {
    }

    private static Map<String, Object> fields(Object... keysAndValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** An event on one request: its ledger stream is the request's (case) reference. */
    public interface DisclosureEvent extends AuditedAction {
        String reference();

        @Override
        default String stream() {
            return reference();
        }
    }

    /**
     * A request was received (Art. 31: online, the day it was submitted).
     *
     * @param applicantKind {@code resident} or {@code enterprise}
     * @param descriptionSm3 the SM3 of the information described, so that the record binds the words without keeping
     *                       them twice
     */
    public record RequestReceived(String reference, String actor, Instant at, String department,
                                  String applicantKind, String delivery, LocalDate receivedOn, String descriptionSm3)
            implements DisclosureEvent {
        @Override
        public String action() {
            return "disclosure.request-received";
        }

        @Override
        public Object payload() {
            return fields("department", department, "applicantKind", applicantKind, "delivery", delivery,
                    "receivedOn", receivedOn, "descriptionSm3", descriptionSm3);
        }
    }

    /** What the applicant was told, and when: the kinds of notice the Regulations require. */
    public enum Notice {
        /** Correct the request, what and by when (Art. 30). */
        CORRECTION,
        /** The reply period is extended, and why (Art. 33). */
        EXTENSION,
        /** Not corrected in time: the request is taken as abandoned (Art. 30). */
        ABANDONMENT,
        /** A third party or another agency is consulted; the time is not counted (Art. 32, 33). */
        CONSULTATION
    }

    /**
     * A notice was sent to the applicant.
     *
     * @param dueOn the date the applicant or the consulted party has until, if the notice sets one
     */
    public record NoticeSent(String reference, String actor, Instant at, Notice notice, String text, LocalDate dueOn)
            implements DisclosureEvent {
        @Override
        public String action() {
            return "disclosure.notice." + notice.name().toLowerCase(java.util.Locale.ROOT);
        }

        @Override
        public Object payload() {
            return fields("text", text, "dueOn", dueOn);
        }
    }

    /** The applicant corrected the request: a new receipt, from which the 20 working days start again (Art. 30). */
    public record RequestCorrected(String reference, String actor, Instant at, LocalDate receivedOn,
                                   String descriptionSm3) implements DisclosureEvent {
        @Override
        public String action() {
            return "disclosure.request-corrected";
        }

        @Override
        public Object payload() {
            return fields("receivedOn", receivedOn, "descriptionSm3", descriptionSm3);
        }
    }

    /**
     * A reply was issued with its signed letter (Art. 36, 37).
     *
     * @param type        the reply type's code, e.g. {@code partially-disclosed}
     * @param documentSm3 the letter PDF's SM3 in the document library
     * @param grounds     the Art. 14–16 grounds' codes, when information is withheld
     * @param feeYuan     the Art. 42 processing fee, 0 when none
     */
    public record ReplyIssued(String reference, String actor, Instant at, String type, String letterNumber,
                              String documentSm3, String keyId, java.util.List<String> grounds, int feeYuan,
                              boolean onTime) implements DisclosureEvent {
        @Override
        public String action() {
            return "disclosure.reply-issued";
        }

        @Override
        public Object payload() {
            return fields("type", type, "letterNumber", letterNumber, "documentSm3", documentSm3, "keyId", keyId,
                    "grounds", grounds, "feeYuan", feeYuan, "onTime", onTime);
        }
    }

    /**
     * A document was published proactively (version 1) or replaced (a later version), on the stream
     * {@code disclosure:<id>}.
     *
     * @param late whether it was published after its due date (20 working days after {@code formedOn}, Art. 26)
     */
    public record DocumentPublished(String id, String actor, Instant at, String category, String department,
                                    int version, LocalDate formedOn, LocalDate dueOn, boolean late)
            implements AuditedAction {
        @Override
        public String stream() {
            return "disclosure:" + id;
        }

        @Override
        public String action() {
            return "disclosure.document-published";
        }

        @Override
        public Object payload() {
            return fields("category", category, "department", department, "version", version, "formedOn", formedOn,
                    "dueOn", dueOn, "late", late);
        }
    }

    /** A proactively published document was withdrawn; its versions stay readable. */
    public record DocumentWithdrawn(String id, String actor, Instant at, String reason) implements AuditedAction {
        @Override
        public String stream() {
            return "disclosure:" + id;
        }

        @Override
        public String action() {
            return "disclosure.document-withdrawn";
        }

        @Override
        public Object payload() {
            return fields("reason", reason);
        }
    }
}

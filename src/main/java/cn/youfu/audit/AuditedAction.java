package cn.youfu.audit;

import java.time.Instant;

/**
 * An action to be recorded. Events implementing this are appended to the ledger synchronously, inside the
 * publisher's transaction (a plain {@code @EventListener}, not after-commit), so the action and its record commit or
 * roll back together. Publish it with {@code ApplicationEventPublisher.publishEvent(action)} inside the transaction
 * that performs the action; without a transaction the record is written in one of its own.
 *
 * <p>If the record cannot be written (for example a concurrent append to the same stream won the next sequence
 * number) the publisher gets the exception and its transaction rolls back: the action did not happen.
 */
public interface AuditedAction {

    /**
     * The subject's key, not blank: the case reference, e.g. {@code "FZ-2026-00012345"}, or another subject key such
     * as {@code "sources:population"}. Entries of one stream form one hash chain, in order.
     */
    String stream();

    /** The username of who did it, or {@code "system"}; not blank. */
    String actor();

    /** What was done, dotted lower case, e.g. {@code "case.created"}, {@code "case.transition.accept"}; not blank. */
    String action();

    /** When it was done; not null. Stored to the microsecond (finer digits are dropped). */
    Instant at();

    /**
     * The details, serialised to JSON with the application's Jackson mapper for storage and hashing; may be null
     * (stored as {@code null}). Personal data in it stays in the ledger: mask what the record does not need.
     */
    Object payload();
}

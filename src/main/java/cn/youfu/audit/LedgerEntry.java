package cn.youfu.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;

/**
 * One recorded action as stored in the ledger.
 *
 * @param id           the entry's position in the whole ledger (increasing, with gaps where a transaction rolled back)
 * @param stream       the case reference or subject key
 * @param sequence     1, 2, 3, … within the stream, without gaps
 * @param actor        who did it, or {@code "system"}
 * @param action       what was done
 * @param at           when, to the microsecond
 * @param payload      the details as the JSON text that was hashed (written raw in API responses)
 * @param payloadHash  SM3 of the payload's UTF-8 bytes, lower-case hex
 * @param previousHash the previous entry's {@code entryHash} in the stream (64 zeros for sequence 1), hex
 * @param entryHash    SM3 over the entry's fields and {@code previousHash}, hex
 */
public record LedgerEntry(long id, String stream, int sequence, String actor, String action, Instant at,
                          @JsonRawValue String payload, String payloadHash, String previousHash, String entryHash) {
}

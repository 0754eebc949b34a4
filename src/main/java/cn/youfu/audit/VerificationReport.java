package cn.youfu.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The outcome of re-verifying the ledger from its stored rows.
 *
 * @param ok          true when every entry and every checkpoint matched
 * @param entries     entries checked (up to and including the first bad one)
 * @param streams     distinct streams among them
 * @param checkpoints checkpoints checked
 * @param unsealed    entries after the last checkpoint: their chains are checked, but a deletion of the last
 *                    entries of a stream, or a forged chain, is only detectable once they are sealed
 * @param anchored    checkpoints found as their anchors outside the database remember them (same id, same hash);
 *                    a checkpoint anchored but missing or different makes the ledger not ok
 * @param millis      how long the verification took
 * @param firstBad    the first entry or checkpoint, in ledger order, that does not match; null when ok
 */
public record VerificationReport(boolean ok, long entries, long streams, long checkpoints, long unsealed,
                                 long anchored, long millis, Finding firstBad) {

    /**
     * What does not match. For an entry: {@code caseReference} (the stream), {@code sequence} and {@code entryId};
     * for a checkpoint: {@code checkpointId}. Absent members are left out of the JSON.
     *
     * @param problem in words, e.g. {@code "payload hash mismatch"}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Finding(String caseReference, Integer sequence, Long entryId, Long checkpointId, String problem) {

        public static Finding entry(String stream, int sequence, long entryId, String problem) {
            return new Finding(stream, sequence, entryId, null, problem);
        }

        public static Finding checkpoint(long checkpointId, String problem) {
            return new Finding(null, null, null, checkpointId, problem);
        }
    }
}

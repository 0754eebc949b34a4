package cn.youfu.audit;

import java.util.List;

/** Reads the ledger. Nothing writes it but {@link AuditedAction} events. */
public interface Ledger {

    /**
     * The timeline of one stream (a case reference or subject key), in sequence order; empty when nothing was
     * recorded for it. The entries are returned as stored, not verified: use {@link #verify()} for that.
     */
    List<LedgerEntry> entries(String stream);

    /**
     * Re-verifies the whole ledger from the stored rows, in one consistent snapshot: every payload hash, every entry
     * hash and chain link, every checkpoint's entry range, Merkle root, chain link and SM2 signature. Reads the rows
     * with a database cursor, so memory does not grow with the ledger (only with the number of streams). Stops at the
     * first mismatch and reports it.
     */
    VerificationReport verify();
}

package cn.youfu.platform;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Numbers from a PostgreSQL sequence, handed out a block at a time. The sequence steps by the block's size (its
 * {@code INCREMENT}, set by the owning module's migration), so each {@code nextval} reserves that many numbers for
 * this instance alone and the next ones cost no round trip to the database. Numbers stay unique across instances and
 * restarts. What changes: numbers from several instances are not in the order they were handed out, and the unused
 * rest of a block is skipped when an instance stops — a sequence has gaps anyway (a rolled-back number is not reused).
 */
public final class PooledSequence {

    private final JdbcClient jdbc;
    private final String sequence;
    private long next;
    private long end;

    /** @param sequence the sequence's qualified name, e.g. {@code cases.reference_seq} */
    public PooledSequence(JdbcClient jdbc, String sequence) {
        this.jdbc = jdbc;
        this.sequence = sequence;
    }

    /** The next number of this instance's block; a new block from the sequence when it is used up. */
    public synchronized long next() {
        if (next == end) {
            // The step is read with the value: the block is always as long as the step the sequence just took.
            var block = jdbc.sql("SELECT nextval(s.seqrelid), s.seqincrement FROM pg_catalog.pg_sequence s "
                            + "WHERE s.seqrelid = CAST(:name AS regclass)")
                    .param("name", sequence)
                    .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
            if (block[1] < 1) {
                throw new IllegalStateException(sequence + " must count upwards to be handed out in blocks");
            }
            next = block[0];
            end = block[0] + block[1];
        }
        return next++;
    }
}

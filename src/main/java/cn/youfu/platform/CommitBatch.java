package cn.youfu.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows that a transaction writes together just before it commits, in one batch, instead of one statement each as
 * they come: a busy transaction (several transitions committed together) writes its ledger entries or messages with
 * one round trip. Rows of a transaction that rolls back are never written; a failing write fails the commit, and the
 * transaction rolls back. An inner transaction of its own ({@code REQUIRES_NEW}) collects its own rows.
 *
 * @param <T> a row
 */
public final class CommitBatch<T> {

    private final String name;
    private final Consumer<List<T>> writer;

    /**
     * @param name   what the rows are, for messages
     * @param writer writes the rows of one transaction, in the order they were added, in that transaction
     */
    public CommitBatch(String name, Consumer<List<T>> writer) {
        this.name = name;
        this.writer = writer;
    }

    /** Adds a row to the current transaction's batch; without a transaction, writes it at once. */
    public void add(T row) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            writer.accept(List.of(row));
            return;
        }
        @SuppressWarnings("unchecked")
        var rows = (Rows) TransactionSynchronizationManager.getResource(this);
        if (rows == null) {
            rows = new Rows();
            TransactionSynchronizationManager.bindResource(this, rows);
            TransactionSynchronizationManager.registerSynchronization(rows);
        }
        rows.add(row);
    }

    private final class Rows implements TransactionSynchronization {

        private final List<T> rows = new ArrayList<>();
        private boolean written;

        void add(T row) {
            if (written) {
                throw new IllegalStateException(name + " added after the transaction's were written: " + row);
            }
            rows.add(row);
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE; // after other synchronizations that may still add rows
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            written = true;
            if (!rows.isEmpty()) {
                writer.accept(rows);
            }
        }

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResource(CommitBatch.this);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(CommitBatch.this, this);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(CommitBatch.this);
        }
    }
}

package cn.youfu.audit.internal;

import cn.youfu.audit.Ledger;
import cn.youfu.audit.LedgerEntry;
import cn.youfu.audit.VerificationReport;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

@Service
class JdbcLedger implements Ledger {

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final LedgerVerifier verifier;

    JdbcLedger(JdbcClient jdbc, DataSource dataSource, LedgerVerifier verifier) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.verifier = verifier;
    }

    @Override
    public List<LedgerEntry> entries(String stream) {
        return jdbc.sql("""
                        SELECT id, stream, seq, actor, action, at, payload, payload_hash, prev_hash, entry_hash
                        FROM audit.entry WHERE stream = ? ORDER BY seq""")
                .param(stream)
                .query((rs, n) -> new LedgerEntry(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, java.time.OffsetDateTime.class).toInstant(),
                        rs.getString(7), LedgerHashes.hex(rs.getBytes(8)), LedgerHashes.hex(rs.getBytes(9)),
                        LedgerHashes.hex(rs.getBytes(10))))
                .list();
    }

    /** In a read-only, repeatable-read transaction of its own: one consistent snapshot of entries and checkpoints. */
    @Override
    public VerificationReport verify() {
        try (var connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                return verifier.verify(connection);
            } finally {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("cannot read the audit ledger: " + e.getMessage(), e);
        }
    }
}

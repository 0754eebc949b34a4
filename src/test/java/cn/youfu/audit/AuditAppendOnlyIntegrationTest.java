package cn.youfu.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.youfu.YoufuIntegrationTest;
import cn.youfu.audit.internal.CheckpointSealer;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database itself refuses to change or remove ledger rows: the application's role has no privilege to (and owns
 * nothing, so it cannot lift the refusal), and the tables' triggers refuse even their owner.
 */
@YoufuIntegrationTest
class AuditAppendOnlyIntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    @FlywayDataSource
    DataSource ownerDataSource;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    CheckpointSealer sealer;
    @Autowired
    Ledger ledger;

    @Test
    void updateDeleteAndTruncateAreRefusedToTheApplicationAndTheOwner() {
        String stream = "TEST-append-only-" + System.nanoTime();
        new TestAction(stream, "officer", "case.created", Instant.now(), List.of("a")).publishIn(transaction, events);
        sealer.seal();
        var changes = List.of(
                "UPDATE audit.entry SET actor = 'someone' WHERE stream = '" + stream + "'",
                "DELETE FROM audit.entry WHERE stream = '" + stream + "'",
                "TRUNCATE audit.entry CASCADE",
                "UPDATE audit.checkpoint SET entry_count = entry_count + 1",
                "DELETE FROM audit.checkpoint",
                "TRUNCATE audit.checkpoint",
                "DELETE FROM audit.signing_key");
        for (String sql : changes) {
            assertThatThrownBy(() -> jdbc.sql(sql).update()).as("the application: " + sql)
                    .isInstanceOf(DataAccessException.class).hasStackTraceContaining("permission denied");
        }
        for (String sql : List.of("ALTER TABLE audit.entry DISABLE TRIGGER entry_append_only",
                "DROP TRIGGER checkpoint_append_only ON audit.checkpoint", "DROP TABLE audit.checkpoint")) {
            assertThatThrownBy(() -> jdbc.sql(sql).update()).as("the application: " + sql)
                    .isInstanceOf(DataAccessException.class).hasStackTraceContaining("must be owner");
        }
        var owner = JdbcClient.create(ownerDataSource);
        for (String sql : changes) {
            assertThatThrownBy(() -> owner.sql(sql).update()).as("the owner: " + sql)
                    .isInstanceOf(DataAccessException.class).hasStackTraceContaining("is append-only");
        }
        assertThat(ledger.entries(stream)).singleElement().extracting(LedgerEntry::actor).isEqualTo("officer");
        assertThat(ledger.verify().ok()).isTrue();
    }
}

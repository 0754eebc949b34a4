package cn.youfu.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.youfu.YoufuIntegrationTest;
import cn.youfu.audit.internal.CheckpointSealer;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The database itself refuses to change or remove ledger rows through the application's own connections. */
@YoufuIntegrationTest
class AuditAppendOnlyIntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    CheckpointSealer sealer;
    @Autowired
    Ledger ledger;

    @Test
    void updateDeleteAndTruncateAreRefused() {
        String stream = "TEST-append-only-" + System.nanoTime();
        new TestAction(stream, "officer", "case.created", Instant.now(), List.of("a")).publishIn(transaction, events);
        sealer.seal();
        for (String sql : List.of(
                "UPDATE audit.entry SET actor = 'someone' WHERE stream = '" + stream + "'",
                "DELETE FROM audit.entry WHERE stream = '" + stream + "'",
                "TRUNCATE audit.entry CASCADE",
                "UPDATE audit.checkpoint SET entry_count = entry_count + 1",
                "DELETE FROM audit.checkpoint",
                "TRUNCATE audit.checkpoint",
                "DELETE FROM audit.signing_key")) {
            assertThatThrownBy(() -> jdbc.sql(sql).update()).as(sql)
                    .isInstanceOf(DataAccessException.class)
                    .hasStackTraceContaining("is append-only");
        }
        assertThat(ledger.entries(stream)).singleElement().extracting(LedgerEntry::actor).isEqualTo("officer");
        assertThat(ledger.verify().ok()).isTrue();
    }
}

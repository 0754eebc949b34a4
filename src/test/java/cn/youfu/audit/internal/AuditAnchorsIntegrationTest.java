package cn.youfu.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.youfu.YoufuIntegrationTest;
import cn.youfu.audit.Ledger;
import cn.youfu.audit.TestAction;
import cn.youfu.audit.VerificationReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sealed checkpoints are anchored outside the database and published: a ledger whose newest checkpoints were
 * removed with their entries, which verifies clean from the database alone, is reported as truncated; one whose
 * checkpoint differs from its anchor as forked.
 */
@YoufuIntegrationTest
class AuditAnchorsIntegrationTest {

    @Autowired
    CheckpointSealer sealer;
    @Autowired
    CheckpointAnchors anchors;
    @Autowired
    LedgerVerifier verifier;
    @Autowired
    Ledger ledger;
    @Autowired
    @FlywayDataSource
    DataSource ownerDataSource;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    MockMvc mvc;

    @Test
    void aSealedCheckpointIsAnchoredAndPublished() throws Exception {
        var sealed = sealNew("anchored");
        assertThat(anchors.read()).anySatisfy(a -> assertThat(a.checkpointId()).isEqualTo(sealed.id()));
        var head = CheckpointAnchors.checkpoint(org.springframework.jdbc.core.simple.JdbcClient.create(ownerDataSource), sealed.id()).orElseThrow();
        mvc.perform(get("/api/v1/audit/checkpoints/" + sealed.id()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.checkpointHash").value(head.checkpointHash()))
                .andExpect(jsonPath("$.signature").value(head.signature()));
        mvc.perform(get("/api/v1/audit/head")).andExpect(status().isOk())
                .andExpect(jsonPath("$.checkpointId").isNumber());
        mvc.perform(get("/api/v1/audit/checkpoints/999999999")).andExpect(status().isNotFound());
        var report = ledger.verify();
        assertThat(report.ok()).isTrue();
        assertThat(report.anchored()).isEqualTo(anchors.read().size());
    }

    @Test
    void cuttingBackTheNewestCheckpointAndItsEntriesIsReportedAsTruncation() throws Exception {
        var sealed = sealNew("cut-back");
        var report = verifyAfter("DELETE FROM audit.checkpoint WHERE id >= " + sealed.id(),
                "DELETE FROM audit.entry WHERE id > " + sealed.afterEntryId());
        assertThat(report.ok()).isFalse();
        assertThat(report.firstBad().checkpointId()).isEqualTo(sealed.id());
        assertThat(report.firstBad().problem()).startsWith("truncated");
    }

    @Test
    void aCheckpointThatIsNotTheOneAnchoredIsReportedAsAFork() throws Exception {
        var sealed = sealNew("forked");
        var anchored = anchors.read().stream().filter(a -> a.checkpointId() == sealed.id()).findFirst().orElseThrow();
        var original = Files.readAllBytes(anchors.file());
        try {
            // The database now holds another checkpoint under the anchored id than the one anchored then.
            Files.writeString(anchors.file(), new String(original, StandardCharsets.UTF_8)
                    .replace(anchored.checkpointHash(), "ab".repeat(32)), StandardOpenOption.TRUNCATE_EXISTING);
            var report = ledger.verify();
            assertThat(report.ok()).isFalse();
            assertThat(report.firstBad().checkpointId()).isEqualTo(sealed.id());
            assertThat(report.firstBad().problem()).startsWith("forked");
        } finally {
            Files.write(anchors.file(), original, StandardOpenOption.TRUNCATE_EXISTING);
        }
        assertThat(ledger.verify().ok()).isTrue();
    }

    private CheckpointSealer.Sealed sealNew(String name) {
        new TestAction("TEST-anchor-" + name + "-" + System.nanoTime(), "officer", "case.step", Instant.now(),
                List.of(name)).publishIn(transaction, events);
        return sealer.seal().orElseThrow();
    }

    /** Changes the ledger as its owner could (triggers off), verifies on the same connection, and rolls back. */
    private VerificationReport verifyAfter(String... statements) throws SQLException {
        try (var connection = ownerDataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (var statement = connection.createStatement()) {
                statement.execute("ALTER TABLE audit.entry DISABLE TRIGGER entry_append_only");
                statement.execute("ALTER TABLE audit.checkpoint DISABLE TRIGGER checkpoint_append_only");
                for (String sql : statements) {
                    statement.execute(sql);
                }
                return verifier.verify(connection);
            } finally {
                connection.rollback();
            }
        }
    }
}

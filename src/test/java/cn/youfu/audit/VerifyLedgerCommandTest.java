package cn.youfu.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.youfu.YoufuApplication;
import cn.youfu.platform.database.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line check, run as an operator would: a separate JVM, its exit code and its one line of JSON. */
class VerifyLedgerCommandTest {

    @TempDir
    Path dir;

    record Run(int exitCode, String stdout) {
    }

    static Run verify(String jdbcUrl, Path dataDir) throws Exception {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                YoufuApplication.class.getName(), "--youfu.command=verify-ledger", "--youfu.db.url=" + jdbcUrl,
                "--youfu.db.user=postgres", "--youfu.data-dir=" + dataDir)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), out.strip());
    }

    @Test
    void exitsZeroOnAnIntactLedgerAndOneOnAForgedEntry() throws Exception {
        try (var server = TestDatabases.startExternal(dir)) {
            var clean = verify(server.jdbcUrl(), dir.resolve("data"));
            assertThat(clean.exitCode()).isZero();
            assertThat(clean.stdout()).startsWith("{\"ok\":true");
            assertThat(clean.stdout().lines().count()).as("standard output is the JSON line alone").isOne();

            try (var c = DriverManager.getConnection(server.jdbcUrl(), "postgres", null);
                 var s = c.createStatement()) {
                s.execute("""
                        INSERT INTO audit.entry (stream, seq, actor, action, at, payload, payload_hash, prev_hash,
                          entry_hash)
                        VALUES ('FZ-2026-99999999', 1, 'intruder', 'case.opened', now(), '{}',
                          decode(repeat('ab', 32), 'hex'), decode(repeat('00', 32), 'hex'),
                          decode(repeat('cd', 32), 'hex'))""");
            }
            var forged = verify(server.jdbcUrl(), dir.resolve("data"));
            assertThat(forged.exitCode()).isEqualTo(1);
            assertThat(forged.stdout()).contains("\"ok\":false").contains("FZ-2026-99999999");
        }
    }
}

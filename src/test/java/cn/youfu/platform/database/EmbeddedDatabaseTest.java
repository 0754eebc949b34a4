package cn.youfu.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded server itself: real PostgreSQL binaries, data kept under the data directory. */
class EmbeddedDatabaseTest {

    @TempDir
    Path dataDir;

    @Test
    void dataSurvivesARestartAndDurabilityIsOn() throws Exception {
        try (var db = EmbeddedDatabase.start(dataDir, false)) {
            try (var c = DriverManager.getConnection(db.jdbcUrl()); var s = c.createStatement()) {
                s.execute("CREATE TABLE kept (v text)");
                s.execute("INSERT INTO kept VALUES ('有福之州')");
                var fsync = s.executeQuery("SHOW fsync");
                fsync.next();
                assertThat(fsync.getString(1)).isEqualTo("on");
                var commit = s.executeQuery("SHOW synchronous_commit");
                commit.next();
                assertThat(commit.getString(1)).isEqualTo("on");
            }
        }
        assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();
        try (var db = EmbeddedDatabase.start(dataDir, false);
             var c = DriverManager.getConnection(db.jdbcUrl()); var s = c.createStatement()) {
            var rows = s.executeQuery("SELECT v FROM kept");
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("有福之州");
        }
    }

    @Test
    void aSecondProcessOnTheSameDataDirectoryIsRefusedWithAClearMessage() throws Exception {
        try (var db = EmbeddedDatabase.start(dataDir, false)) {
            assertThatThrownBy(() -> EmbeddedDatabase.start(dataDir, false))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use by another Youfu process")
                    .hasMessageContaining("YOUFU_DB_URL");
        }
    }

    @Test
    void anOrphanedServerFromAKilledProcessIsStoppedBeforeStarting() throws Exception {
        // A separate JVM starts the server and is killed with SIGKILL, as `kill -9` would.
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                OrphanMaker.class.getName(), dataDir.toString()).redirectErrorStream(true).start();
        try (var out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals(OrphanMaker.READY)) {
                // skip the child's log
            }
            assertThat(line).isEqualTo(OrphanMaker.READY);
            child.destroyForcibly().waitFor();
        }
        var pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).trim());
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).contains(true);
        try (var second = EmbeddedDatabase.start(dataDir, false);
             var c = DriverManager.getConnection(second.jdbcUrl()); var s = c.createStatement()) {
            assertThat(s.executeQuery("SELECT 1").next()).isTrue();
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        }
    }

    @Test
    void anEphemeralServerDeletesItsDirectoryOnClose() throws Exception {
        Path root;
        try (var db = EmbeddedDatabase.start(dataDir, true)) {
            root = db.root();
            assertThat(root).exists().isNotEqualTo(dataDir);
        }
        assertThat(root).doesNotExist();
    }
}

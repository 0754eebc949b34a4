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
                assertThat(setting(s, "data_checksums")).isEqualTo("on");
                assertThat(setting(s, "max_wal_size")).isEqualTo("4GB");
                assertThat(setting(s, "checkpoint_timeout")).isEqualTo("15min");
                assertThat(setting(s, "autovacuum_vacuum_cost_delay")).isEqualTo("10ms");
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

    private static String setting(java.sql.Statement s, String name) throws java.sql.SQLException {
        try (var rows = s.executeQuery("SHOW " + name)) {
            rows.next();
            return rows.getString(1);
        }
    }

    @Test
    void youfuReachesTheServerThroughAUnixDomainSocketAndOthersStillByTcp() throws Exception {
        Path sockets;
        try (var db = EmbeddedDatabase.start(dataDir, true)) {
            try (var c = DriverManager.getConnection(db.jdbcUrl()); var s = c.createStatement();
                 var rows = s.executeQuery(
                         "SELECT inet_server_addr() IS NULL, current_setting('unix_socket_directories')")) {
                rows.next();
                assertThat(rows.getBoolean(1)).as("connected without an IP address: a Unix-domain socket").isTrue();
                sockets = Path.of(rows.getString(2));
            }
            var tcp = "jdbc:postgresql://localhost:" + db.port() + "/" + EmbeddedDatabase.DATABASE + "?user="
                    + EmbeddedDatabase.USER;
            try (var c = DriverManager.getConnection(tcp); var s = c.createStatement();
                 var rows = s.executeQuery("SELECT inet_server_addr() IS NULL")) {
                rows.next();
                assertThat(rows.getBoolean(1)).as("a TCP connection has the server's address").isFalse();
            }
            assertThat(sockets).as("beside the data").isEqualTo(db.root().resolve("socket"));
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(sockets)))
                    .as("only this user may reach the socket (local connections are trusted)").isEqualTo("rwx------");
        }
        assertThat(sockets).as("the socket's directory is removed with the server").doesNotExist();
    }

    @Test
    void aSocketPathLongerThanMacOsAllowsIsNotUsed() {
        assertThat(EmbeddedDatabase.socketPathFits(Path.of("/tmp/youfu-pg-1234567890"))).isTrue();
        assertThat(EmbeddedDatabase.socketPathFits(Path.of("/tmp/" + "d".repeat(83)))).isTrue();
        assertThat(EmbeddedDatabase.socketPathFits(Path.of("/tmp/" + "d".repeat(84)))).isFalse();
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

package cn.youfu.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL server (zonky's real server binaries) with its data under {@code <data-dir>/postgres}.
 *
 * <p>Durable unless ephemeral: fsync and synchronous commit are on. One Youfu process owns a data directory at a
 * time (a file lock); a server left running by a process that was killed is stopped before the new one starts.
 * The server is stopped by {@link #close()}, called by Spring after the connection pool has closed, not by a JVM
 * shutdown hook.
 *
 * <p>Youfu talks to it through a Unix-domain socket where the platform has them: a query's round trip costs client
 * and server less CPU than over loopback TCP ({@code RoundTripBenchmark}), and a decision makes about a dozen.
 * Checkpoints and autovacuum are spread out more than PostgreSQL's defaults ({@link #BACKGROUND_WORK}).
 */
final class EmbeddedDatabase implements AutoCloseable {

    static final String DATABASE = "youfu";
    /** The superuser that owns the schema and runs the migrations. */
    static final String USER = "postgres";
    /**
     * The role the application connects as: it owns nothing, so it cannot alter a table or disable its triggers,
     * and it may only read and append to the append-only tables ({@link LeastPrivilege}).
     */
    static final String APPLICATION_ROLE = "youfu_app";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Path root;
    private final boolean ephemeral;
    /** The directory of the server's Unix-domain socket; null: TCP only. */
    private final Path sockets;

    /**
     * The server's background work, spread out so that it does not take the cores from the requests in bursts:
     * <ul>
     * <li>At most one checkpoint per 15 minutes or per 4 GB of WAL (PostgreSQL's defaults are 5 minutes and 1 GB,
     * which under a steady load of decisions begin one about every minute). After a checkpoint begins, the first
     * change to each page writes the whole page to the WAL again (with data checksums, PostgreSQL 18's default, so
     * does the first hint bit set), so fewer checkpoints mean much less WAL. The price: a longer recovery after a
     * crash, and up to 4 GB of WAL on disk.
     * <li>Autovacuum rests 10 ms (PostgreSQL's default: 2 ms) each time it has done its share of work. The tables the
     * decisions fill grow together and are vacuumed and analysed one after another; at the default pace that takes
     * a large share of a core for seconds at a time. It does the same work, over a longer time.
     * </ul>
     */
    static final Map<String, String> BACKGROUND_WORK = Map.of("max_wal_size", "4GB", "checkpoint_timeout", "15min",
            "autovacuum_vacuum_cost_delay", "10ms");

    private EmbeddedDatabase(EmbeddedPostgres postgres, FileChannel lockChannel, FileLock lock, Path root,
                             boolean ephemeral, Path sockets) {
        this.postgres = postgres;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.root = root;
        this.ephemeral = ephemeral;
        this.sockets = sockets;
    }

    static EmbeddedDatabase start(Path dataDir, boolean ephemeral) {
        try {
            Path root = ephemeral ? Files.createTempDirectory("youfu-db-") : dataDir.toAbsolutePath();
            Files.createDirectories(root);
            var channel = FileChannel.open(root.resolve("youfu.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameProcess) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("The data directory " + root + " is in use by another Youfu process. "
                        + "Stop it, choose another YOUFU_DATA_DIR, or run several instances on an external "
                        + "PostgreSQL (YOUFU_DB_URL).");
            }
            Path pgData = root.resolve("postgres");
            stopOrphanedServer(pgData);
            var builder = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200");
            BACKGROUND_WORK.forEach(builder::setServerConfig);
            var sockets = socketDirectory(root);
            if (sockets != null) {
                builder.setServerConfig("unix_socket_directories", sockets.toString());
            }
            if (!ephemeral) {
                // zonky turns durability off for speed; a data directory that must survive crashes needs it on.
                builder.setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on");
            }
            EmbeddedPostgres postgres;
            try {
                postgres = builder.start();
            } catch (IOException | RuntimeException e) {
                if (sockets != null) {
                    deleteTree(sockets);
                }
                throw e;
            }
            createDatabaseIfMissing(postgres);
            createApplicationRoleIfMissing(postgres);
            log.info("Embedded PostgreSQL is up on port {} with data in {}{}", postgres.getPort(), pgData,
                    sockets == null ? "" : ", reached through a Unix-domain socket in " + sockets);
            return new EmbeddedDatabase(postgres, channel, lock, root, ephemeral, sockets);
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL could not start in " + dataDir + ": "
                    + e.getMessage(), e);
        }
    }

    /** The owner's address: {@link #jdbcUrl(String)} as {@link #USER}. */
    String jdbcUrl() {
        return jdbcUrl(USER);
    }

    /**
     * The address for {@code user}: through the Unix-domain socket when there is one (pgjdbc's {@code socketFactory}),
     * else TCP to localhost.
     */
    String jdbcUrl(String user) {
        var tcp = postgres.getJdbcUrl(user, DATABASE);
        if (sockets == null) {
            return tcp;
        }
        var socket = sockets.resolve(".s.PGSQL." + postgres.getPort()).toString();
        return tcp + "&socketFactory=" + AFUNIXSocketFactory.FactoryArg.class.getName()
                + "&socketFactoryArg=" + URLEncoder.encode(socket, StandardCharsets.UTF_8);
    }

    int port() {
        return postgres.getPort();
    }

    /** The directory holding the lock file and {@code postgres/}. */
    Path root() {
        return root;
    }

    @Override
    public void close() throws IOException {
        try {
            postgres.close();
        } finally {
            lock.release();
            lockChannel.close();
            if (sockets != null) {
                deleteTree(sockets);
            }
            if (ephemeral) {
                deleteTree(root);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /**
     * The directory for the server's socket ({@code .s.PGSQL.<port>}, whose whole path must fit the 104 bytes macOS
     * allows; Linux allows 108), only its owner may enter: {@code <root>/socket}, or a new temporary directory when
     * that path is too long; null where Unix-domain sockets are not to be used: on Windows, where junixsocket cannot
     * load its native library, or when neither path fits.
     */
    static Path socketDirectory(Path root) throws IOException {
        if (System.getProperty("os.name", "").startsWith("Windows") || !AFUNIXSocket.isSupported()) {
            return null;
        }
        var inRoot = root.resolve("socket");
        if (socketPathFits(inRoot)) {
            Files.createDirectories(inRoot);
            Files.setPosixFilePermissions(inRoot, PosixFilePermissions.fromString("rwx------"));
            return inRoot;
        }
        var directory = Files.createTempDirectory("youfu-pg-");
        if (socketPathFits(directory)) {
            return directory;
        }
        Files.delete(directory);
        return null;
    }

    static boolean socketPathFits(Path directory) {
        return directory.resolve(".s.PGSQL.65535").toString().getBytes(StandardCharsets.UTF_8).length < 104;
    }


    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws IOException {
        try (var connection = postgres.getPostgresDatabase().getConnection();
             var exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            try (var rows = exists.executeQuery()) {
                if (!rows.next()) {
                    try (var create = connection.createStatement()) {
                        create.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' TEMPLATE template0");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IOException("cannot create the database " + DATABASE + ": " + e.getMessage(), e);
        }
    }

    private static void createApplicationRoleIfMissing(EmbeddedPostgres postgres) throws IOException {
        try (var connection = postgres.getDatabase(USER, DATABASE).getConnection();
             var create = connection.createStatement()) {
            create.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + APPLICATION_ROLE
                    + "') THEN CREATE ROLE " + APPLICATION_ROLE + " LOGIN; END IF; END $$");
        } catch (SQLException e) {
            throw new IOException("cannot create the role " + APPLICATION_ROLE + ": " + e.getMessage(), e);
        }
    }

    /**
     * After a {@code kill -9} of the JVM its PostgreSQL keeps running and holds {@code postmaster.pid}. We hold the
     * data directory's lock, so no live Youfu owns that server: stop it.
     */
    private static void stopOrphanedServer(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        var lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return;
        }
        var process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        if (process.isEmpty()) {
            return;
        }
        log.warn("Stopping an orphaned embedded PostgreSQL (pid {}) left by a previous run", pid);
        var handle = process.get();
        handle.destroy();
        try {
            handle.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            handle.destroyForcibly();
        }
    }
}

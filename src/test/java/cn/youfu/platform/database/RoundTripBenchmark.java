package cn.youfu.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import cn.youfu.BenchmarkCpu;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What one query's round trip to the embedded PostgreSQL costs over loopback TCP and over the Unix-domain socket
 * Youfu uses: wall time, the client thread's CPU and the server backend's CPU (from /proc) per prepared query
 * returning one short row, 40,000 queries per round, four rounds alternating. Why {@link EmbeddedDatabase} connects
 * through the socket. {@code mvn -B -q test -Pbenchmark -Dtest=RoundTripBenchmark}; results in docs/benchmarks.md.
 */
@Tag("benchmark")
class RoundTripBenchmark {

    static final int QUERIES = 40_000;

    @TempDir
    Path dataDir;

    @Test
    void tcpAgainstUnixDomainSocket() throws Exception {
        try (var db = EmbeddedDatabase.start(dataDir, true);
             var socket = DriverManager.getConnection(db.jdbcUrl());
             var tcp = DriverManager.getConnection("jdbc:postgresql://localhost:" + db.port() + "/"
                     + EmbeddedDatabase.DATABASE + "?user=" + EmbeddedDatabase.USER)) {
            assertThat(db.jdbcUrl()).as("this platform has Unix-domain sockets").contains("socketFactory=");
            System.out.printf("%n| connection | round | wall µs per query | client CPU µs | server CPU µs "
                    + "| CPU µs, both |%n|---|---:|---:|---:|---:|---:|%n");
            for (int round = 1; round <= 4; round++) {
                row("loopback TCP", round, tcp);
                row("Unix-domain socket", round, socket);
            }
            System.out.println();
        }
    }

    private static void row(String name, int round, Connection connection) throws Exception {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        int backend;
        try (var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT pg_backend_pid()")) {
            rows.next();
            backend = rows.getInt(1);
        }
        try (var query = connection.prepareStatement("SELECT ?::int + 1, repeat('x', 200)")) {
            double server = BenchmarkCpu.process(backend);
            long client = threads.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            for (int i = 0; i < QUERIES; i++) {
                query.setInt(1, i);
                try (var rows = query.executeQuery()) {
                    assertThat(rows.next()).isTrue();
                }
            }
            double wallMicros = (System.nanoTime() - wall) / 1e3 / QUERIES;
            double clientMicros = (threads.getCurrentThreadCpuTime() - client) / 1e3 / QUERIES;
            double serverMicros = (BenchmarkCpu.process(backend) - server) * 1e6 / QUERIES;
            System.out.printf("| %s | %d | %.1f | %.1f | %.1f | %.1f |%n", name, round, wallMicros, clientMicros,
                    serverMicros, clientMicros + serverMicros);
        }
    }

}

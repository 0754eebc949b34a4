package cn.youfu.audit;

import cn.youfu.BenchmarkCpu;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What a ledger entry's rules cost the database server per INSERT, as table CHECK constraints (PostgreSQL prepares
 * their expressions again for every statement) or as domains (prepared once per connection), against none: the
 * server backend's own CPU (from /proc) for 30,000 single-row inserts of an {@code audit.entry}-like row, three
 * rounds, on a throw-away embedded PostgreSQL. Why V20261206_2106 made them domains.
 * {@code mvn -B -q test -Pbenchmark -Dtest=LedgerRulesBenchmark}; results in docs/benchmarks.md.
 */
@Tag("benchmark")
class LedgerRulesBenchmark {

    static final int INSERTS = 30_000;

    @Test
    void checkConstraintsAgainstDomains() throws Exception {
        try (var postgres = EmbeddedPostgres.builder().start();
             var connection = postgres.getPostgresDatabase().getConnection()) {
            try (var statement = connection.createStatement()) {
                statement.execute("""
                        CREATE DOMAIN stream_key AS text CHECK (VALUE <> '');
                        CREATE DOMAIN sequence_number AS int CHECK (VALUE > 0);
                        CREATE DOMAIN sm3_hash AS bytea CHECK (length(VALUE) = 32);
                        CREATE TABLE plain (id bigserial PRIMARY KEY, stream text NOT NULL, seq int NOT NULL,
                            payload_hash bytea NOT NULL, prev_hash bytea NOT NULL, entry_hash bytea NOT NULL);
                        CREATE TABLE checked (id bigserial PRIMARY KEY, stream text NOT NULL CHECK (stream <> ''),
                            seq int NOT NULL CHECK (seq > 0),
                            payload_hash bytea NOT NULL CHECK (length(payload_hash) = 32),
                            prev_hash bytea NOT NULL CHECK (length(prev_hash) = 32),
                            entry_hash bytea NOT NULL CHECK (length(entry_hash) = 32));
                        CREATE TABLE domains (id bigserial PRIMARY KEY, stream stream_key NOT NULL,
                            seq sequence_number NOT NULL, payload_hash sm3_hash NOT NULL, prev_hash sm3_hash NOT NULL,
                            entry_hash sm3_hash NOT NULL);""");
            }
            int backend;
            try (var statement = connection.createStatement();
                 var rows = statement.executeQuery("SELECT pg_backend_pid()")) {
                rows.next();
                backend = rows.getInt(1);
            }
            System.out.printf("%n| rules | server CPU per insert, µs (rounds 1, 2, 3) |%n|---|---|%n");
            var results = new StringBuilder[] {new StringBuilder(), new StringBuilder(), new StringBuilder()};
            String[] tables = {"plain", "checked", "domains"};
            for (int round = 0; round < 3; round++) {
                for (int t = 0; t < tables.length; t++) {
                    results[t].append(round == 0 ? "" : ", ")
                            .append("%.1f".formatted(microsPerInsert(connection, backend, tables[t])));
                }
            }
            System.out.printf("| none | %s |%n| five CHECK constraints | %s |%n| the same as domains | %s |%n%n",
                    results[0], results[1], results[2]);
        }
    }

    private static double microsPerInsert(Connection connection, int backend, String table) throws Exception {
        byte[] hash = new byte[32];
        try (var insert = connection.prepareStatement("INSERT INTO " + table
                + " (stream, seq, payload_hash, prev_hash, entry_hash) VALUES (?, ?, ?, ?, ?)")) {
            double before = BenchmarkCpu.process(backend);
            for (int i = 0; i < INSERTS; i++) {
                insert.setString(1, "case/FZ-2026-" + i);
                insert.setInt(2, i + 1);
                insert.setBytes(3, hash);
                insert.setBytes(4, hash);
                insert.setBytes(5, hash);
                insert.executeUpdate();
            }
            return (BenchmarkCpu.process(backend) - before) * 1e6 / INSERTS;
        }
    }

}

package cn.youfu.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Copies of the checkpoints' heads kept outside the database the application writes: one line of JSON per
 * checkpoint, appended (and forced to disk) to {@code <anchor-dir>/checkpoints.jsonl} after it was sealed. Each line
 * carries the checkpoint's hash and SM2 signature, so it verifies on its own.
 *
 * <p>The database alone cannot show that its newest checkpoints were removed together with their entries, or that
 * the ledger was rewritten from some point on and sealed anew: what remains is a consistent, signed chain. The
 * anchors remember what was sealed: {@link LedgerVerifier} reports a checkpoint the anchors hold but the database
 * does not (truncated) or holds with another hash (forked). Anyone can keep such copies of the public head
 * ({@code GET /api/v1/audit/head}) in the same way, as Certificate Transparency's monitors do.
 */
final class CheckpointAnchors {

    static final String FILE = "checkpoints.jsonl";

    private static final Logger log = LoggerFactory.getLogger(CheckpointAnchors.class);

    /** A sealed checkpoint's head, as anchored and as published. Hashes and signature in hexadecimal. */
    record Anchor(long checkpointId, long lastEntryId, long entryCount, String checkpointHash, String keyId,
                  String signature, Instant sealedAt) {
    }

    private final Path file;
    private final JsonMapper json;

    CheckpointAnchors(Path directory, JsonMapper json) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the audit anchor directory " + directory, e);
        }
        this.file = directory.resolve(FILE);
        this.json = json;
    }

    Path file() {
        return file;
    }

    /**
     * Appends every checkpoint the database has beyond the last one anchored. Called after each seal and at start-up,
     * so that a write that failed once (the checkpoint committed, the file not written) is made up for. Several
     * instances may share the directory: the file is locked while it is appended to.
     */
    synchronized void anchorNew(JdbcClient jdbc) {
        try (var channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE); var lock = channel.lock()) {
            long last = read().stream().mapToLong(Anchor::checkpointId).max().orElse(0);
            var lines = new StringBuilder();
            for (var anchor : heads(jdbc, last)) {
                lines.append(json.writeValueAsString(anchor)).append('\n');
            }
            if (!lines.isEmpty()) {
                channel.write(ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8)), channel.size());
                channel.force(true);
            }
        } catch (IOException e) {
            log.error("Audit checkpoints could not be anchored in {}; the next seal tries again", file, e);
        }
    }

    /** Every anchored head, in the order written; empty when there is no file yet. */
    List<Anchor> read() {
        try {
            if (!Files.exists(file)) {
                return List.of();
            }
            var anchors = new ArrayList<Anchor>();
            for (var line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    anchors.add(json.readValue(line, Anchor.class));
                }
            }
            return anchors;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit anchors in " + file, e);
        }
    }

    private static final String HEADS = """
            SELECT id, last_entry_id, entry_count, checkpoint_hash, key_id, signature, sealed_at
            FROM audit.checkpoint""";

    /** The heads of the checkpoints after {@code afterId}, in order. */
    static List<Anchor> heads(JdbcClient jdbc, long afterId) {
        return jdbc.sql(HEADS + " WHERE id > ? ORDER BY id").param(afterId).query(CheckpointAnchors::anchor).list();
    }

    /** The head of checkpoint {@code id}, if there is one. */
    static java.util.Optional<Anchor> checkpoint(JdbcClient jdbc, long id) {
        return jdbc.sql(HEADS + " WHERE id = ?").param(id).query(CheckpointAnchors::anchor).optional();
    }

    /** The newest checkpoint's head; null when nothing has been sealed. */
    static Anchor head(JdbcClient jdbc) {
        return jdbc.sql(HEADS + " ORDER BY id DESC LIMIT 1").query(CheckpointAnchors::anchor).optional().orElse(null);
    }

    private static Anchor anchor(ResultSet rs, int row) throws SQLException {
        return new Anchor(rs.getLong(1), rs.getLong(2), rs.getLong(3), LedgerHashes.hex(rs.getBytes(4)),
                rs.getString(5), LedgerHashes.hex(rs.getBytes(6)),
                rs.getObject(7, OffsetDateTime.class).toInstant());
    }
}

package cn.youfu.notifications.internal;

import cn.youfu.platform.CommitBatch;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The message table. A message is kept as a kind and its parameters, and worded in the reader's language. */
@Repository
class Messages {

    record Message(long id, String recipient, String reference, String kind, Map<String, Object> params,
                   Instant at) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final CommitBatch<Object[]> added;

    Messages(JdbcClient jdbc, JdbcTemplate batches, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.added = new CommitBatch<>("messages", rows -> batches.batchUpdate("""
                INSERT INTO notifications.message (recipient, reference, kind, params, at)
                VALUES (?, ?, ?, CAST(? AS jsonb), ?)
                ON CONFLICT (recipient, reference, kind, at) DO NOTHING""", rows));
    }

    /**
     * Adds a message unless the same one (recipient, case, kind, moment) exists already. It is written with the
     * other messages of the transaction when it commits.
     */
    void add(String recipient, String reference, String kind, Instant at, Map<String, Object> params) {
        added.add(new Object[] {recipient, reference, kind, json.writeValueAsString(params), Timestamp.from(at)});
    }

    List<Message> forRecipients(List<String> recipients, int limit) {
        return jdbc.sql("""
                        SELECT id, recipient, reference, kind, params, at FROM notifications.message
                        WHERE recipient = ANY(?) ORDER BY at DESC, id DESC LIMIT ?""")
                .params(recipients.toArray(String[]::new), limit)
                .query((rs, n) -> new Message(rs.getLong("id"), rs.getString("recipient"), rs.getString("reference"),
                        rs.getString("kind"), json.readValue(rs.getString("params"),
                        new TypeReference<Map<String, Object>>() {
                        }), rs.getTimestamp("at").toInstant()))
                .list();
    }
}

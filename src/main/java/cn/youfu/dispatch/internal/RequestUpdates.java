package cn.youfu.dispatch.internal;

import cn.youfu.cases.CaseEvents.CaseTransitioned;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What happened to each event, for Open311's {@code servicerequestupdates}: every step of its case (the reply keeps
 * its text) and every note an Open311 client posted to a request it posted itself.
 */
@Repository
class RequestUpdates {

    /** The step of a client's note. */
    static final String CLIENT = "client";

    private final JdbcClient jdbc;

    RequestUpdates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An update: {@code step} is the case's transition or {@link #CLIENT}; {@code note} the reply or the note. */
    record Update(long id, String reference, Instant at, String step, String state, boolean closed, String note,
                  String client) {
    }

    /** A note as received: its id, and whether it is new (false: the client had posted it before). */
    record Received(long id, boolean created) {
    }

    /** Records a step of an event's case; a case without an event (opened through the case API) has none. */
    void step(CaseTransitioned transition) {
        jdbc.sql("""
                        INSERT INTO dispatch.request_update (reference, at, step, state, closed, note)
                        SELECT :reference, :at, :step, :state, :closed, :note
                        WHERE EXISTS (SELECT 1 FROM dispatch.event WHERE reference = :reference)""")
                .param("reference", transition.reference()).param("at", Timestamp.from(transition.at()))
                .param("step", transition.transition()).param("state", transition.to())
                .param("closed", transition.closed())
                .param("note", "reply".equals(transition.transition()) ? transition.comment() : null)
                .update();
    }

    /** Records a client's note once per client's id ({@code clientUpdateId} null: every time). */
    Received fromClient(String reference, String state, boolean closed, String client, String clientUpdateId,
                        String clientStatus, String note, Instant at) {
        var inserted = jdbc.sql("""
                        INSERT INTO dispatch.request_update (reference, at, step, state, closed, note, client,
                          client_update_id, client_status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (client, reference, client_update_id) DO NOTHING RETURNING id""")
                .params(reference, Timestamp.from(at), CLIENT, state, closed, note, client, clientUpdateId,
                        clientStatus)
                .query(Long.class).optional();
        if (inserted.isPresent()) {
            return new Received(inserted.get(), true);
        }
        return new Received(jdbc.sql("""
                        SELECT id FROM dispatch.request_update
                        WHERE client = ? AND reference = ? AND client_update_id = ?""")
                .params(client, reference, clientUpdateId).query(Long.class).single(), false);
    }

    /**
     * Updates between {@code from} and {@code to} (inclusive) of events the public may see (see
     * {@link PublicRequests#published}), oldest first, at most {@code limit}.
     */
    List<Update> published(Instant from, Instant to, int limit) {
        return jdbc.sql("SELECT u.* FROM dispatch.request_update u JOIN dispatch.event e ON e.reference = u.reference"
                        + " WHERE u.at >= ? AND u.at <= ? AND " + PublicRequests.published("e")
                        + " ORDER BY u.at, u.id LIMIT ?")
                .params(Timestamp.from(from), Timestamp.from(to), limit).query(RequestUpdates::map).list();
    }

    private static Update map(ResultSet rs, int row) throws SQLException {
        return new Update(rs.getLong("id"), rs.getString("reference"), rs.getTimestamp("at").toInstant(),
                rs.getString("step"), rs.getString("state"), rs.getBoolean("closed"), rs.getString("note"),
                rs.getString("client"));
    }
}

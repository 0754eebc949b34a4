package cn.youfu.dispatch.internal;

import cn.youfu.dispatch.internal.CitizenEvent.CoHandler;
import cn.youfu.dispatch.internal.CitizenEvent.Rating;
import cn.youfu.dispatch.internal.CitizenEvent.Report;
import cn.youfu.dispatch.internal.CitizenEvent.Suggestion;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The events table. Updates are optimistic: a write based on a stale read changes nothing and says so. Reporters'
 * contact details are SM4-encrypted on the way in and decrypted on the way out ({@link ContactCipher}); the
 * database never holds them in plain text.
 */
@Repository
class CitizenEvents {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ContactCipher contacts;

    CitizenEvents(JdbcClient jdbc, JsonMapper json, ContactCipher contacts) {
        this.jdbc = jdbc;
        this.json = json;
        this.contacts = contacts;
    }

    Optional<CitizenEvent> find(String reference) {
        return jdbc.sql("SELECT * FROM dispatch.event WHERE reference = ?").param(reference).query(this::map)
                .optional();
    }

    Optional<CitizenEvent> findByToken(String token) {
        return jdbc.sql("SELECT * FROM dispatch.event WHERE token = ?").param(token).query(this::map).optional();
    }

    /** Open events of a topic created since {@code since} that have a location: candidates for "the same problem". */
    List<CitizenEvent> openWithLocation(String topic, Instant since) {
        return jdbc.sql("""
                        SELECT * FROM dispatch.event WHERE topic = ? AND created_at >= ? AND latitude IS NOT NULL
                          AND state NOT IN ('closed', 'merged') ORDER BY created_at DESC LIMIT 500""")
                .param(topic).param(Timestamp.from(since)).query(this::map).list();
    }

    /** A page of events matching the filter, newest first. */
    List<CitizenEvent> search(Filter filter) {
        var where = new ArrayList<String>();
        var params = new HashMap<String, Object>();
        if (filter.references() != null) {
            where.add("reference = ANY(:references)");
            params.put("references", filter.references().toArray(String[]::new));
        }
        if (filter.topics() != null) {
            where.add("topic = ANY(:topics)");
            params.put("topics", filter.topics().toArray(String[]::new));
        }
        if (filter.states() != null) {
            where.add("state = ANY(:states)");
            params.put("states", filter.states().toArray(String[]::new));
        }
        if (filter.department() != null) {
            where.add("(department = :department OR co_handlers @> CAST(:coHandler AS jsonb))");
            params.put("department", filter.department());
            params.put("coHandler", json.writeValueAsString(List.of(Map.of("department", filter.department()))));
        }
        if (filter.from() != null) {
            where.add("created_at >= :from");
            params.put("from", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            where.add("created_at <= :to");
            params.put("to", Timestamp.from(filter.to()));
        }
        if (filter.publishedOnly()) {
            where.add(PublicRequests.published("event"));
        }
        params.put("limit", filter.limit());
        var sql = "SELECT * FROM dispatch.event" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY created_at DESC LIMIT :limit";
        return jdbc.sql(sql).params(params).query(this::map).list();
    }

    /** Null members do not filter; {@code publishedOnly} keeps the events the public may see. */
    record Filter(List<String> references, List<String> topics, List<String> states, String department,
                  Instant from, Instant to, int limit, boolean publishedOnly) {

        Filter(List<String> references, List<String> topics, List<String> states, String department, Instant from,
               Instant to, int limit) {
            this(references, topics, states, department, from, to, limit, false);
        }
    }

    void insert(CitizenEvent e) {
        jdbc.sql("""
                        INSERT INTO dispatch.event (reference, token, channel, kind, description, photos, address,
                          latitude, longitude, district, grid, contact_name, contact_phone, contact_email, anonymous,
                          reporter, api_client, state, created_at, updated_at)
                        VALUES (:reference, :token, :channel, :kind, :description, CAST(:photos AS jsonb), :address,
                          :latitude, :longitude, :district, :grid, :contactName, :contactPhone, :contactEmail,
                          :anonymous, :reporter, :apiClient, :state, :createdAt, :createdAt)""")
                .param("reference", e.reference).param("token", e.token)
                .param("channel", e.report.channel().code()).param("kind", e.report.kind().code())
                .param("description", e.report.description()).param("photos", json.writeValueAsString(e.report.photos()))
                .param("address", e.report.address())
                .param("latitude", e.report.location() == null ? null : e.report.location().latitude())
                .param("longitude", e.report.location() == null ? null : e.report.location().longitude())
                .param("district", e.report.district()).param("grid", e.report.grid())
                .param("contactName", contacts.encrypt("contact_name", e.report.contactName()))
                .param("contactPhone", contacts.encrypt("contact_phone", e.report.contactPhone()))
                .param("contactEmail", contacts.encrypt("contact_email", e.report.contactEmail()))
                .param("anonymous", e.report.anonymous())
                .param("reporter", e.report.reporter()).param("apiClient", e.report.apiClient())
                .param("state", e.state).param("createdAt", Timestamp.from(e.createdAt))
                .update();
    }

    /** Writes the event if nobody changed it since it was read; false when somebody did. */
    boolean update(CitizenEvent e, Instant now) {
        return jdbc.sql("""
                        UPDATE dispatch.event SET topic = :topic, department = :department,
                          co_handlers = CAST(:coHandlers AS jsonb), confidence = :confidence,
                          terms = CAST(:terms AS jsonb), suggestions = CAST(:suggestions AS jsonb),
                          duplicates = CAST(:duplicates AS jsonb), state = :state, merged_into = :mergedInto,
                          handler = :handler, response_due = :responseDue, handling_due = :handlingDue,
                          dispatched_at = :dispatchedAt, accepted_at = :acceptedAt, replied_at = :repliedAt,
                          reply = :reply, closed_at = :closedAt, rating = :rating, rating_comment = :ratingComment,
                          reopened = :reopened, returned = :returned, updated_at = :now, version = version + 1
                        WHERE reference = :reference AND version = :version""")
                .param("topic", e.topic).param("department", e.department)
                .param("coHandlers", json.writeValueAsString(e.coHandlers)).param("confidence", e.confidence)
                .param("terms", json.writeValueAsString(e.terms))
                .param("suggestions", json.writeValueAsString(e.suggestions))
                .param("duplicates", json.writeValueAsString(e.duplicates)).param("state", e.state)
                .param("mergedInto", e.mergedInto).param("handler", e.handler)
                .param("responseDue", e.responseDue).param("handlingDue", e.handlingDue)
                .param("dispatchedAt", ts(e.dispatchedAt)).param("acceptedAt", ts(e.acceptedAt))
                .param("repliedAt", ts(e.repliedAt)).param("reply", e.reply).param("closedAt", ts(e.closedAt))
                .param("rating", e.rating == null ? null : e.rating.name()).param("ratingComment", e.ratingComment)
                .param("reopened", e.reopened).param("returned", e.returned).param("now", Timestamp.from(now))
                .param("reference", e.reference).param("version", e.version)
                .update() == 1;
    }

    /** The case's clock fired: recorded for the supervisor's figures. */
    void markAlert(String reference, boolean escalated, boolean overdue) {
        jdbc.sql("""
                        UPDATE dispatch.event SET escalated = escalated OR :escalated, overdue = overdue OR :overdue
                        WHERE reference = :reference""")
                .param("escalated", escalated).param("overdue", overdue).param("reference", reference).update();
    }

    /** The case moved by another way than this module (e.g. the case API): the mirror follows. */
    void mirrorState(String reference, String state) {
        jdbc.sql("UPDATE dispatch.event SET state = ? WHERE reference = ? AND state <> ?")
                .param(state).param(reference).param(state).update();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    private static Double decimal(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private <T> T read(ResultSet rs, String column, TypeReference<T> type) throws SQLException {
        return json.readValue(rs.getString(column), type);
    }

    private CitizenEvent map(ResultSet rs, int row) throws SQLException {
        var lat = decimal(rs, "latitude");
        var lon = decimal(rs, "longitude");
        var report = new Report(Channel.valueOf(rs.getString("channel").toUpperCase(java.util.Locale.ROOT)),
                Kind.valueOf(rs.getString("kind").toUpperCase(java.util.Locale.ROOT)), rs.getString("description"),
                read(rs, "photos", new TypeReference<List<String>>() { }), rs.getString("address"),
                lat == null || lon == null ? null : new Location(lat, lon), rs.getString("district"),
                rs.getString("grid"), contacts.decrypt("contact_name", rs.getString("contact_name")),
                contacts.decrypt("contact_phone", rs.getString("contact_phone")),
                contacts.decrypt("contact_email", rs.getString("contact_email")), rs.getBoolean("anonymous"),
                rs.getString("reporter"),
                rs.getString("api_client"));
        var e = new CitizenEvent(rs.getString("reference"), rs.getString("token"), report,
                instant(rs, "created_at"), rs.getString("state"));
        e.topic = rs.getString("topic");
        e.department = rs.getString("department");
        e.coHandlers = new ArrayList<>(read(rs, "co_handlers", new TypeReference<List<CoHandler>>() { }));
        e.confidence = decimal(rs, "confidence");
        e.terms = read(rs, "terms", new TypeReference<List<String>>() { });
        e.suggestions = read(rs, "suggestions", new TypeReference<List<Suggestion>>() { });
        e.duplicates = read(rs, "duplicates", new TypeReference<List<String>>() { });
        e.mergedInto = rs.getString("merged_into");
        e.handler = rs.getString("handler");
        e.responseDue = rs.getObject("response_due", LocalDate.class);
        e.handlingDue = rs.getObject("handling_due", LocalDate.class);
        e.dispatchedAt = instant(rs, "dispatched_at");
        e.acceptedAt = instant(rs, "accepted_at");
        e.repliedAt = instant(rs, "replied_at");
        e.reply = rs.getString("reply");
        e.closedAt = instant(rs, "closed_at");
        var rating = rs.getString("rating");
        e.rating = rating == null ? null : Rating.valueOf(rating);
        e.ratingComment = rs.getString("rating_comment");
        e.reopened = rs.getInt("reopened");
        e.returned = rs.getInt("returned");
        e.escalated = rs.getBoolean("escalated");
        e.overdue = rs.getBoolean("overdue");
        e.version = rs.getLong("version");
        return e;
    }
}

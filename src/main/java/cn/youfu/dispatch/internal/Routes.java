package cn.youfu.dispatch.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * The routing table: which department handles each first-level topic. Administrators edit it; on the first start it
 * is seeded from {@code dispatch/routing.csv} (topics it lacks are added on later starts, edits are never undone).
 */
@Repository
class Routes {

    static final String SEED = "/dispatch/routing.csv";

    record Route(String topic, String department, Instant updatedAt, String updatedBy) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    Routes(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    void seed() {
        try (InputStream in = Routes.class.getResourceAsStream(SEED);
             MappingIterator<Map<String, String>> rows = new CsvMapper().readerFor(Map.class)
                     .with(CsvSchema.emptySchema().withHeader()).readValues(in)) {
            rows.forEachRemaining(row -> jdbc.sql("""
                            INSERT INTO dispatch.route (topic, department, updated_at, updated_by)
                            VALUES (?, ?, ?, 'seed') ON CONFLICT (topic) DO NOTHING""")
                    .param(row.get("topic")).param(row.get("department")).param(Timestamp.from(clock.instant()))
                    .update());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Route> all() {
        return jdbc.sql("SELECT * FROM dispatch.route ORDER BY topic").query(this::map).list();
    }

    Optional<String> department(String topic) {
        return jdbc.sql("SELECT department FROM dispatch.route WHERE topic = ?").param(topic).query(String.class)
                .optional();
    }

    Route put(String topic, String department, String by) {
        jdbc.sql("""
                        INSERT INTO dispatch.route (topic, department, updated_at, updated_by) VALUES (?, ?, ?, ?)
                        ON CONFLICT (topic) DO UPDATE SET department = EXCLUDED.department,
                          updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by""")
                .param(topic).param(department).param(Timestamp.from(clock.instant())).param(by).update();
        return jdbc.sql("SELECT * FROM dispatch.route WHERE topic = ?").param(topic).query(this::map).single();
    }

    private Route map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Route(rs.getString("topic"), rs.getString("department"),
                rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }
}

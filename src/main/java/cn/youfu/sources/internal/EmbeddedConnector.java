package cn.youfu.sources.internal;

import cn.youfu.sources.SourceAnswer;
import cn.youfu.sources.SourceAnswers;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A source kept in Youfu's own database (schema {@code sources}): each lookup is one query that returns the
 * row(s) as JSON, read with the same mapper as the HTTP connector's answers.
 */
final class EmbeddedConnector<T> implements SourceConnector<T> {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedConnector.class);

    private final SourceDefinition<T> definition;
    private final JdbcClient jdbc;
    private final SourceAnswers answers;
    private final String sql;

    EmbeddedConnector(SourceDefinition<T> definition, JdbcClient jdbc, SourceAnswers answers) {
        this.definition = definition;
        this.jdbc = jdbc;
        this.answers = answers;
        String where = " FROM " + definition.qualifiedTable() + " t WHERE " + definition.lookup() + " = ?";
        this.sql = definition.list()
                ? "SELECT json_agg(t ORDER BY " + String.join(", ", definition.key()) + ")::text" + where
                : "SELECT row_to_json(t)::text" + where;
    }

    @Override
    public SourceAnswer<T> fetch(String key) {
        String json;
        try {
            json = jdbc.sql(sql).param(key).query(String.class).optional().orElse(null);
        } catch (DataAccessException e) {
            log.warn("Embedded source {} could not be read", definition.name(), e);
            return answers.unavailable(definition.name(), key, "the embedded database did not answer");
        }
        if (json == null) {
            return answers.notFound(definition.name(), key);
        }
        T value = SourceJson.MAPPER.readValue(json, definition.type());
        if (value instanceof List<?> list && list.isEmpty()) {
            return answers.notFound(definition.name(), key);
        }
        return answers.found(definition.name(), key, value);
    }

    @Override
    public String mode() {
        return "embedded";
    }
}

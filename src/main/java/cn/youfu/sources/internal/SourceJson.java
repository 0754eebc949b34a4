package cn.youfu.sources.internal;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of the sources: snake_case names (the column names), ISO dates, unknown fields ignored when reading (a
 * platform may send more than we use), and on writing every object's keys sorted — the canonical form that
 * {@link cn.youfu.sources.SourceAnswer#sm3()} hashes.
 */
final class SourceJson {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private SourceJson() {
    }

    static JavaType one(Class<?> type) {
        return MAPPER.constructType(type);
    }

    static JavaType listOf(Class<?> type) {
        return MAPPER.getTypeFactory().constructCollectionType(java.util.List.class, type);
    }
}

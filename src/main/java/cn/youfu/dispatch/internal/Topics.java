package cn.youfu.dispatch.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * The city's topic taxonomy ({@code dispatch/taxonomy.csv}: 15 first-level topics, their second- and third-level
 * ones) and the Open311 service of each first-level topic ({@code dispatch/services.csv}: code, topic, English name).
 */
final class Topics {

    /** A first-level topic as an Open311 service. */
    record Service(String code, String topic, String nameEn, List<String> subtopics) {
    }

    private final Map<String, Service> byTopic;

    private Topics(Map<String, Service> byTopic) {
        this.byTopic = byTopic;
    }

    static Topics load() {
        var subtopics = new LinkedHashMap<String, List<String>>();
        read("/dispatch/taxonomy.csv", row -> {
            var list = subtopics.computeIfAbsent(row.get("level1"), t -> new ArrayList<>());
            if (!list.contains(row.get("level2"))) {
                list.add(row.get("level2"));
            }
        });
        var services = new LinkedHashMap<String, Service>();
        read("/dispatch/services.csv", row -> {
            var topic = row.get("topic");
            if (!subtopics.containsKey(topic)) {
                throw new IllegalStateException("dispatch/services.csv names a topic not in the taxonomy: " + topic);
            }
            services.put(topic, new Service(row.get("code"), topic, row.get("name_en"),
                    List.copyOf(subtopics.get(topic))));
        });
        if (!services.keySet().equals(subtopics.keySet())) {
            throw new IllegalStateException("dispatch/services.csv must give every first-level topic a code");
        }
        return new Topics(services);
    }

    private static void read(String location, java.util.function.Consumer<Map<String, String>> row) {
        try (InputStream in = Topics.class.getResourceAsStream(location)) {
            if (in == null) {
                throw new IllegalStateException(location + " is missing");
            }
            try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerFor(Map.class)
                    .with(CsvSchema.emptySchema().withHeader()).readValues(in)) {
                rows.forEachRemaining(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Service> services() {
        return List.copyOf(byTopic.values());
    }

    boolean exists(String topic) {
        return topic != null && byTopic.containsKey(topic);
    }

    Optional<Service> ofTopic(String topic) {
        return Optional.ofNullable(topic == null ? null : byTopic.get(topic));
    }

    Optional<Service> ofCode(String code) {
        return byTopic.values().stream().filter(s -> s.code().equals(code)).findFirst();
    }
}

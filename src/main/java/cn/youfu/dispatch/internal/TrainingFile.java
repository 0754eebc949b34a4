package cn.youfu.dispatch.internal;

import cn.youfu.dispatch.internal.TopicClassifier.Example;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * The shipped labelled messages ({@code src/main/resources/dispatch/labelled-train.csv}: id, subject, received, body,
 * category; see the README beside it). A message's text is its subject and its body.
 */
final class TrainingFile {

    static final String LOCATION = "/dispatch/labelled-train.csv";

    private TrainingFile() {
    }

    /**
     * The taxonomy's second- and third-level topic names as short examples of their first-level topic, for the
     * topics that have messages: the city's own words for what each topic covers.
     */
    static List<Example> taxonomy(java.util.Set<String> topics) {
        var examples = new ArrayList<Example>();
        try (InputStream in = TrainingFile.class.getResourceAsStream("/dispatch/taxonomy.csv");
             MappingIterator<Map<String, String>> rows = new CsvMapper().readerFor(Map.class)
                     .with(CsvSchema.emptySchema().withHeader()).readValues(in)) {
            rows.forEachRemaining(row -> {
                if (topics.contains(row.get("level1"))) {
                    examples.add(new Example(row.get("level2") + "，" + row.get("level3"), "", row.get("level1")));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(examples);
    }

    static List<Example> examples() {
        var csv = new CsvMapper();
        var examples = new ArrayList<Example>();
        try (InputStream in = TrainingFile.class.getResourceAsStream(LOCATION)) {
            if (in == null) {
                throw new IllegalStateException("training file " + LOCATION + " is missing");
            }
            try (MappingIterator<Map<String, String>> rows = csv.readerFor(Map.class)
                    .with(CsvSchema.emptySchema().withHeader()).readValues(in)) {
                rows.forEachRemaining(row -> examples.add(
                        new Example(row.get("subject"), row.get("body"), row.get("category"))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(examples);
    }
}

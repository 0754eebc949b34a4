package cn.youfu.platform.definitions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML node of a definition file (case types, service items) that remembers its file and line, so that an error
 * names both. Reads strictly: unknown keys, wrong kinds and missing required keys are errors, not silently ignored.
 */
public final class YamlTree {

    private final String file;
    private final Node node;

    /** Parses a whole file; YAML syntax errors become {@link DefinitionException}s with their line. */
    public static YamlTree parse(String file, java.io.Reader reader) {
        try {
            var node = new org.yaml.snakeyaml.Yaml(new org.yaml.snakeyaml.LoaderOptions()).compose(reader);
            if (node == null) {
                throw new DefinitionException(file, 1, "the file is empty");
            }
            return new YamlTree(file, node);
        } catch (org.yaml.snakeyaml.error.MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            throw new DefinitionException(file, line, "not valid YAML: " + e.getProblem());
        }
    }

    /** A text in Chinese ({@code zh}, required) and English ({@code en}, optional) from this mapping's keys. */
    public cn.youfu.platform.LocalizedText localized() {
        return new cn.youfu.platform.LocalizedText(text("zh"), optional("en").map(YamlTree::text).orElse(null));
    }

    /** An optional text value. */
    public String textOr(String key, String otherwise) {
        return optional(key).map(YamlTree::text).orElse(otherwise);
    }

    public YamlTree(String file, Node node) {
        this.file = file;
        this.node = node;
    }

    public int line() {
        return node.getStartMark().getLine() + 1;
    }

    public DefinitionException error(String problem) {
        return new DefinitionException(file, line(), problem);
    }

    /** The entries of a mapping, in file order. */
    public Map<String, YamlTree> entries() {
        if (!(node instanceof MappingNode mapping)) {
            throw error("expected a mapping (key: value)");
        }
        var entries = new LinkedHashMap<String, YamlTree>();
        for (var tuple : mapping.getValue()) {
            var key = new YamlTree(file, tuple.getKeyNode()).text();
            if (entries.put(key, new YamlTree(file, tuple.getValueNode())) != null) {
                throw new YamlTree(file, tuple.getKeyNode()).error("duplicate key '" + key + "'");
            }
        }
        return entries;
    }

    /** Refuses keys outside {@code allowed}: a misspelt key is an error, not a silently missing rule. */
    public YamlTree allowOnly(Set<String> allowed) {
        entries().forEach((key, value) -> {
            if (!allowed.contains(key)) {
                throw value.error("unknown key '" + key + "' (allowed: " + String.join(", ", allowed) + ")");
            }
        });
        return this;
    }

    public YamlTree get(String key) {
        return optional(key).orElseThrow(() -> error("missing required key '" + key + "'"));
    }

    public Optional<YamlTree> optional(String key) {
        return Optional.ofNullable(entries().get(key));
    }

    public String text() {
        if (!(node instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
            throw error("expected a non-empty text value");
        }
        return scalar.getValue().trim();
    }

    public String text(String key) {
        return get(key).text();
    }

    public int integer(String key, int min, int max) {
        var value = get(key);
        try {
            int n = Integer.parseInt(value.text());
            if (n < min || n > max) {
                throw value.error("'" + key + "' must be between " + min + " and " + max + ", got " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw value.error("'" + key + "' must be a whole number, got '" + value.text() + "'");
        }
    }

    public boolean flag(String key, boolean otherwise) {
        return optional(key).map(v -> switch (v.text()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw v.error("'" + key + "' must be true or false, got '" + v.text() + "'");
        }).orElse(otherwise);
    }

    /** A sequence of nodes; a single scalar counts as a one-element list. */
    public List<YamlTree> items() {
        if (node instanceof ScalarNode) {
            return List.of(this);
        }
        if (!(node instanceof SequenceNode sequence)) {
            throw error("expected a list");
        }
        var items = new ArrayList<YamlTree>();
        sequence.getValue().forEach(n -> items.add(new YamlTree(file, n)));
        return items;
    }

    public List<String> texts(String key) {
        return optional(key).map(v -> v.items().stream().map(YamlTree::text).toList()).orElse(List.of());
    }
}

package cn.youfu.materials.internal;

import java.awt.Rectangle;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fields read from one page, before they are mapped back onto the uploaded image.
 *
 * @param fields by field name, in the material's order; a field not found is absent
 * @param labels how many of the material's printed labels were found: a reading that finds few is upside down or
 *               not this material
 */
record Extraction(Map<String, Field> fields, int labels) {

    /** @param region in the pixels of the page read (the upright, deskewed image); null when unknown */
    record Field(String value, double confidence, boolean valid, boolean repaired, Rectangle region) {

        Field withConfidence(double c) {
            return new Field(value, c, valid, repaired, region);
        }

        Field invalid() {
            return new Field(value, confidence, false, repaired, region);
        }
    }

    /** How good the reading is, to choose between readings of the same image turned differently. */
    double score() {
        double score = labels;
        for (var field : fields.values()) {
            score += field.valid() ? 1 + field.confidence() : field.confidence() / 2;
        }
        return score;
    }

    /**
     * This reading and {@code other}, a reading of the same page (same geometry) prepared differently, field by
     * field: of two values of a field the valid one; of two valid ones the more confident, but when they differ at
     * most {@link #DISPUTED} sure (the readings disagree). The labels counted are the larger of the two counts.
     */
    Extraction combinedWith(Extraction other) {
        var combined = new LinkedHashMap<>(fields);
        other.fields.forEach((name, field) -> combined.merge(name, field, Extraction::better));
        return new Extraction(combined, Math.max(labels, other.labels));
    }

    /** How sure a value can be that another reading of the same page disputes. */
    static final double DISPUTED = 0.8;

    private static Field better(Field a, Field b) {
        if (a.valid() != b.valid()) {
            return a.valid() ? a : b;
        }
        var chosen = b.confidence() > a.confidence() ? b : a;
        return a.value().equals(b.value()) ? chosen
                : chosen.withConfidence(Math.min(DISPUTED, chosen.confidence()));
    }

    /** Puts a field that was found and has a value; ignores null and empty ones. */
    static void put(Map<String, Field> fields, String name, Field field) {
        if (field != null && field.value() != null && !field.value().isEmpty()) {
            fields.put(name, field);
        }
    }

    /** Collects the fields found by their labels, counting the labels found. */
    static final class Builder {
        private final LabelledLines lines;
        private final Map<String, Field> fields = new LinkedHashMap<>();
        private int labels;

        Builder(LabelledLines lines) {
            this.lines = lines;
        }

        /** Finds one of {@code labels}; when found, counts it and puts what {@code read} makes of it. */
        java.util.Optional<LabelledLines.Found> read(String field, java.util.function.Function<LabelledLines.Found,
                Field> read, String... labels) {
            var found = lines.find(0, labels);
            found.ifPresent(f -> {
                this.labels++;
                put(field, read.apply(f));
            });
            return found;
        }

        /** The resident ID number found so far, if it is valid; else null. */
        cn.youfu.platform.ResidentId resident() {
            var id = fields.get("id_number");
            return id != null && id.valid() ? cn.youfu.platform.ResidentId.of(id.value()) : null;
        }

        void put(String field, Field value) {
            Extraction.put(fields, field, value);
        }

        Extraction build() {
            return of(fields, labels);
        }
    }

    static Extraction of(Map<String, Field> fields, int labels) {
        return new Extraction(new LinkedHashMap<>(fields), labels);
    }
}

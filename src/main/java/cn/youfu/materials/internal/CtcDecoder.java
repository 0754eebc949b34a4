package cn.youfu.materials.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Greedy CTC decoding of PaddleOCR's recogniser output: at each time step the most probable class; repeats of a
 * class collapse into one character, class 0 is the blank that separates them. Each character keeps its probability
 * (the highest of its steps) and the steps it spans, which place it along the line. A filter restricts the classes
 * considered to a set of characters (an identifier's alphabet), so a second reading of a region cannot read what
 * the field cannot hold. Pure and thread-safe.
 */
final class CtcDecoder {

    /** A character read (a glyph): its text, probability 0–1 and the time steps {@code [first, last]} it was read at. */
    record Glyph(String text, double probability, int first, int last) {
    }

    private final List<String> classes;

    /** @param classes the text of each class, index 0 the blank (its text ignored) */
    CtcDecoder(List<String> classes) {
        this.classes = List.copyOf(classes);
    }

    int size() {
        return classes.size();
    }

    /**
     * @param probabilities {@code steps × size()} probabilities, step by step
     * @param allowed       the classes that may be read (by index, blank always), or null for all
     */
    List<Glyph> decode(float[] probabilities, int steps, IntPredicate allowed) {
        int n = classes.size();
        var out = new ArrayList<Glyph>();
        int previous = 0;
        for (int t = 0; t < steps; t++) {
            int best = 0;
            float bestP = probabilities[t * n];
            for (int c = 1; c < n; c++) {
                float v = probabilities[t * n + c];
                if (v > bestP && (allowed == null || allowed.test(c))) {
                    best = c;
                    bestP = v;
                }
            }
            if (best != 0 && best == previous && !out.isEmpty()) {
                var last = out.get(out.size() - 1);
                out.set(out.size() - 1, new Glyph(last.text(), Math.max(last.probability(), bestP), last.first(), t));
            } else if (best != 0) {
                out.add(new Glyph(classes.get(best), bestP, t, t));
            }
            previous = best;
        }
        return out;
    }

    /** The classes whose text is one of the characters of {@code chars}. */
    IntPredicate only(String chars) {
        var allowed = new boolean[classes.size()];
        for (int c = 1; c < classes.size(); c++) {
            allowed[c] = classes.get(c).length() == 1 && chars.indexOf(classes.get(c).charAt(0)) >= 0;
        }
        return c -> allowed[c];
    }

    /** The classes whose text is none of the characters of {@code chars}. */
    IntPredicate except(String chars) {
        var only = only(chars);
        return c -> !only.test(c);
    }
}

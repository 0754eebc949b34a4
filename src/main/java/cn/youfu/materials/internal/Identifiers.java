package cn.youfu.materials.internal;

import cn.youfu.materials.internal.CheckCharacterRepair.Repaired;
import cn.youfu.materials.internal.Extraction.Field;
import java.awt.Rectangle;
import java.util.function.Function;

/**
 * Reads an 18-character identifier (resident ID number, credit code) from the text after its label, reads its region
 * a second time with only the identifier's characters allowed, and combines the two: two readings that agree and pass
 * the check character are sure (0.99); a repaired value keeps at most 0.9 of its confidence when only letters were
 * put right, and at most 0.6 when a digit had to be guessed from the check character.
 */
final class Identifiers {

    static final String DIGITS = "0123456789X";

    /** The fewest characters read of an identifier (of 18) that its second reading is cropped around. */
    private static final int SHORT_RUN = 12;

    private Identifiers() {
    }

    static Field read(LabelledLines lines, int line, int from, String alphabet, Function<String, Repaired> repair,
                      MaterialExtractor.Reread reread) {
        var l = lines.lines().get(line);
        var text = l.text();
        var located = CheckCharacterRepair.locate(text.substring(Math.min(from, text.length())), alphabet, repair);
        Field first = null;
        Rectangle region = l.region(from, text.length());
        if (located.isPresent()) {
            int start = from + located.get().start();
            first = field(located.get().value(), l.confidence(start, start + 18), l.region(start, start + 18));
            region = first.region();
        } else {
            // read short, a character lost (a J's hook): the run read, and three characters' width more on the
            // right, rather than the rest of the line (on today's licence the title and QR code)
            var run = CheckCharacterRepair.longestRun(text.substring(Math.min(from, text.length())), alphabet,
                    SHORT_RUN);
            if (run.isPresent()) {
                var box = l.region(from + run.get()[0], from + run.get()[1]);
                int length = run.get()[1] - run.get()[0];
                region = new Rectangle(box.x, box.y, box.width + 3 * box.width / length, box.height);
            }
        }
        if (first != null && first.valid() && !first.repaired() && first.confidence() >= 0.9) {
            return first;
        }
        if (region == null) {
            return first;
        }
        var pad = region.height / 3;
        var second = reread.line(new Rectangle(region.x - pad, region.y - pad, region.width + 2 * pad,
                region.height + 2 * pad), alphabet);
        Field again = null;
        if (second != null) {
            var againText = second.text();
            var againLocated = CheckCharacterRepair.locate(againText, alphabet, repair);
            if (againLocated.isPresent()) {
                int s = againLocated.get().start();
                again = field(againLocated.get().value(), second.confidence(s, s + 18), region);
            }
        }
        if (first == null) {
            return again;
        }
        if (again == null) {
            return first;
        }
        if (first.valid() && again.valid() && first.value().equals(again.value())) {
            return first.withConfidence(first.repaired() && again.repaired() ? Math.max(first.confidence(),
                    again.confidence()) : 0.99);
        }
        if (again.valid() && (!first.valid() || (first.repaired() && !again.repaired()))) {
            return again;
        }
        return first;
    }

    /** The first identifier in {@code page}'s lines that passes its check character, or null. */
    static Field search(OcrPage page, String alphabet, Function<String, Repaired> repair) {
        for (var line : page.lines()) {
            var located = CheckCharacterRepair.locate(line.text(), alphabet, repair);
            if (located.isPresent() && located.get().value().valid()) {
                int s = located.get().start();
                return field(located.get().value(), line.confidence(s, s + 18), line.region(s, s + 18));
            }
        }
        return null;
    }

    private static Field field(Repaired repaired, double confidence, Rectangle region) {
        double c = !repaired.changed() ? confidence : repaired.guessed() ? Math.min(confidence, 0.6)
                : Math.min(confidence, 0.9);
        return new Field(repaired.value(), c, repaired.valid(), repaired.changed(), region);
    }
}

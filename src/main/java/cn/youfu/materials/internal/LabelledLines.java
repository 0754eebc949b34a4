package cn.youfu.materials.internal;

import cn.youfu.materials.internal.Extraction.Field;
import cn.youfu.materials.internal.OcrPage.OcrLine;
import cn.youfu.materials.internal.OcrPage.OcrWord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The lines of a page with the OCR's stray punctuation removed, and the means to find a printed label (姓名, 住所, …)
 * and read the value after it.
 */
final class LabelledLines {

    /** Marks Tesseract reads in the gaps between a label and its value, never part of a field here. */
    private static final String STRAY = "“”\"'‘’：:，,。;；|!！·_—~`^*<>《》…°";

    private final List<OcrLine> lines;
    private final int width;

    LabelledLines(OcrPage page, int width) {
        var cleaned = new ArrayList<OcrLine>();
        for (var line : page.lines()) {
            var words = new ArrayList<OcrWord>();
            for (var word : line.words()) {
                var text = new StringBuilder();
                word.text().codePoints().filter(c -> STRAY.indexOf(c) < 0 && !Character.isWhitespace(c))
                        .forEach(text::appendCodePoint);
                if (!text.isEmpty()) {
                    words.add(new OcrWord(normalise(text.toString()), word.confidence(), word.box()));
                }
            }
            if (!words.isEmpty()) {
                cleaned.add(new OcrLine(List.copyOf(words)));
            }
        }
        this.lines = List.copyOf(cleaned);
        this.width = width;
    }

    /** Full-width brackets as printed on Chinese documents, whatever the OCR made of them. */
    private static String normalise(String text) {
        return text.replace('(', '（').replace(')', '）');
    }

    List<OcrLine> lines() {
        return lines;
    }

    int width() {
        return width;
    }

    /** Where a label was found: the line and the index just after the label in its text. */
    record Found(int line, int after) {
    }

    /**
     * The first line holding one of {@code labels} near its start: exactly, else (labels of three characters or
     * more) with one character misread.
     */
    Optional<Found> find(int fromLine, String... labels) {
        for (int i = fromLine; i < lines.size(); i++) {
            var text = lines.get(i).text();
            for (var label : labels) {
                int at = text.indexOf(label);
                if (at >= 0 && at <= 3) {
                    return Optional.of(new Found(i, at + label.length()));
                }
            }
        }
        for (int i = fromLine; i < lines.size(); i++) {
            var text = lines.get(i).text();
            for (var label : labels) {
                for (int at = 0; at <= 1 && label.length() >= 3 && at + label.length() <= text.length(); at++) {
                    int same = 0;
                    for (int k = 0; k < label.length(); k++) {
                        same += text.charAt(at + k) == label.charAt(k) ? 1 : 0;
                    }
                    if (same >= label.length() - 1 && same >= 1) {
                        return Optional.of(new Found(i, at + label.length()));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The text of line {@code line} from {@code start} to {@code end} as a field (valid, with its confidence). */
    Field field(int line, int start, int end) {
        var l = lines.get(line);
        var text = l.text();
        end = Math.min(end, text.length());
        if (start >= end) {
            return null;
        }
        return new Field(text.substring(start, end), l.confidence(start, end), true, false, l.region(start, end));
    }

    /** The rest of the line after a label, or null when nothing follows it. */
    Field after(Found found) {
        return field(found.line(), found.after(), Integer.MAX_VALUE);
    }

    /**
     * A second reading of a short field (a name, an amount) on its own, as one line, to judge the first: when they
     * agree the confidence is at least 0.9; when they differ the confidence is at most 0.5 (a person should look),
     * and the value is the second reading's when it was restricted to {@code allowed} characters, else the more
     * confident one.
     *
     * @param label the field's label, removed when the second reading caught it too
     */
    static Field confirm(Field field, MaterialExtractor.Reread reread, String allowed, String label) {
        if (field == null || field.region() == null) {
            return field;
        }
        var r = field.region();
        int pad = Math.max(4, r.height / 4);
        var line = reread.line(new java.awt.Rectangle(r.x - pad, r.y - pad, r.width + 2 * pad, r.height + 2 * pad),
                allowed);
        if (line == null) {
            return field.withConfidence(Math.min(field.confidence(), 0.5));
        }
        var again = new StringBuilder();
        line.text().codePoints().filter(c -> STRAY.indexOf(c) < 0 && !Character.isWhitespace(c))
                .forEach(again::appendCodePoint);
        var text = normalise(again.toString());
        int at = text.indexOf(label);
        if (at >= 0 && at <= 1) {
            text = text.substring(at + label.length());
        }
        if (text.equals(field.value())) {
            return field.withConfidence(Math.max(0.9, Math.max(field.confidence(), line.confidence(0, 999))));
        }
        double second = line.confidence(0, 999);
        boolean takeSecond = !text.isEmpty() && (allowed != null || second > field.confidence());
        var value = takeSecond ? text : field.value();
        return new Field(value, Math.min(0.5, Math.min(field.confidence(), second)), field.valid(), field.repaired(),
                field.region());
    }

    /** Two fields one after the other, as one (an address on two lines). */
    static Field join(Field a, Field b) {
        return new Field(a.value() + b.value(), Math.min(a.confidence(), b.confidence()), a.valid() && b.valid(),
                a.repaired() || b.repaired(), a.region().union(b.region()));
    }

    /** Whether line {@code line} starts near x = {@code left} (within 6% of the page width). */
    boolean startsNear(int line, int left) {
        return Math.abs(lines.get(line).box().x - left) <= width * 0.06;
    }
}

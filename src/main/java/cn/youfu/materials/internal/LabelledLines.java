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

    /** {@code text} without stray marks and spaces, brackets full-width. */
    static String clean(String text) {
        var out = new StringBuilder();
        text.codePoints().filter(c -> STRAY.indexOf(c) < 0 && !Character.isWhitespace(c)).forEach(out::appendCodePoint);
        return normalise(out.toString());
    }

    /** Full-width brackets as printed on Chinese documents, whatever the OCR made of them. */
    private static String normalise(String text) {
        return text.replace('(', '（').replace(')', '）').replace('〈', '（').replace('〉', '）');
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

    /**
     * The first line holding one of {@code labels} exactly, anywhere in it: a label of a licence's right-hand column,
     * which a page reading puts in the middle of a line after the left-hand column's text.
     */
    Optional<Found> findAnywhere(int fromLine, String... labels) {
        for (int i = fromLine; i < lines.size(); i++) {
            var text = lines.get(i).text();
            for (var label : labels) {
                int at = text.indexOf(label);
                if (at >= 0) {
                    return Optional.of(new Found(i, at + label.length()));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The index of the first character of line {@code line} whose word starts near x = {@code left} (within 3 % of the
     * page's width), or -1 when no word starts there: where the next line of a value printed in a column begins.
     */
    int columnStart(int line, int left) {
        int at = 0;
        for (var word : lines.get(line).words()) {
            if (Math.abs(word.box().x - left) <= width * 0.03) {
                return at;
            }
            at += word.text().length();
        }
        return -1;
    }

    /**
     * Where in line {@code line}, after character {@code from} and after some text, the first gap between two words
     * wider than {@code heights} times the line's height begins (a character index); the line's length when none.
     */
    int gap(int line, int from, double heights) {
        var l = lines.get(line);
        int height = l.words().stream().mapToInt(w -> w.box().height).max().orElse(0);
        int at = 0;
        OcrWord previous = null;
        for (var word : l.words()) {
            if (previous != null && at > from
                    && word.box().x - (previous.box().x + previous.box().width) > heights * height) {
                return at;
            }
            at += word.text().length();
            previous = word;
        }
        return at;
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

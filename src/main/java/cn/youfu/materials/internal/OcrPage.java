package cn.youfu.materials.internal;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;

/**
 * What Tesseract read on a page: lines of words, each with its box (pixels of the image read) and confidence
 * (0–100). A line's {@link OcrLine#text()} joins its words without spaces — Chinese has none, and the fields read
 * (names, addresses, numbers) have none either — and remembers, for each character, the word it came from, so that
 * any part of a line has a confidence and a region.
 */
record OcrPage(List<OcrLine> lines) {

    /** One word as Tesseract boxed it. */
    record OcrWord(String text, double confidence, Rectangle box) {
    }

    record OcrLine(List<OcrWord> words) {

        /** The line's text, words joined without spaces. */
        String text() {
            var text = new StringBuilder();
            words.forEach(w -> text.append(w.text()));
            return text.toString();
        }

        private List<OcrWord> wordsOf(int start, int end) {
            var hit = new ArrayList<OcrWord>();
            int at = 0;
            for (var word : words) {
                int next = at + word.text().length();
                if (next > start && at < end) {
                    hit.add(word);
                }
                at = next;
            }
            return hit;
        }

        /** The lowest confidence (0–1) of the words that characters {@code start..end} come from. */
        double confidence(int start, int end) {
            return wordsOf(start, end).stream().mapToDouble(OcrWord::confidence).min().orElse(0) / 100.0;
        }

        /** The box around the words that characters {@code start..end} come from; null when none. */
        Rectangle region(int start, int end) {
            Rectangle box = null;
            for (var word : wordsOf(start, end)) {
                box = box == null ? new Rectangle(word.box()) : box.union(word.box());
            }
            return box;
        }

        Rectangle box() {
            return region(0, Integer.MAX_VALUE);
        }
    }

    /** Parses Tesseract's TSV output (level 5 rows are words). */
    static OcrPage parseTsv(String tsv) {
        var lines = new ArrayList<OcrLine>();
        String key = null;
        List<OcrWord> words = null;
        for (var row : tsv.split("\n")) {
            var cells = row.split("\t", -1);
            if (cells.length < 12 || !"5".equals(cells[0])) {
                continue;
            }
            var text = cells[11].strip();
            if (text.isEmpty()) {
                continue;
            }
            var lineKey = cells[2] + "/" + cells[3] + "/" + cells[4];
            if (!lineKey.equals(key)) {
                key = lineKey;
                words = new ArrayList<>();
                lines.add(new OcrLine(words));
            }
            words.add(new OcrWord(text, Double.parseDouble(cells[10]), new Rectangle(Integer.parseInt(cells[6]),
                    Integer.parseInt(cells[7]), Integer.parseInt(cells[8]), Integer.parseInt(cells[9]))));
        }
        return new OcrPage(lines.stream().map(l -> new OcrLine(List.copyOf(l.words()))).toList());
    }

    /** All the text, one line per line (for logs and tests). */
    String text() {
        var text = new StringBuilder();
        lines.forEach(l -> text.append(l.text()).append('\n'));
        return text.toString();
    }
}

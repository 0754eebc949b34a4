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

        /**
         * The box around the words that characters {@code start..end} come from; null when none. Tesseract boxes
         * some characters of a Chinese line over the lines above and below too (52 px high in a line of 22), and a
         * region that high, read again, reads three lines at once: its top and bottom are those of its words no
         * taller than one and a half times a typical word of the line (the lower quartile of their heights), or when
         * it has none, of the line's such words.
         */
        Rectangle region(int start, int end) {
            var hit = wordsOf(start, end);
            if (hit.isEmpty()) {
                return null;
            }
            var heights = words.stream().mapToInt(w -> w.box().height).sorted().toArray();
            int tallest = heights[heights.length / 4] * 3 / 2;
            var band = union(hit.stream().filter(w -> w.box().height <= tallest).toList());
            if (band == null) {
                band = union(words.stream().filter(w -> w.box().height <= tallest).toList());
            }
            var box = union(hit);
            return new Rectangle(box.x, band.y, box.width, band.height);
        }

        private static Rectangle union(List<OcrWord> words) {
            Rectangle box = null;
            for (var word : words) {
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

package cn.youfu.materials.internal;

import cn.youfu.materials.ExtractedField;
import cn.youfu.materials.internal.OcrPage.OcrLine;
import cn.youfu.materials.internal.OcrPage.OcrWord;
import java.awt.Rectangle;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Reads a material's fields with PaddleOCR's models ({@link PaddleOcr}): detects the text lines, turns the page so
 * that they run left to right ({@link UprightPage}: the tilt and a quarter turn from the lines' own direction, upside
 * down or not by the direction classifier's vote over the longest lines), reads each line, and hands the lines,
 * grouped into rows with a box and a probability per character, to the material's extractor — the same extractors,
 * labels and check-character repairs as the Tesseract reader. When the page reading finds fewer than three labels
 * it is read upside down too and the better reading kept. Second readings of a region (an identifier, a name) read
 * the region again with only the characters the field can hold. Thread-safe.
 */
final class PaddleReader implements FieldReader {

    /** The longer side of the page the lines are cut from (a larger photo is scaled down to it). */
    private static final int WORK_SIDE = 1600;
    private static final int FEW_LABELS = 3;
    /** The longest lines whose direction classification decides whether the page is upside down. */
    private static final int VOTERS = 6;

    private final PaddleOcr ocr;

    PaddleReader(PaddleOcr ocr) {
        this.ocr = ocr;
    }

    @Override
    public Map<String, ExtractedField> read(BufferedImage image, MaterialExtractor extractor) {
        double scale = Math.min(1, (double) WORK_SIDE / Math.max(image.getWidth(), image.getHeight()));
        var work = PaddleOcr.resized(image, Math.max(1, (int) Math.round(image.getWidth() * scale)),
                Math.max(1, (int) Math.round(image.getHeight() * scale)));
        var boxes = ocr.detect(work);
        var page = UprightPage.turned(work, boxes, -UprightPage.lineDirection(boxes));
        if (upsideDown(page)) {
            page = page.upsideDown();
        }
        var best = new Attempt(page, extractor.extract(lines(page), reread(page)));
        if (best.extraction.labels() < FEW_LABELS) {
            var turned = page.upsideDown();
            var other = new Attempt(turned, extractor.extract(lines(turned), reread(turned)));
            if (other.extraction.score() > best.extraction.score()) {
                best = other;
            }
        }
        var toSource = AffineTransform.getScaleInstance(1 / scale, 1 / scale);
        toSource.concatenate(best.page.toInput());
        return FieldReader.fields(best.extraction, extractor, toSource, image);
    }

    private record Attempt(UprightPage page, Extraction extraction) {
    }

    /** Whether the direction classifier, over the page's longest lines, takes it for upside down. */
    private boolean upsideDown(UprightPage page) {
        double vote = 0;
        var longest = page.boxes().stream().filter(b -> b.length() >= 2 * b.height())
                .sorted(Comparator.comparingDouble(TextBox::length).reversed()).limit(VOTERS).toList();
        for (var box : longest) {
            vote += (ocr.upsideDown(page.line(box)) - 0.5) * box.length();
        }
        return vote > 0;
    }

    /** The page's lines: its rows, each box read. */
    private LabelledLines lines(UprightPage page) {
        return new LabelledLines(read(page, page.rows(), null), page.image().getWidth());
    }

    /** The rows of boxes read (all boxes at once), as the lines of a page. */
    private OcrPage read(UprightPage page, List<List<TextBox>> rows, IntPredicate allowed) {
        var boxes = rows.stream().flatMap(List::stream).toList();
        var readings = ocr.recognise(boxes.stream().map(page::line).toList(), allowed);
        var lines = new ArrayList<OcrLine>();
        int at = 0;
        for (var row : rows) {
            var words = new ArrayList<OcrWord>();
            for (var box : row) {
                words.addAll(words(box, readings.get(at++)));
            }
            if (!words.isEmpty()) {
                lines.add(new OcrLine(List.copyOf(words)));
            }
        }
        return new OcrPage(lines);
    }

    /**
     * The characters read in {@code box}, each a word with its probability (as 0–100) and a box on the page: as wide
     * as the space halfway to its neighbours, at most one line height, as high as the line.
     */
    private static List<OcrWord> words(TextBox box, PaddleOcr.LineReading reading) {
        var glyphs = reading.glyphs();
        var corners = box.corners();
        var bounds = box.bounds();
        double ux = (corners[1].x - corners[0].x) / box.length();
        var words = new ArrayList<OcrWord>();
        for (int i = 0; i < glyphs.size(); i++) {
            var g = glyphs.get(i);
            if (g.text().isBlank()) {
                continue;
            }
            double centre = centre(g, reading.pixelsPerStep());
            double left = i == 0 ? box.height() / 2 : (centre - centre(glyphs.get(i - 1), reading.pixelsPerStep())) / 2;
            double right = i == glyphs.size() - 1 ? box.height() / 2
                    : (centre(glyphs.get(i + 1), reading.pixelsPerStep()) - centre) / 2;
            double x0 = corners[0].x + ux * (centre - Math.min(left, box.height() / 2));
            double x1 = corners[0].x + ux * (centre + Math.min(right, box.height() / 2));
            words.add(new OcrWord(g.text(), 100 * g.probability(), new Rectangle((int) Math.round(x0), bounds.y,
                    Math.max(1, (int) Math.round(x1 - x0)), bounds.height)));
        }
        return words;
    }

    private static double centre(CtcDecoder.Glyph glyph, double pixelsPerStep) {
        return ((glyph.first() + glyph.last()) / 2.0 + 0.5) * pixelsPerStep;
    }

    /** Second readings of regions of the upright page. */
    private MaterialExtractor.Reread reread(UprightPage page) {
        var decoder = ocr.decoder();
        return new MaterialExtractor.Reread() {
            @Override
            public OcrLine line(Rectangle region, String allowed) {
                return region(page, region, allowed == null ? null : decoder.only(allowed));
            }

            @Override
            public OcrLine closeUp(Rectangle region, String excluded) {
                return region(page, region, excluded == null ? null : decoder.except(excluded));
            }

            @Override
            public OcrPage block(Rectangle region, String allowed) {
                var r = region.intersection(new Rectangle(0, 0, page.image().getWidth(), page.image().getHeight()));
                if (r.isEmpty()) {
                    return new OcrPage(List.of());
                }
                var crop = page.image().getSubimage(r.x, r.y, r.width, r.height);
                var shift = AffineTransform.getTranslateInstance(r.x, r.y);
                var boxes = ocr.detect(crop).stream().map(b -> b.transformed(shift)).toList();
                var inRegion = new UprightPage(page.image(), boxes, page.toInput());
                return read(page, inRegion.rows(), decoder.only(allowed));
            }

            @Override
            public boolean independent() {
                return false;
            }
        };
    }

    /** Region {@code region} of the page read as one line, or null when nothing was read. */
    private OcrLine region(UprightPage page, Rectangle region, IntPredicate allowed) {
        var r = region.intersection(new Rectangle(0, 0, page.image().getWidth(), page.image().getHeight()));
        if (r.width < 2 || r.height < 2) {
            return null;
        }
        var box = new TextBox(r.getCenterX(), r.getCenterY(), r.width, r.height, 0);
        var words = words(box, ocr.recognise(page.line(box), allowed));
        return words.isEmpty() ? null : new OcrLine(words);
    }
}

package cn.youfu.materials.internal;

import cn.youfu.materials.ExtractedField;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.Map;

/**
 * Reads a material's fields from its image with Tesseract: finds which way is up and the skew, prepares the page, has Tesseract
 * read it, and lets the material's extractor find the fields; when few labels are found the page is read again
 * upside down and the better reading kept. Regions are mapped back onto the uploaded image. Thread-safe.
 */
final class MaterialReader implements FieldReader {

    /** Labels below which a reading is tried the other way up. */
    private static final int FEW_LABELS = 3;

    /** No second readings: to count the labels a page's reading finds (which needs none) at no cost. */
    private static final MaterialExtractor.Reread NO_SECOND_READING = (region, allowed) -> null;

    private final Tesseract tesseract;
    /** The confidence decisions rely on ({@code youfu.materials.min-confidence}). */
    private final double sure;

    MaterialReader(Tesseract tesseract, double sure) {
        this.tesseract = tesseract;
        this.sure = sure;
    }

    @Override
    public Map<String, ExtractedField> read(BufferedImage image, MaterialExtractor extractor) {
        var orientation = Preprocessor.orientation(image);
        int quarterTurns = orientation.quarterTurns();
        Attempt best = null;
        // the way found, then upside down; then the other two quarter turns: the ink's rows can mislead (a blurred
        // page in a Kai face was taken for one turned sideways)
        for (int turn : new int[] {quarterTurns, quarterTurns + 2, quarterTurns + 1, quarterTurns + 3}) {
            var prepared = Preprocessor.prepare(image, turn, orientation.skewDegrees());
            var lines = lines(prepared);
            var attempt = new Attempt(prepared, extractor.extract(lines, reread(prepared)));
            int labels = attempt.extraction.labels();
            if (labels > 0 && labels < extractor.fields().size() && doubtfulName(attempt.extraction, extractor)) {
                // the right way up (labels found) but some missed: printed lighter than the values, they may have
                // vanished in Tesseract's binarisation; when a name is missing or in doubt too, the page darkened.
                // When it finds more labels, its fields are read too and of each field the better value kept
                // (darkened, thin strokes of a blurred Song or Kai face run together: it is not simply better)
                var darker = prepared.darker();
                var darkerLines = lines(darker);
                if (extractor.extract(darkerLines, NO_SECOND_READING).labels() > labels) {
                    attempt = new Attempt(prepared, attempt.extraction.combinedWith(
                            extractor.extract(darkerLines, reread(prepared))));
                }
            }
            if (best == null || attempt.extraction.score() > best.extraction.score()) {
                best = attempt;
            }
            if (attempt.extraction.labels() >= FEW_LABELS) {
                break;
            }
        }
        return FieldReader.fields(best.extraction, extractor, best.prepared.toSource(), image);
    }

    private record Attempt(Preprocessor.Prepared prepared, Extraction extraction) {
    }

    /** Whether a name field is missing or less sure than decisions rely on ({@code youfu.materials.min-confidence}). */
    private boolean doubtfulName(Extraction extraction, MaterialExtractor extractor) {
        return extractor.names().stream().map(extraction.fields()::get)
                .anyMatch(f -> f == null || f.confidence() < sure);
    }

    /** The page's reading by Tesseract. */
    private LabelledLines lines(Preprocessor.Prepared prepared) {
        return new LabelledLines(tesseract.read(prepared.image(), "chi_sim", 6, null), prepared.image().getWidth());
    }

    /** Second readings of regions of {@code prepared}. */
    private MaterialExtractor.Reread reread(Preprocessor.Prepared prepared) {
        return new MaterialExtractor.Reread() {
            @Override
            public OcrPage.OcrLine line(Rectangle region, String allowed) {
                var r = clip(region);
                if (r.isEmpty()) {
                    return null;
                }
                var crop = prepared.image().getSubimage(r.x, r.y, r.width, r.height);
                boolean chinese = allowed == null || allowed.codePoints()
                        .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
                var read = chinese ? tesseract.read(Preprocessor.darker(crop, Preprocessor.LINE_GAMMA), "chi_sim", 7,
                        allowed) : tesseract.read(crop, "eng", 7, allowed);
                return read.lines().isEmpty() ? null : read.lines().get(0);
            }

            private Rectangle clip(Rectangle region) {
                return region.intersection(new Rectangle(0, 0, prepared.image().getWidth(),
                        prepared.image().getHeight()));
            }

            @Override
            public OcrPage block(Rectangle region, String allowed) {
                var r = clip(region);
                if (r.isEmpty()) {
                    return new OcrPage(java.util.List.of());
                }
                var read = tesseract.read(prepared.image().getSubimage(r.x, r.y, r.width, r.height), "eng", 6,
                        allowed);
                return new OcrPage(read.lines().stream().map(l -> new OcrPage.OcrLine(l.words().stream()
                        .map(w -> new OcrPage.OcrWord(w.text(), w.confidence(), new Rectangle(w.box().x + r.x,
                                w.box().y + r.y, w.box().width, w.box().height))).toList())).toList());
            }

            @Override
            public OcrPage.OcrLine closeUp(Rectangle region, String excluded) {
                var r = clip(region);
                if (r.isEmpty()) {
                    return null;
                }
                var closeUp = Preprocessor.closeUp(Preprocessor.darker(prepared.image().getSubimage(r.x, r.y,
                        r.width, r.height), Preprocessor.LINE_GAMMA));
                var read = tesseract.read(closeUp.image(), "chi_sim", 7, null, excluded);
                return read.lines().isEmpty() ? null : closeUp.toPage(read.lines().get(0), r.x, r.y);
            }
        };
    }
}

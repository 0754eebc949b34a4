package cn.youfu.materials.internal;

import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/**
 * Turns a photograph or scan of a document into what Tesseract reads best: grey, evened-out light, upright (90°
 * steps), straight (deskewed), dark text on white paper, at a size where the text is 25–35 px high. Plain Java2D;
 * pure and thread-safe.
 *
 * <p>The light is evened out by dividing each pixel by a local estimate of the paper's brightness (a coarse grid of
 * local maxima), so a shadow across a card does not turn half of it black. The skew is the angle within ±12° whose
 * rows of ink are most clearly separated (the projection profile's energy); the same measure tells a document turned
 * by 90° (its rows become columns). Upside-down (180°) cannot be told from the ink alone: {@link #prepare} takes the
 * quarter turns to apply and the reader tries the opposite when the first reading finds no labels.
 */
final class Preprocessor {

    /** The longer side of the image Tesseract reads. */
    static final int TARGET_LONG_SIDE = 1200;
    private static final double MAX_SKEW = 12;

    private Preprocessor() {
    }

    /**
     * @param image         the upright (after {@code quarterTurns}), straight grey image with the light evened out
     * @param toSource      maps a point of {@code image} to the source image's pixels
     */
    record Prepared(BufferedImage image, AffineTransform toSource) {

        /**
         * The same page with its grey levels raised to the power {@link Preprocessor#DARKER_GAMMA}: paper stays white, light grey
         * print (a card's labels) turns dark. Blurred labels printed lighter than the values can fall on the paper's
         * side of Tesseract's own threshold and vanish from its reading; darkened, they are read.
         */
        Prepared darker() {
            return new Prepared(Preprocessor.darker(image, DARKER_GAMMA), toSource);
        }
    }

    /** {@code image} (grey) with its grey levels (0–1) raised to the power {@code gamma}. */
    static BufferedImage darker(BufferedImage image, double gamma) {
        var lookup = new byte[256];
        for (int v = 0; v < 256; v++) {
            lookup[v] = (byte) Math.round(255 * Math.pow(v / 255.0, gamma));
        }
        return new java.awt.image.LookupOp(new java.awt.image.ByteLookupTable(0, lookup), null).filter(image, null);
    }

    /** The power {@link Prepared#darker()} raises grey levels (0–1) to. */
    static final double DARKER_GAMMA = 3;

    /**
     * The power the grey levels of a line of Chinese text read again (a name) are raised to: its second and third
     * readings are of the crop darkened, which reads thin or blurred strokes better (闽 not 阁, 明 not 阮) and
     * makes them differ more from the page's reading.
     */
    static final double LINE_GAMMA = 2;

    /** The orientation found: quarter turns clockwise to make the text rows horizontal, and the skew in degrees. */
    record Orientation(int quarterTurns, double skewDegrees) {
    }

    /** Grey levels 0–255 of {@code image}, scaled so that its longer side is {@code longSide}. */
    static int[][] gray(BufferedImage image, int longSide) {
        double scale = (double) longSide / Math.max(image.getWidth(), image.getHeight());
        int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
        var scaled = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = scaled.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, scale < 1 ? RenderingHints.VALUE_INTERPOLATION_BILINEAR
                : RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(image, 0, 0, w, h, null);
        g.dispose();
        var gray = new int[h][w];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            scaled.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int rgb = row[x];
                gray[y][x] = (299 * ((rgb >> 16) & 0xff) + 587 * ((rgb >> 8) & 0xff) + 114 * (rgb & 0xff)) / 1000;
            }
        }
        return gray;
    }

    /** Divides each pixel by the local paper brightness (a smoothed grid of local maxima): 255 is paper. */
    static int[][] evenLight(int[][] gray) {
        int h = gray.length;
        int w = gray[0].length;
        int cell = Math.max(8, Math.max(w, h) / 40);
        int gw = (w + cell - 1) / cell;
        int gh = (h + cell - 1) / cell;
        var grid = new double[gh][gw];
        for (int gy = 0; gy < gh; gy++) {
            for (int gx = 0; gx < gw; gx++) {
                // the 90th percentile of the cell: the paper, not a speck of glare
                var histogram = new int[256];
                int n = 0;
                for (int y = gy * cell; y < Math.min(h, (gy + 1) * cell); y++) {
                    for (int x = gx * cell; x < Math.min(w, (gx + 1) * cell); x++) {
                        histogram[gray[y][x]]++;
                        n++;
                    }
                }
                int seen = 0;
                int level = 255;
                for (int v = 0; v < 256; v++) {
                    seen += histogram[v];
                    if (seen >= n * 0.9) {
                        level = v;
                        break;
                    }
                }
                grid[gy][gx] = level;
            }
        }
        // a cell full of text is darker than the paper: take the max of each 3x3 neighbourhood
        var paper = new double[gh][gw];
        for (int gy = 0; gy < gh; gy++) {
            for (int gx = 0; gx < gw; gx++) {
                double max = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int y = gy + dy;
                        int x = gx + dx;
                        if (y >= 0 && y < gh && x >= 0 && x < gw) {
                            max = Math.max(max, grid[y][x]);
                        }
                    }
                }
                paper[gy][gx] = Math.max(24, max);
            }
        }
        var out = new int[h][w];
        for (int y = 0; y < h; y++) {
            double fy = Math.min(gh - 1.0, Math.max(0, (y + 0.5) / cell - 0.5));
            int y0 = (int) fy;
            int y1 = Math.min(gh - 1, y0 + 1);
            double ty = fy - y0;
            for (int x = 0; x < w; x++) {
                double fx = Math.min(gw - 1.0, Math.max(0, (x + 0.5) / cell - 0.5));
                int x0 = (int) fx;
                int x1 = Math.min(gw - 1, x0 + 1);
                double tx = fx - x0;
                double p = (paper[y0][x0] * (1 - tx) + paper[y0][x1] * tx) * (1 - ty)
                        + (paper[y1][x0] * (1 - tx) + paper[y1][x1] * tx) * ty;
                out[y][x] = (int) Math.min(255, Math.round(255.0 * gray[y][x] / p));
            }
        }
        return out;
    }

    /** Otsu's threshold of the grey levels. */
    static int otsu(int[][] gray) {
        var histogram = new long[256];
        long total = 0;
        for (var row : gray) {
            for (int v : row) {
                histogram[v]++;
                total++;
            }
        }
        double sum = 0;
        for (int v = 0; v < 256; v++) {
            sum += v * (double) histogram[v];
        }
        double sumBackground = 0;
        long weightBackground = 0;
        double best = -1;
        int threshold = 128;
        for (int v = 0; v < 256; v++) {
            weightBackground += histogram[v];
            if (weightBackground == 0) {
                continue;
            }
            long weightForeground = total - weightBackground;
            if (weightForeground == 0) {
                break;
            }
            sumBackground += v * (double) histogram[v];
            double meanB = sumBackground / weightBackground;
            double meanF = (sum - sumBackground) / weightForeground;
            double between = (double) weightBackground * weightForeground * (meanB - meanF) * (meanB - meanF);
            if (between > best) {
                best = between;
                threshold = v;
            }
        }
        return threshold;
    }

    /** Ink (true) where the grey level is at or below the threshold. */
    static boolean[][] binarise(int[][] gray, int threshold) {
        var ink = new boolean[gray.length][gray[0].length];
        for (int y = 0; y < gray.length; y++) {
            for (int x = 0; x < gray[0].length; x++) {
                ink[y][x] = gray[y][x] <= threshold;
            }
        }
        return ink;
    }

    /**
     * How clearly the ink falls into horizontal rows when the page is turned by {@code degrees} (clockwise on
     * screen): the energy of the differences between consecutive row sums of the rotated ink.
     */
    static double rowEnergy(boolean[][] ink, double degrees) {
        int h = ink.length;
        int w = ink[0].length;
        double radians = Math.toRadians(degrees);
        double sin = Math.sin(radians);
        double cos = Math.cos(radians);
        int rows = (int) (Math.abs(h * cos) + Math.abs(w * sin)) + 2;
        var sums = new int[rows];
        double cx = w / 2.0;
        double cy = h / 2.0;
        double offset = rows / 2.0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (ink[y][x]) {
                    int r = (int) ((x - cx) * sin + (y - cy) * cos + offset);
                    if (r >= 0 && r < rows) {
                        sums[r]++;
                    }
                }
            }
        }
        double energy = 0;
        for (int r = 1; r < rows; r++) {
            double d = sums[r] - sums[r - 1];
            energy += d * d;
        }
        return energy;
    }

    /**
     * Finds the quarter turns (0 or 1 — 180° apart look alike) and the skew that make the rows of text horizontal.
     */
    static Orientation orientation(BufferedImage image) {
        var gray = evenLight(gray(image, 500));
        var upright = binarise(gray, otsu(gray));
        var turned = turn(upright);
        double bestEnergy = -1;
        int bestTurn = 0;
        double bestAngle = 0;
        for (int turn = 0; turn <= 1; turn++) {
            for (double angle = -MAX_SKEW; angle <= MAX_SKEW; angle += 1) {
                double e = rowEnergy(turn == 0 ? upright : turned, angle);
                if (e > bestEnergy) {
                    bestEnergy = e;
                    bestTurn = turn;
                    bestAngle = angle;
                }
            }
        }
        double coarse = bestAngle;
        for (double angle = coarse - 0.9; angle <= coarse + 0.9; angle += 0.15) {
            double e = rowEnergy(bestTurn == 0 ? upright : turned, angle);
            if (e > bestEnergy) {
                bestEnergy = e;
                bestAngle = angle;
            }
        }
        return new Orientation(bestTurn, -bestAngle);
    }

    /** {@code ink} turned by 90° clockwise. */
    private static boolean[][] turn(boolean[][] ink) {
        int h = ink.length;
        int w = ink[0].length;
        var turned = new boolean[w][h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                turned[x][h - 1 - y] = ink[y][x];
            }
        }
        return turned;
    }

    /**
     * Rotates {@code source} by {@code quarterTurns} × 90° clockwise and then by the skew, scales it to
     * {@link #TARGET_LONG_SIDE} and evens the light. The page read stays grey: Tesseract binarises it again itself,
     * and on the test set its reading of grey pages was better than of our Otsu-binarised ones (names and addresses),
     * at some cost in time; Otsu serves to find the orientation and skew.
     */
    static Prepared prepare(BufferedImage source, int quarterTurns, double skewDegrees) {
        int sw = source.getWidth();
        int sh = source.getHeight();
        double scale = (double) TARGET_LONG_SIDE / Math.max(sw, sh);
        // source → turned → deskewed: all in one transform, about the centre, onto a canvas that holds it all
        var turn = new AffineTransform();
        turn.quadrantRotate(quarterTurns);
        double radians = Math.toRadians(-skewDegrees);
        var t = new AffineTransform();
        t.rotate(radians);
        t.concatenate(turn);
        t.scale(scale, scale);
        t.translate(-sw / 2.0, -sh / 2.0);
        var bounds = t.createTransformedShape(new java.awt.Rectangle(0, 0, sw, sh)).getBounds2D();
        var place = AffineTransform.getTranslateInstance(-bounds.getX(), -bounds.getY());
        place.concatenate(t);
        int w = (int) Math.ceil(bounds.getWidth());
        int h = (int) Math.ceil(bounds.getHeight());
        var upright = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = upright.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        // the corners the rotation leaves empty take the colour of the photo's edge, not white, so no false edges
        g.drawImage(source, place, null);
        g.dispose();
        var gray = evenLight(gray(upright, Math.max(w, h)));
        var out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        var raster = out.getRaster();
        var row = new int[w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                row[x] = gray[y][x];
            }
            raster.setPixels(0, y, w, 1, row);
        }
        try {
            return new Prepared(out, place.createInverse());
        } catch (java.awt.geom.NoninvertibleTransformException e) {
            throw new IllegalStateException("a rotation and a scale are always invertible", e);
        }
    }

    /** Text height the close-up of one line is enlarged to, in pixels. */
    static final int CLOSE_UP_TEXT_HEIGHT = 64;
    private static final int CLOSE_UP_MARGIN = 16;

    /**
     * A close-up of one line: {@code image} enlarged so that the line is about {@link #CLOSE_UP_TEXT_HEIGHT} px high
     * (at most three times, bicubic), with a white margin around it. It stays grey: on the test set a close-up
     * binarised by Otsu's threshold of the crop read names no better and its wrong readings were more often confident.
     *
     * @param scale how much the crop was enlarged, to map boxes read on the close-up back onto the page
     */
    record CloseUp(BufferedImage image, double scale) {

        /** {@code line} read on the close-up, its boxes in the page's pixels given the crop's origin. */
        OcrPage.OcrLine toPage(OcrPage.OcrLine line, int x, int y) {
            return new OcrPage.OcrLine(line.words().stream().map(w -> new OcrPage.OcrWord(w.text(), w.confidence(),
                    new java.awt.Rectangle(x + (int) Math.round((w.box().x - CLOSE_UP_MARGIN) / scale),
                            y + (int) Math.round((w.box().y - CLOSE_UP_MARGIN) / scale),
                            (int) Math.round(w.box().width / scale), (int) Math.round(w.box().height / scale))))
                    .toList());
        }
    }

    static CloseUp closeUp(BufferedImage crop) {
        // the crop is the line with a padding of about a quarter of its height above and below
        double scale = Math.max(1, Math.min(3, CLOSE_UP_TEXT_HEIGHT / (crop.getHeight() / 1.5)));
        int w = Math.max(1, (int) Math.round(crop.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(crop.getHeight() * scale));
        var gray = gray(crop, Math.max(w, h));
        var out = new BufferedImage(gray[0].length + 2 * CLOSE_UP_MARGIN, gray.length + 2 * CLOSE_UP_MARGIN,
                BufferedImage.TYPE_BYTE_GRAY);
        var raster = out.getRaster();
        var row = new int[out.getWidth()];
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                int gy = y - CLOSE_UP_MARGIN;
                int gx = x - CLOSE_UP_MARGIN;
                boolean inside = gy >= 0 && gy < gray.length && gx >= 0 && gx < gray[0].length;
                row[x] = inside ? gray[gy][gx] : 255;
            }
            raster.setPixels(0, y, out.getWidth(), 1, row);
        }
        return new CloseUp(out, (double) gray[0].length / crop.getWidth());
    }
}

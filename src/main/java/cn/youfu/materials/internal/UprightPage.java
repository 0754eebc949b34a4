package cn.youfu.materials.internal;

import java.awt.Rectangle;
import java.awt.geom.AffineTransform;
import java.awt.geom.NoninvertibleTransformException;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A page turned so that its text lines run left to right, with the detected lines' boxes carried along: the
 * direction of the lines comes from the boxes themselves (their long sides, weighted by length), so a page tilted by
 * any angle, turned sideways or photographed at a slant is straightened by what was printed on it, not by a fixed
 * crop. Each line is cut out along its own box, which also undoes a perspective's differing slants line by line.
 *
 * @param image   the turned page
 * @param boxes   the text lines on it, in its pixels
 * @param toInput maps a point of {@code image} to the page as detected
 */
record UprightPage(BufferedImage image, List<TextBox> boxes, AffineTransform toInput) {

    /** Boxes at least this many times as long as high tell the lines' direction (a single character does not). */
    private static final double LINE_LIKE = 2;

    /**
     * The direction (radians, in (-π/2, π/2]) of the document's text lines: the most common direction of the
     * line-like boxes, weighted by their length (a histogram of 1° bins, smoothed over ±2°, its peak), refined by the
     * length-weighted mean of the boxes within 5° of it. The peak, not the mean of all boxes: other papers in the
     * picture, lying at other angles, must not tilt the document's rows.
     */
    static double lineDirection(List<TextBox> boxes) {
        var bins = new double[180];
        for (var box : boxes) {
            if (box.length() >= LINE_LIKE * box.height()) {
                bins[bin(box.angle())] += box.length();
            }
        }
        int peak = -1;
        double best = 0;
        for (int b = 0; b < 180; b++) {
            double smoothed = 0;
            for (int d = -2; d <= 2; d++) {
                smoothed += bins[Math.floorMod(b + d, 180)];
            }
            if (smoothed > best) {
                best = smoothed;
                peak = b;
            }
        }
        if (peak < 0) {
            return 0;
        }
        double centre = Math.toRadians(peak - 89.5);
        double c = 0;
        double s = 0;
        for (var box : boxes) {
            double off = Math.abs(Math.IEEEremainder(box.angle() - centre, Math.PI));
            if (box.length() >= LINE_LIKE * box.height() && off <= Math.toRadians(5)) {
                c += box.length() * Math.cos(2 * box.angle());
                s += box.length() * Math.sin(2 * box.angle());
            }
        }
        return Math.atan2(s, c) / 2;
    }

    /** The 1° bin of a direction in (-π/2, π/2]: 0 for (-90°, -89°], 179 for (89°, 90°]. */
    private static int bin(double angle) {
        return Math.floorMod((int) Math.ceil(Math.toDegrees(angle) + 90) - 1, 180);
    }

    /** {@code page} turned by {@code radians} (clockwise on screen) about its centre, on a canvas that holds it all. */
    static UprightPage turned(BufferedImage page, List<TextBox> boxes, double radians) {
        int w = page.getWidth();
        int h = page.getHeight();
        var t = AffineTransform.getRotateInstance(radians);
        t.translate(-w / 2.0, -h / 2.0);
        var bounds = t.createTransformedShape(new Rectangle(0, 0, w, h)).getBounds2D();
        var place = AffineTransform.getTranslateInstance(-bounds.getX(), -bounds.getY());
        place.concatenate(t);
        int tw = (int) Math.ceil(bounds.getWidth());
        int th = (int) Math.ceil(bounds.getHeight());
        var out = new BufferedImage(tw, th, BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION,
                java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(page, place, null);
        g.dispose();
        try {
            return new UprightPage(out, boxes.stream().map(b -> level(b.transformed(place))).toList(),
                    place.createInverse());
        } catch (NoninvertibleTransformException e) {
            throw new IllegalStateException("a rotation is always invertible", e);
        }
    }

    /**
     * The box with the axis nearer the horizontal as its length: on an upright page lines run left to right, and a
     * box about as high as long (a single character, a short label) may have been measured the other way round.
     */
    static TextBox level(TextBox box) {
        if (Math.abs(box.angle()) <= Math.PI / 4) {
            return box;
        }
        double angle = box.angle() > 0 ? box.angle() - Math.PI / 2 : box.angle() + Math.PI / 2;
        return new TextBox(box.cx(), box.cy(), box.height(), box.length(), angle);
    }

    /** This page turned by 180°. */
    UprightPage upsideDown() {
        var again = turned(image, boxes, Math.PI);
        var toInput = new AffineTransform(this.toInput);
        toInput.concatenate(again.toInput);
        return new UprightPage(again.image, again.boxes, toInput);
    }

    /** The image of a line: its box cut out and straightened, reading left to right (bilinear sampling). */
    BufferedImage line(TextBox box) {
        int w = Math.max(1, (int) Math.round(box.length()));
        int h = Math.max(1, (int) Math.round(box.height()));
        var corners = box.corners();
        var origin = corners[0];
        double ux = (corners[1].x - origin.x) / w;
        double uy = (corners[1].y - origin.y) / w;
        double vx = (corners[3].x - origin.x) / h;
        double vy = (corners[3].y - origin.y) / h;
        var out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var pixels = ((java.awt.image.DataBufferInt) image.getRaster().getDataBuffer()).getData();
        var row = new int[w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                row[x] = sample(pixels, origin.x + (x + 0.5) * ux + (y + 0.5) * vx,
                        origin.y + (x + 0.5) * uy + (y + 0.5) * vy);
            }
            out.setRGB(0, y, w, 1, row, 0, w);
        }
        return out;
    }

    private int sample(int[] pixels, double x, double y) {
        int x0 = (int) Math.floor(x - 0.5);
        int y0 = (int) Math.floor(y - 0.5);
        double fx = x - 0.5 - x0;
        double fy = y - 0.5 - y0;
        int r = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            double v = channel(pixels, x0, y0, shift) * (1 - fx) * (1 - fy)
                    + channel(pixels, x0 + 1, y0, shift) * fx * (1 - fy)
                    + channel(pixels, x0, y0 + 1, shift) * (1 - fx) * fy
                    + channel(pixels, x0 + 1, y0 + 1, shift) * fx * fy;
            r |= Math.min(255, (int) Math.round(v)) << shift;
        }
        return r;
    }

    private int channel(int[] pixels, int x, int y, int shift) {
        int cx = Math.max(0, Math.min(image.getWidth() - 1, x));
        int cy = Math.max(0, Math.min(image.getHeight() - 1, y));
        return (pixels[cy * image.getWidth() + cx] >> shift) & 0xff;
    }

    /**
     * The boxes in reading order, grouped into rows: a box joins the row whose centre line it reaches (its centre
     * within half the row's mean height, or its own if smaller), rows top to bottom, boxes in a row left to right. Two columns printed side by
     * side make one row, as a page reading by Tesseract makes them.
     */
    List<List<TextBox>> rows() {
        var sorted = new ArrayList<>(boxes);
        sorted.sort(Comparator.comparingDouble(TextBox::cy));
        var rows = new ArrayList<List<TextBox>>();
        var centres = new ArrayList<double[]>(); // per row: sum of centres, count, sum of heights
        for (var box : sorted) {
            int joined = -1;
            for (int r = 0; r < rows.size() && joined < 0; r++) {
                var c = centres.get(r);
                if (Math.abs(box.cy() - c[0] / c[1]) <= Math.min(c[2] / c[1], box.height()) / 2) {
                    joined = r;
                }
            }
            if (joined < 0) {
                rows.add(new ArrayList<>());
                centres.add(new double[3]);
                joined = rows.size() - 1;
            }
            rows.get(joined).add(box);
            var c = centres.get(joined);
            c[0] += box.cy();
            c[1]++;
            c[2] += box.height();
        }
        rows.forEach(row -> row.sort(Comparator.comparingDouble(b -> b.bounds().x)));
        return rows;
    }
}

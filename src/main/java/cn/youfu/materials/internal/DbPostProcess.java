package cn.youfu.materials.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the text probability map of PaddleOCR's DB (differentiable binarisation) detector into boxes, as PaddleOCR's
 * own {@code DBPostProcess} does: pixels above {@code threshold} form regions (8-connected); each region's rectangle
 * of least area is kept when the region's mean probability reaches {@code boxThreshold}, then grown ("unclipped") by
 * {@code area × unclipRatio / perimeter} on every side, because the detector is trained on text regions shrunk by
 * that much. Pure and thread-safe.
 *
 * @param threshold    probability from which a pixel is text (PaddleOCR: 0.3)
 * @param boxThreshold mean probability a region needs to be kept (PaddleOCR: 0.6)
 * @param unclipRatio  how far a region is grown back (PaddleOCR: 1.5)
 * @param minSide      regions thinner than this (map pixels) are noise
 */
record DbPostProcess(double threshold, double boxThreshold, double unclipRatio, double minSide) {

    static final DbPostProcess PADDLE = new DbPostProcess(0.3, 0.6, 1.5, 3);

    /** The boxes of a {@code width} × {@code height} map (row by row), in the map's pixels. */
    List<TextBox> boxes(float[] probabilities, int width, int height) {
        var label = new int[width * height];
        var boxes = new ArrayList<TextBox>();
        var stack = new int[width * height];
        int next = 0;
        for (int start = 0; start < label.length; start++) {
            if (label[start] != 0 || probabilities[start] <= threshold) {
                continue;
            }
            next++;
            int size = region(probabilities, width, height, start, next, label, stack);
            var box = box(probabilities, stack, size, width);
            if (box != null) {
                boxes.add(box);
            }
        }
        return boxes;
    }

    /** Labels the region of {@code start} with {@code id}; its pixels end up in {@code pixels[0..size)}. */
    private int region(float[] p, int width, int height, int start, int id, int[] label, int[] pixels) {
        int size = 0;
        int top = 0;
        pixels[top++] = start;
        label[start] = id;
        while (size < top) {
            int at = pixels[size++];
            int x = at % width;
            int y = at / width;
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    int nx = x + dx;
                    int ny = y + dy;
                    if (nx >= 0 && ny >= 0 && nx < width && ny < height) {
                        int n = ny * width + nx;
                        if (label[n] == 0 && p[n] > threshold) {
                            label[n] = id;
                            pixels[top++] = n;
                        }
                    }
                }
            }
        }
        return size;
    }

    /** The grown rectangle of a region, or null when it is too thin or not text enough. */
    private TextBox box(float[] p, int[] pixels, int size, int width) {
        if (size < minSide * minSide) {
            return null;
        }
        double sum = 0;
        var points = new double[2 * size];
        for (int i = 0; i < size; i++) {
            sum += p[pixels[i]];
            points[2 * i] = pixels[i] % width;
            points[2 * i + 1] = pixels[i] / width;
        }
        var box = TextBox.enclosing(points);
        if (box.height() < minSide || sum / size < boxThreshold) {
            return null;
        }
        double area = box.length() * box.height();
        double perimeter = 2 * (box.length() + box.height());
        var grown = box.grown(area * unclipRatio / perimeter);
        return grown.height() < minSide + 2 ? null : grown;
    }
}

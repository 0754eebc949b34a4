package cn.youfu.materials.internal;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * PaddleOCR's PP-OCRv4 models for Chinese run in-process with ONNX Runtime: the text detector (DB), the text
 * direction classifier (0° or 180°) and the recogniser (SVTR-LCNet with CTC), with their character list. The models
 * ship in {@code src/main/resources/materials/ppocr/} (see the README there) and are loaded from the class path once;
 * nothing is downloaded. The pre-processing is PaddleOCR's own: the detector sees the image at most 960 px on its
 * longer side (sides multiples of 32), normalised by ImageNet's mean and deviation in BGR order; the classifier and
 * recogniser see a line 48 px high, grey levels mapped to [-1, 1], padded to at least 320 px. Thread-safe (ONNX
 * Runtime sessions may run concurrently); each call uses {@code threads} threads.
 */
final class PaddleOcr implements AutoCloseable {

    private static final String MODELS = "/materials/ppocr/";
    private static final int DETECTOR_SIDE = 960;
    private static final int LINE_HEIGHT = 48;
    private static final int MIN_LINE_WIDTH = 320;
    private static final int MAX_LINE_WIDTH = 3200;
    /** Lines read in one call at most. */
    private static final int BATCH = 8;
    /** How much wider than the narrowest of a batch its widest line may be. */
    private static final double BATCH_SPREAD = 1.3;
    private static final float[] DETECTOR_MEAN = {0.485f, 0.456f, 0.406f};
    private static final float[] DETECTOR_STD = {0.229f, 0.224f, 0.225f};

    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession detector;
    private final OrtSession classifier;
    private final OrtSession recogniser;
    private final CtcDecoder decoder;

    /** A line read: its characters, and how many pixels of the line image read one time step spans. */
    record LineReading(List<CtcDecoder.Glyph> glyphs, double pixelsPerStep) {
    }

    /** @param threads threads each model call may use (ONNX Runtime's intra-op threads) */
    PaddleOcr(int threads) {
        try (var options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            detector = env.createSession(bytes("ch_PP-OCRv4_det_infer.onnx"), options);
            classifier = env.createSession(bytes("ch_ppocr_mobile_v2.0_cls_infer.onnx"), options);
            recogniser = env.createSession(bytes("ch_PP-OCRv4_rec_infer.onnx"), options);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the bundled OCR models", e);
        }
        decoder = new CtcDecoder(classes());
    }

    CtcDecoder decoder() {
        return decoder;
    }

    /** The text lines on {@code image}, in its pixels. */
    List<TextBox> detect(BufferedImage image) {
        double scale = Math.min(1, (double) DETECTOR_SIDE / Math.max(image.getWidth(), image.getHeight()));
        int w = Math.max(32, (int) Math.round(image.getWidth() * scale / 32) * 32);
        int h = Math.max(32, (int) Math.round(image.getHeight() * scale / 32) * 32);
        var input = tensor(resized(image, w, h), DETECTOR_MEAN, DETECTOR_STD);
        var map = run(detector, input, new long[] {1, 3, h, w});
        double sx = (double) image.getWidth() / w;
        double sy = (double) image.getHeight() / h;
        var scaleBack = java.awt.geom.AffineTransform.getScaleInstance(sx, sy);
        return DbPostProcess.PADDLE.boxes(map.values(), w, h).stream().map(b -> b.transformed(scaleBack)).toList();
    }

    /** The probability that the line image {@code line} is upside down. */
    double upsideDown(BufferedImage line) {
        var probabilities = run(classifier, lineTensor(line, 192), new long[] {1, 3, LINE_HEIGHT, 192}).values();
        return probabilities[1];
    }

    /**
     * Reads a line image (text running left to right).
     *
     * @param allowed the classes that may be read ({@link CtcDecoder#only}), or null for any
     */
    LineReading recognise(BufferedImage line, IntPredicate allowed) {
        return recognise(List.of(line), allowed).get(0);
    }

    /**
     * Reads line images, several at a time: lines of similar width (within {@link #BATCH_SPREAD} of each other) go
     * through the recogniser together, right-padded to the widest, which costs less than one call each.
     *
     * @return the readings in the order of {@code lines}
     */
    List<LineReading> recognise(List<BufferedImage> lines, IntPredicate allowed) {
        var widths = new int[lines.size()];
        var order = new ArrayList<Integer>();
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i);
            widths[i] = Math.min(MAX_LINE_WIDTH,
                    (int) Math.ceil(LINE_HEIGHT * (double) line.getWidth() / line.getHeight()));
            order.add(i);
        }
        order.sort(java.util.Comparator.comparingInt(i -> widths[i]));
        var readings = new LineReading[lines.size()];
        int from = 0;
        while (from < order.size()) {
            int to = from + 1;
            while (to < order.size() && to - from < BATCH && widths[order.get(to)] <= BATCH_SPREAD
                    * Math.max(MIN_LINE_WIDTH, widths[order.get(from)])) {
                to++;
            }
            var batch = order.subList(from, to);
            var read = recogniseBatch(batch.stream().map(lines::get).toList(),
                    batch.stream().mapToInt(i -> widths[i]).toArray(), allowed);
            for (int k = 0; k < batch.size(); k++) {
                readings[batch.get(k)] = read.get(k);
            }
            from = to;
        }
        return List.of(readings);
    }

    private List<LineReading> recogniseBatch(List<BufferedImage> lines, int[] widths, IntPredicate allowed) {
        int n = lines.size();
        int padded = Math.max(MIN_LINE_WIDTH, (java.util.Arrays.stream(widths).max().orElse(0) + 7) / 8 * 8);
        int size = 3 * LINE_HEIGHT * padded;
        var input = new float[n * size];
        for (int k = 0; k < n; k++) {
            var one = new float[size];
            fillLine(resized(lines.get(k), Math.max(1, widths[k]), LINE_HEIGHT), one, padded);
            System.arraycopy(one, 0, input, k * size, size);
        }
        var out = run(recogniser, input, new long[] {n, 3, LINE_HEIGHT, padded});
        int steps = (int) out.shape()[1];
        int classes = (int) out.shape()[2];
        var readings = new ArrayList<LineReading>();
        for (int k = 0; k < n; k++) {
            var probabilities = java.util.Arrays.copyOfRange(out.values(), k * steps * classes,
                    (k + 1) * steps * classes);
            double pixelsPerStep = (double) padded / steps * lines.get(k).getHeight() / LINE_HEIGHT;
            readings.add(new LineReading(decoder.decode(probabilities, steps, allowed), pixelsPerStep));
        }
        return readings;
    }

    private record Output(float[] values, long[] shape) {
    }

    private Output run(OrtSession session, float[] data, long[] shape) {
        if (Thread.currentThread().isInterrupted()) {
            throw new OcrFailed("the reading was stopped", null);
        }
        try (var tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(data), shape);
             var result = session.run(Map.of(session.getInputNames().iterator().next(), tensor))) {
            var out = (OnnxTensor) result.get(0);
            var buffer = out.getFloatBuffer();
            var values = new float[buffer.remaining()];
            buffer.get(values);
            return new Output(values, out.getInfo().getShape());
        } catch (OrtException e) {
            throw new OcrFailed("the OCR model failed: " + e.getMessage(), e);
        }
    }

    /** A line image for the classifier, {@code width} wide, right-padded. */
    private static float[] lineTensor(BufferedImage line, int width) {
        int w = Math.max(1, Math.min(width, (int) Math.ceil(LINE_HEIGHT * (double) line.getWidth() / line.getHeight())));
        var input = new float[3 * LINE_HEIGHT * width];
        fillLine(resized(line, w, LINE_HEIGHT), input, width);
        return input;
    }

    /** Writes {@code image} into the CHW tensor {@code input} of {@code width} columns, BGR, as (v / 255 − 0.5) / 0.5. */
    private static void fillLine(BufferedImage image, float[] input, int width) {
        int w = image.getWidth();
        int h = image.getHeight();
        var rgb = image.getRGB(0, 0, w, h, null, 0, w);
        int plane = h * width;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = rgb[y * w + x];
                int at = y * width + x;
                input[at] = (p & 0xff) / 127.5f - 1;
                input[plane + at] = ((p >> 8) & 0xff) / 127.5f - 1;
                input[2 * plane + at] = ((p >> 16) & 0xff) / 127.5f - 1;
            }
        }
    }

    /** The CHW tensor of {@code image}, BGR, as (v / 255 − mean) / std per channel. */
    private static float[] tensor(BufferedImage image, float[] mean, float[] std) {
        int w = image.getWidth();
        int h = image.getHeight();
        var rgb = image.getRGB(0, 0, w, h, null, 0, w);
        int plane = w * h;
        var input = new float[3 * plane];
        for (int i = 0; i < plane; i++) {
            int p = rgb[i];
            input[i] = ((p & 0xff) / 255f - mean[0]) / std[0];
            input[plane + i] = (((p >> 8) & 0xff) / 255f - mean[1]) / std[1];
            input[2 * plane + i] = (((p >> 16) & 0xff) / 255f - mean[2]) / std[2];
        }
        return input;
    }

    /** {@code image} scaled to {@code w} × {@code h} (bilinear; area-averaged steps when shrinking much). */
    static BufferedImage resized(BufferedImage image, int w, int h) {
        if (image.getWidth() == w && image.getHeight() == h && image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        var source = image;
        while (source.getWidth() / 2 >= w && source.getHeight() / 2 >= h) {
            source = draw(source, source.getWidth() / 2, source.getHeight() / 2);
        }
        return draw(source, w, h);
    }

    private static BufferedImage draw(BufferedImage image, int w, int h) {
        var out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    private static byte[] bytes(String name) {
        try (InputStream in = PaddleOcr.class.getResourceAsStream(MODELS + name)) {
            return Objects.requireNonNull(in, MODELS + name + " is not on the class path").readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The recogniser's classes: the blank, the characters of {@code ppocr_keys_v1.txt} in order, and a space. */
    private static List<String> classes() {
        var classes = new ArrayList<String>();
        classes.add("");
        for (var line : new String(bytes("ppocr_keys_v1.txt"), StandardCharsets.UTF_8).split("\n")) {
            classes.add(line.replace("\r", ""));
        }
        if (classes.get(classes.size() - 1).isEmpty()) {
            classes.remove(classes.size() - 1);
        }
        classes.add(" ");
        return classes;
    }

    @Override
    public void close() {
        try {
            detector.close();
            classifier.close();
            recogniser.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }
}

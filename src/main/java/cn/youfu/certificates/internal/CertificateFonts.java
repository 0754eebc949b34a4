package cn.youfu.certificates.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The bundled CJK font, WenQuanYi Micro Hei (TrueType outlines; Apache-2.0, see {@code fonts/wqy-microhei/}), so
 * that certificates print Chinese on any machine without installing anything. It is the upstream font without its
 * TrueType hinting (instructions for rasterising at small pixel sizes, which PDF viewers and printers scale past),
 * which was a quarter of every embedded subset and so of every certificate's bytes ({@code MODIFIED.txt} there).
 *
 * <p>Parsing the 4.5 MB font takes a few hundred milliseconds, so it is done once at start-up and the parsed font
 * is reused. A parsed font is not safe for concurrent use (its tables are read lazily from one buffer), so renders
 * borrow one from a small pool: one per core at most, the second and later parsed only when renders overlap.
 */
@Component
class CertificateFonts implements DisposableBean {

    static final String RESOURCE = "fonts/wqy-microhei/wqy-microhei-unhinted.ttf";
    static final String NAME = "WenQuanYiMicroHei";

    private final byte[] file;
    private final int max;
    private final BlockingQueue<TrueTypeFont> idle;
    private final List<TrueTypeFont> parsed = new ArrayList<>();

    CertificateFonts() {
        try (var in = new ClassPathResource(RESOURCE).getInputStream()) {
            file = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled font " + RESOURCE + " is missing from the class path", e);
        }
        max = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        idle = new ArrayBlockingQueue<>(max);
        idle.add(parse());
    }

    /** A font for one render; give it back with {@link #release}. Waits when every parsed font is in use. */
    TrueTypeFont borrow() {
        var font = idle.poll();
        if (font != null) {
            return font;
        }
        synchronized (this) {
            if (parsed.size() < max) {
                return parse();
            }
        }
        try {
            return idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the certificate font", e);
        }
    }

    void release(TrueTypeFont font) {
        idle.offer(font);
    }

    private synchronized TrueTypeFont parse() {
        try {
            var font = new TTFParser().parse(new RandomAccessReadBuffer(file));
            parsed.add(font);
            if (!NAME.equals(font.getName())) {
                throw new IllegalStateException(RESOURCE + " is " + font.getName() + ", not " + NAME);
            }
            font.getUnicodeCmapLookup(); // read the tables every render needs now, not on the first certificate
            return font;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled font " + RESOURCE, e);
        }
    }

    @Override
    public synchronized void destroy() throws IOException {
        for (var font : parsed) {
            font.close();
        }
    }
}

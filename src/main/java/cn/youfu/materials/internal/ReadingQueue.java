package cn.youfu.materials.internal;

import cn.youfu.documents.Documents;
import cn.youfu.materials.ExtractedField;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Reads materials off the request thread: a fixed pool of readers with a bounded queue. {@link #offer} never blocks
 * and never loses a material: when the queue is full the material simply stays PENDING in the database, where the
 * sweep ({@link PendingReadings}) finds it. A reading claims its row first (PENDING → READING), so that a material
 * is read by one reader at a time across instances.
 */
@Component
class ReadingQueue implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReadingQueue.class);

    private final MaterialStore store;
    private final Documents documents;
    private final MaterialReader reader;
    private final MaterialTypes types;
    private final Clock clock;
    private final ThreadPoolExecutor executor;

    ReadingQueue(MaterialStore store, Documents documents, MaterialsSettings settings,
                 MaterialTypes types, Clock clock) {
        this.store = store;
        this.documents = documents;
        this.reader = new MaterialReader(new Tesseract(settings.tesseract(), settings.ocrTimeout()),
                settings.minConfidence());
        this.types = types;
        this.clock = clock;
        this.executor = new ThreadPoolExecutor(settings.readers(), settings.readers(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(settings.queueCapacity()), runnable -> {
                    var thread = new Thread(runnable, "material-reader");
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    /** Queues the reading of a stored PENDING material; false when the queue is full (it stays PENDING). */
    boolean offer(UUID id) {
        try {
            executor.execute(() -> {
                if (store.claim(id, clock.instant())) {
                    readClaimed(id);
                }
            });
            return true;
        } catch (RejectedExecutionException full) {
            log.info("Reading queue full: material {} stays PENDING for the sweep", id);
            return false;
        }
    }

    /** Reads a material this instance has claimed (state READING) and records the outcome. */
    void readClaimed(UUID id) {
        long started = System.nanoTime();
        try {
            var type = store.typeOf(id);
            var extractor = types.find(type).orElseThrow(() -> new IllegalStateException("no reader for " + type));
            var document = documents.find(store.documentOf(id)).orElseThrow(() -> new IllegalStateException(
                    "the stored file is missing from the e-document library"));
            var image = image(document.bytes(), document.mediaType());
            Map<String, ExtractedField> fields = reader.read(image, extractor);
            store.read(id, fields, (System.nanoTime() - started) / 1e9, clock.instant());
        } catch (IOException | RuntimeException e) { // Tesseract.OcrFailed included
            log.warn("Material {} could not be read: {}", id, e.toString());
            store.failed(id, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(),
                    clock.instant());
        }
    }

    /** The picture to read: the image itself, or a PDF's first page rendered at 200 dpi in grey. */
    static BufferedImage image(byte[] bytes, String mediaType) throws IOException {
        if (UploadCheck.PDF.equals(mediaType)) {
            try (var pdf = Loader.loadPDF(bytes)) {
                return new PDFRenderer(pdf).renderImageWithDPI(0, 200, ImageType.RGB);
            }
        }
        var image = ImageIO.read(new ByteArrayInputStream(bytes));
        if (image == null) {
            throw new IOException("not a readable image");
        }
        return image;
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}

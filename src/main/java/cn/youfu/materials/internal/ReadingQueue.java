package cn.youfu.materials.internal;

import cn.youfu.documents.Documents;
import cn.youfu.materials.ExtractedField;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Reads materials off the request thread: a fixed pool of readers (as many as the machine has cores, by default)
 * with a bounded queue, served in the order uploaded. {@link #offer} never blocks and never loses a material: when
 * the queue is full the material simply stays PENDING in the database, where the sweep ({@link PendingReadings})
 * finds it. A reading claims its row first (PENDING → READING), so that a material is read by one reader at a time
 * across instances.
 *
 * <p>A reading is bounded: the file's pixels and pages ({@link Pictures}) before anything is decoded, and its time
 * ({@code reading-timeout}) — it runs on a worker thread that the reader waits for; when the time is up the worker is
 * interrupted and the material is FAILED with the reason. Whatever a file does (an error, running out of memory), its
 * material ends FAILED with the reason and the reader goes on to the next.
 */
@Component
class ReadingQueue implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReadingQueue.class);

    private final MaterialStore store;
    private final Documents documents;
    private final MaterialTypes types;
    private final Clock clock;
    private final Duration timeout;
    private final Pictures pictures;
    private final CompletableFuture<FieldReader> reader;
    private final ThreadPoolExecutor executor;
    private final ExecutorService workers = Executors.newCachedThreadPool(daemon("material-reading-work"));

    ReadingQueue(MaterialStore store, Documents documents, MaterialsSettings settings,
                 MaterialTypes types, Clock clock) {
        this.store = store;
        this.documents = documents;
        this.types = types;
        this.clock = clock;
        this.timeout = settings.readingTimeout();
        this.pictures = new Pictures(settings.maxPixels(), settings.maxPdfPages());
        // the models load in the background (a second or two) so that start-up does not wait for them
        this.reader = CompletableFuture.supplyAsync(() -> engine(settings), workers);
        int readers = settings.readerThreads();
        this.executor = new ThreadPoolExecutor(readers, readers, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(settings.queueCapacity()), daemon("material-reader"),
                new ThreadPoolExecutor.AbortPolicy());
    }

    private static FieldReader engine(MaterialsSettings settings) {
        return switch (settings.engine()) {
            case PADDLE -> new PaddleReader(new PaddleOcr(1));
            case TESSERACT -> new MaterialReader(new Tesseract(settings.tesseract(), settings.ocrTimeout()),
                    settings.minConfidence());
        };
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            var thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
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

    /** Reads a material this instance has claimed (state READING), within the time allowed, and records the outcome. */
    void readClaimed(UUID id) {
        long started = System.nanoTime();
        try {
            var outcome = BoundedReading.run(workers, timeout, () -> fields(id));
            if (outcome.value() != null) {
                store.read(id, outcome.value(), (System.nanoTime() - started) / 1e9, clock.instant());
            } else {
                log.warn("Material {} could not be read: {}", id, outcome.reason());
                store.failed(id, outcome.reason(), clock.instant());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // shutting down: the claim goes stale and the sweep reads it again
        }
    }

    private Map<String, ExtractedField> fields(UUID id) throws Exception {
        var type = store.typeOf(id);
        var extractor = types.find(type).orElseThrow(() -> new IllegalStateException("no reader for " + type));
        var document = documents.find(store.documentOf(id)).orElseThrow(() -> new IllegalStateException(
                "the stored file is missing from the e-document library"));
        var image = pictures.read(document.bytes(), document.mediaType());
        return reader.get().read(image, extractor);
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
        workers.shutdownNow();
    }
}

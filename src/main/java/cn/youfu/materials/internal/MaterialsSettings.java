package cn.youfu.materials.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxSize        the largest upload accepted
 * @param maxPixels      the most pixels an image may declare (width × height): more is refused unread, so that a
 *                       small file cannot unpack into gigabytes (a decompression bomb)
 * @param maxPdfPages    a PDF with more pages is refused (only its first page is read)
 * @param engine         the OCR engine that reads materials: PaddleOCR's models in-process (default) or Tesseract
 * @param tesseract      the OCR command (engine {@code tesseract})
 * @param ocrTimeout     how long one Tesseract run may take before it is ended
 * @param readingTimeout how long the reading of one material may take in all; then it is FAILED with that reason
 * @param readers        threads that read materials off the request thread; 0: as many as the machine has cores
 * @param queueCapacity  readings that may wait for a reader; beyond it an upload stays PENDING for the sweep
 * @param sweepInterval  how often PENDING readings (and READING ones abandoned for {@code staleAfter}) are picked up
 * @param staleAfter     a READING claim older than this is taken to be lost (its instance stopped) and read again
 * @param maxAttempts    readings tried this often without finishing are marked FAILED
 * @param minConfidence  below it a field is not relied on: the application goes to an officer
 */
@ConfigurationProperties("youfu.materials")
record MaterialsSettings(@DefaultValue("10MB") DataSize maxSize, @DefaultValue("40000000") long maxPixels,
                         @DefaultValue("10") int maxPdfPages, @DefaultValue("paddle") Engine engine,
                         @DefaultValue("tesseract") String tesseract, @DefaultValue("60s") Duration ocrTimeout,
                         @DefaultValue("30s") Duration readingTimeout,
                         @DefaultValue("0") int readers, @DefaultValue("32") int queueCapacity,
                         @DefaultValue("5s") Duration sweepInterval, @DefaultValue("5m") Duration staleAfter,
                         @DefaultValue("3") int maxAttempts, @DefaultValue("0.85") double minConfidence) {

    /** The OCR engines Youfu can read materials with. */
    enum Engine {
        /** PaddleOCR PP-OCRv4 (detection, direction, recognition) in ONNX Runtime, in-process. */
        PADDLE,
        /** The {@code tesseract} command with the bundled simplified-Chinese model. */
        TESSERACT
    }

    /** The reading threads: as configured, or as many as the machine has cores. */
    int readerThreads() {
        return readers > 0 ? readers : Runtime.getRuntime().availableProcessors();
    }
}

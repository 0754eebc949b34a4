package cn.youfu.materials.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxSize        the largest upload accepted
 * @param maxPixels      the most pixels an image may declare (width × height): more is refused unread, so that a
 *                       small file cannot unpack into gigabytes (a decompression bomb)
 * @param tesseract      the OCR command
 * @param ocrTimeout     how long one OCR run may take before it is ended
 * @param readers        threads that read materials off the request thread
 * @param queueCapacity  readings that may wait for a reader; beyond it an upload stays PENDING for the sweep
 * @param sweepInterval  how often PENDING readings (and READING ones abandoned for {@code staleAfter}) are picked up
 * @param staleAfter     a READING claim older than this is taken to be lost (its instance stopped) and read again
 * @param maxAttempts    readings tried this often without finishing are marked FAILED
 * @param minConfidence  below it a field is not relied on: the application goes to an officer
 */
@ConfigurationProperties("youfu.materials")
record MaterialsSettings(@DefaultValue("10MB") DataSize maxSize, @DefaultValue("40000000") long maxPixels,
                         @DefaultValue("tesseract") String tesseract, @DefaultValue("60s") Duration ocrTimeout,
                         @DefaultValue("1") int readers, @DefaultValue("32") int queueCapacity,
                         @DefaultValue("5s") Duration sweepInterval, @DefaultValue("5m") Duration staleAfter,
                         @DefaultValue("3") int maxAttempts, @DefaultValue("0.85") double minConfidence) {
}

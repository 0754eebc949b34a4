package cn.youfu.documents;

import java.time.Instant;

/**
 * A document as the library keeps it.
 *
 * @param id        its SM3 fingerprint as recorded when it was stored
 * @param bytes     the stored bytes (a copy the caller may keep)
 * @param mediaType the media type given when it was first stored, e.g. {@code application/pdf}
 * @param size      the number of bytes recorded when it was stored
 * @param storedAt  when it was first stored
 */
public record StoredDocument(DocumentId id, byte[] bytes, String mediaType, long size, Instant storedAt) {
}

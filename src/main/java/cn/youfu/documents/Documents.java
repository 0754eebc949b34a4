package cn.youfu.documents;

import java.util.Optional;

/**
 * The trusted e-document library. Content-addressed: a document's id is the SM3 hash of its bytes. Nothing stored is
 * ever changed or removed.
 */
public interface Documents {

    /**
     * Stores {@code bytes} (in the caller's transaction when there is one) and returns their id. Storing bytes that
     * are already stored keeps the one existing copy, with its first media type and time, and returns the same id.
     *
     * @param bytes     the content, not null, may be empty
     * @param mediaType e.g. {@code application/pdf}; not blank
     */
    DocumentId store(byte[] bytes, String mediaType);

    /** The document whose SM3 hash is {@code sm3} (64 hex digits); empty when none is stored or the id is malformed. */
    Optional<StoredDocument> find(String sm3);

    /**
     * Whether the document {@code sm3} is stored and its stored bytes still hash (SM3, recomputed now) to its id and
     * have the recorded size. False when it is missing or was altered behind the library's back.
     */
    boolean intact(String sm3);
}

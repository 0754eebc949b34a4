package cn.youfu.materials;

import cn.youfu.identity.CurrentUser;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The uploaded materials and their readings, for other modules: the approval module's policies read the fields, the
 * web pages upload and show them.
 */
public interface Materials {

    /** The material codes that can be read, e.g. {@code id-card-front}, {@code business-licence}. */
    Set<String> readableTypes();

    /**
     * Checks and stores an upload by {@code user} and queues its reading, as {@code POST /api/v1/materials} does.
     *
     * @param type         a code of {@link #readableTypes()}
     * @param declaredType the media type the client sent, or null; a content that contradicts it is refused
     * @param filename     the client's file name, or null (never trusted for the type)
     * @return the stored material, PENDING
     * @throws cn.youfu.platform.ProblemException when refused (unknown material, empty, too large, not JPEG, PNG or
     *                                            PDF by content, too many pixels, encrypted or malformed PDF, a
     *                                            content that is not the declared type); nothing is stored then
     */
    MaterialReading upload(CurrentUser user, String type, byte[] bytes, String declaredType, String filename);

    /** The largest upload accepted, in bytes. */
    long maxSize();

    /** The material with id {@code id} (a UUID in text); empty when there is none or the id is malformed. */
    Optional<MaterialReading> find(String id);

    /**
     * Whether {@code user} may see the material and its file: its uploader, officers and legal reviewers of the
     * department of a case it was submitted with, supervisors and administrators.
     */
    boolean mayView(CurrentUser user, MaterialReading material);

    /** The uploaded file, when {@code user} {@linkplain #mayView may see it}; else empty (as when there is none). */
    Optional<MaterialFile> file(String id, CurrentUser user);

    /** An uploaded file's bytes and media type ({@code image/jpeg}, {@code image/png} or {@code application/pdf}). */
    record MaterialFile(byte[] bytes, String mediaType) {
    }

    /**
     * The material, waiting up to {@code patience} for its reading to finish (it may still be PENDING or READING
     * when the wait ends).
     */
    Optional<MaterialReading> awaitReading(String id, Duration patience);

    /**
     * Records that the material was submitted with case {@code caseReference} of {@code department} (in the caller's
     * transaction): that department's officers may then see it.
     */
    void attach(String id, String caseReference, String department);

    /** The confidence below which a field is not relied on (a person looks), 0–1. */
    double minConfidence();
}

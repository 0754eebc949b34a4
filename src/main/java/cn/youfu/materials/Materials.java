package cn.youfu.materials;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** The uploaded materials and their readings, for other modules (the approval module's policies). */
public interface Materials {

    /** The material codes that can be read, e.g. {@code id-card-front}, {@code business-licence}. */
    Set<String> readableTypes();

    /** The material with id {@code id} (a UUID in text); empty when there is none or the id is malformed. */
    Optional<MaterialReading> find(String id);

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

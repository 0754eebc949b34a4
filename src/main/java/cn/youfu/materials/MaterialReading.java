package cn.youfu.materials;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An uploaded material and what was read on it.
 *
 * @param type          the material's code, e.g. {@code id-card-front}, {@code business-licence}
 * @param mediaType     detected from the content: {@code image/jpeg}, {@code image/png} or {@code application/pdf}
 * @param documentSm3   the bytes' SM3 in the e-document library
 * @param ownerUsername who uploaded it (the token's subject)
 * @param fields        by field name, in the material's order; empty until {@link ReadingState#READ}
 * @param failure       why it could not be read ({@link ReadingState#FAILED}), else null
 * @param readAt        when the reading finished, else null
 */
public record MaterialReading(UUID id, String type, String mediaType, String documentSm3, String ownerUsername,
                              ReadingState state, Map<String, ExtractedField> fields, String failure,
                              Instant uploadedAt, Instant readAt) {

    /** Whether the reading is over (read or failed). */
    public boolean finished() {
        return state == ReadingState.READ || state == ReadingState.FAILED;
    }
}

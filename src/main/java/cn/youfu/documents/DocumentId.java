package cn.youfu.documents;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A document's identity: the SM3 hash of its bytes, 64 lower-case hex digits.
 *
 * @param sm3 the hash in lower-case hex; upper case is accepted and lowered
 */
public record DocumentId(String sm3) {

    private static final Pattern HEX_256 = Pattern.compile("[0-9a-f]{64}");

    public DocumentId {
        if (sm3 == null || !HEX_256.matcher(sm3 = sm3.toLowerCase(Locale.ROOT)).matches()) {
            throw new IllegalArgumentException("an SM3 document id is 64 hex digits, got " + sm3);
        }
    }

    /** The id in {@code sm3}, or empty when it is not 64 hex digits. */
    public static java.util.Optional<DocumentId> parse(String sm3) {
        return sm3 != null && HEX_256.matcher(sm3.toLowerCase(Locale.ROOT)).matches()
                ? java.util.Optional.of(new DocumentId(sm3)) : java.util.Optional.empty();
    }

    @Override
    public String toString() {
        return sm3;
    }
}

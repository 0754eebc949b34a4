package cn.youfu.sources;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a data source said about one key.
 *
 * <p>{@link Status#FOUND} has a {@code value}; {@link Status#NOT_FOUND} means the source answered and holds nothing
 * for the key (for sources that answer lists: nothing at all); {@link Status#UNAVAILABLE} means the source could not
 * be asked (down, too slow, switched off) and {@code reason} says why — the caller must not decide on it.
 *
 * <p>{@code sm3} is the SM3 hash (64 lower-case hex digits) of the answer's canonical JSON: an object with the keys
 * {@code fetched_at} (ISO-8601 instant, milliseconds), {@code key}, {@code reason}, {@code source}, {@code status}
 * and {@code value} (the record with snake_case field names, dates {@code yyyy-MM-dd}), every object's keys sorted,
 * no white space. A ledger entry that stores the hash pins exactly what the decision saw.
 *
 * @param source    the source's name, e.g. {@code population}
 * @param key       what was looked up (an ID number or credit code: personal data, mask it before showing)
 * @param status    found, not found or unavailable
 * @param value     the record(s) when found, otherwise null
 * @param reason    why the source is unavailable (English, for operators); null otherwise
 * @param fetchedAt when the source answered (a cached answer keeps its original time)
 * @param sm3       the hash described above
 * @param <T>       the record, or a list of records for sources that hold several per key
 */
public record SourceAnswer<T>(String source, String key, Status status, T value, String reason, Instant fetchedAt,
                              String sm3) {

    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    public enum Status {
        FOUND, NOT_FOUND, UNAVAILABLE
    }

    public SourceAnswer {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        if ((status == Status.FOUND) != (value != null)) {
            throw new IllegalArgumentException("a value is present exactly when the status is FOUND");
        }
        if ((status == Status.UNAVAILABLE) != (reason != null)) {
            throw new IllegalArgumentException("a reason is present exactly when the status is UNAVAILABLE");
        }
        if (sm3 == null || !HEX64.matcher(sm3).matches()) {
            throw new IllegalArgumentException("sm3 must be 64 lower-case hex digits");
        }
    }

    public boolean found() {
        return status == Status.FOUND;
    }

    public boolean notFound() {
        return status == Status.NOT_FOUND;
    }

    public boolean unavailable() {
        return status == Status.UNAVAILABLE;
    }
}

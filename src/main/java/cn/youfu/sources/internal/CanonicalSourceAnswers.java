package cn.youfu.sources.internal;

import cn.youfu.platform.Sm3;
import cn.youfu.sources.SourceAnswer;
import cn.youfu.sources.SourceAnswer.Status;
import cn.youfu.sources.SourceAnswers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import org.springframework.stereotype.Component;

/** Makes answers stamped with the clock's time (milliseconds) and the SM3 hash of their canonical JSON. */
@Component
class CanonicalSourceAnswers implements SourceAnswers {

    private final Clock clock;

    CanonicalSourceAnswers(Clock clock) {
        this.clock = clock;
    }

    @Override
    public <T> SourceAnswer<T> found(String source, String key, T value) {
        return answer(source, key, Status.FOUND, value, null);
    }

    @Override
    public <T> SourceAnswer<T> notFound(String source, String key) {
        return answer(source, key, Status.NOT_FOUND, null, null);
    }

    @Override
    public <T> SourceAnswer<T> unavailable(String source, String key, String reason) {
        return answer(source, key, Status.UNAVAILABLE, null, reason);
    }

    private <T> SourceAnswer<T> answer(String source, String key, Status status, T value, String reason) {
        Instant at = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        return new SourceAnswer<>(source, key, status, value, reason, at, hash(source, key, status, value, reason, at));
    }

    /** The canonical JSON described on {@link SourceAnswer}. */
    static String canonicalJson(SourceAnswer<?> answer) {
        return canonicalJson(answer.source(), answer.key(), answer.status(), answer.value(), answer.reason(),
                answer.fetchedAt());
    }

    private static String canonicalJson(String source, String key, Status status, Object value, String reason,
                                        Instant at) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("fetched_at", at.toString());
        fields.put("key", key);
        fields.put("reason", reason);
        fields.put("source", source);
        fields.put("status", status.name());
        fields.put("value", value);
        return SourceJson.MAPPER.writeValueAsString(fields);
    }

    private static String hash(String source, String key, Status status, Object value, String reason, Instant at) {
        return Sm3.hex(canonicalJson(source, key, status, value, reason, at).getBytes(StandardCharsets.UTF_8));
    }
}

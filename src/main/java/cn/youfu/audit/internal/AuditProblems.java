package cn.youfu.audit.internal;

import cn.youfu.platform.ProblemException;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The audit module's named failures. */
final class AuditProblems extends ProblemException {

    private AuditProblems(HttpStatus status, String code, Object[] arguments, Map<String, Object> properties) {
        super(status, code, arguments, properties);
    }

    /** Nothing was ever recorded under this case reference or subject key. */
    /** No checkpoint of this id (or none yet, for the head). */
    static AuditProblems noCheckpoint(String which) {
        return new AuditProblems(HttpStatus.NOT_FOUND, "audit-checkpoint-unknown", new Object[] {which},
                Map.of("checkpoint", which));
    }

    static AuditProblems unknownStream(String stream) {
        return new AuditProblems(HttpStatus.NOT_FOUND, "audit-stream-unknown", new Object[] {stream},
                Map.of("stream", stream));
    }
}

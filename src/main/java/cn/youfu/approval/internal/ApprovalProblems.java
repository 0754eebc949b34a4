package cn.youfu.approval.internal;

import cn.youfu.approval.InvalidForm;
import cn.youfu.platform.ProblemException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

final class ApprovalProblems extends ProblemException {

    private ApprovalProblems(HttpStatus status, String code, Object[] arguments, Map<String, Object> properties) {
        super(status, code, arguments, properties);
    }

    /** One or more form fields are wrong; {@code errors} lists each with its message. */
    static InvalidForm invalidForm(String item, List<Map<String, String>> errors) {
        return new InvalidForm(item, errors);
    }

    /** A resident applying for an enterprise's item, or the reverse. */
    static ApprovalProblems wrongApplicant(String item, String expected) {
        return new ApprovalProblems(HttpStatus.FORBIDDEN, "wrong-applicant",
                new Object[] {item, "enterprise".equals(expected) ? 1 : 0},
                Map.of("item", item, "applicant", expected));
    }

    /** Too many applications are being decided at once: try again shortly (nothing was created). */
    static ApprovalProblems busy(int retryAfterSeconds) {
        return new ApprovalProblems(HttpStatus.SERVICE_UNAVAILABLE, "busy", new Object[] {retryAfterSeconds},
                Map.of(cn.youfu.platform.Problems.RETRY_AFTER, retryAfterSeconds));
    }

    /** The same Idempotency-Key was used before for a different request. */
    static ApprovalProblems keyReused(String key) {
        return new ApprovalProblems(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", new Object[] {key},
                Map.of("idempotencyKey", key));
    }
}

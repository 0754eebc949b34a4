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

    /** The same Idempotency-Key was used before for a different request. */
    static ApprovalProblems keyReused(String key) {
        return new ApprovalProblems(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", new Object[] {key},
                Map.of("idempotencyKey", key));
    }
}

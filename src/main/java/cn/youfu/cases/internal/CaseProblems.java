package cn.youfu.cases.internal;

import cn.youfu.identity.Role;
import cn.youfu.platform.InvalidParameterException;
import cn.youfu.platform.ProblemException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;

/** The case engine's named refusals. */
final class CaseProblems extends ProblemException {

    private CaseProblems(HttpStatus status, String code, Object[] arguments, Map<String, Object> properties) {
        super(status, code, arguments, properties);
    }

    /** No such case, or not one the caller may see: the same answer, so that others' cases are not revealed. */
    static CaseProblems notFound(String reference) {
        return new CaseProblems(HttpStatus.NOT_FOUND, "case-not-found", new Object[] {reference},
                Map.of("reference", reference));
    }

    static CaseProblems closed(String reference, String state) {
        return new CaseProblems(HttpStatus.CONFLICT, "case-closed", new Object[] {reference, state},
                Map.of("reference", reference, "currentState", state, "allowedActions", List.of()));
    }

    static CaseProblems notAllowed(String reference, String state, String action, List<String> allowed) {
        return new CaseProblems(HttpStatus.CONFLICT, "transition-not-allowed",
                new Object[] {action, state, allowed.isEmpty() ? "—" : String.join(", ", allowed)},
                Map.of("reference", reference, "action", action, "currentState", state, "allowedActions", allowed));
    }

    static CaseProblems roleMayNot(String reference, String action, Set<Role> roles) {
        var names = roles.stream().map(Role::claim).sorted().toList();
        return new CaseProblems(HttpStatus.FORBIDDEN, "role-may-not", new Object[] {action, String.join(", ", names)},
                Map.of("reference", reference, "action", action, "allowedRoles", names));
    }

    static InvalidParameterException reasonRequired(String action) {
        return InvalidParameterException.because("comment", "reason-required", action);
    }

    static CaseProblems extensionsUsed(String reference, int times) {
        return new CaseProblems(HttpStatus.CONFLICT, "extensions-used", new Object[] {times},
                Map.of("reference", reference));
    }

    /** An action the law allows once (a request to supplement the materials is made once and in full). */
    static CaseProblems onlyOnce(String reference, String action, String basis) {
        return new CaseProblems(HttpStatus.CONFLICT, "action-only-once", new Object[] {action, basisOf(basis)},
                Map.of("reference", reference, "action", action));
    }

    /** An action the law allows only so long after the case was received, asked for after that. */
    static CaseProblems tooLate(String reference, String action, java.time.LocalDate received,
                                java.time.LocalDate lastDay, String basis) {
        return new CaseProblems(HttpStatus.CONFLICT, "action-too-late",
                new Object[] {action, received.toString(), lastDay.toString(), basisOf(basis)},
                Map.of("reference", reference, "action", action, "receivedOn", received.toString(),
                        "lastDay", lastDay.toString()));
    }

    /** An extension asked for after the deadline it would extend has passed. */
    static CaseProblems extensionTooLate(String reference, java.time.LocalDate deadline) {
        return new CaseProblems(HttpStatus.CONFLICT, "extension-too-late", new Object[] {deadline.toString()},
                Map.of("reference", reference, "statutoryDeadline", deadline.toString()));
    }

    static InvalidParameterException expectedDurationRequired(String action) {
        return InvalidParameterException.because("expectedDays", "expected-duration-required", action);
    }

    private static String basisOf(String basis) {
        return basis == null ? "—" : basis;
    }

    /** Someone else changed the case between our read and our write: nothing of ours was applied. */
    static CaseProblems changedMeanwhile(String reference) {
        return new CaseProblems(HttpStatus.CONFLICT, "case-changed", new Object[] {reference},
                Map.of("reference", reference));
    }

    static InvalidParameterException unknownType(String type, List<String> known) {
        return InvalidParameterException.because("type", "unknown-case-type", type, String.join(", ", known));
    }

    static InvalidParameterException notDirectlyCreatable(String type) {
        return InvalidParameterException.because("type", "not-directly-creatable", type);
    }
}

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

    /** Staff act on their own department's cases only. */
    static CaseProblems notYourDepartment(String reference, String department) {
        return new CaseProblems(HttpStatus.FORBIDDEN, "not-your-department", new Object[] {department},
                Map.of("reference", reference, "department", department));
    }

    /** Staff open cases for their own department only. */
    static CaseProblems notYourDepartment(String department) {
        return new CaseProblems(HttpStatus.FORBIDDEN, "not-your-department", new Object[] {department},
                Map.of("department", department));
    }

    /** Staff without a department in their identity have no department's work to do. */
    static CaseProblems noDepartment() {
        return new CaseProblems(HttpStatus.FORBIDDEN, "no-department", new Object[0], Map.of());
    }

    /** The type's cases are moved through its module's API, which checks more than the type does. */
    static CaseProblems movedByModule(String reference, String module) {
        return new CaseProblems(HttpStatus.CONFLICT, "moved-by-module", new Object[] {module},
                Map.of("reference", reference, "module", module));
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

    /** The step needs what only its module records: it is taken through that module's own endpoint. */
    static CaseProblems takenThrough(String reference, String action, String module) {
        return new CaseProblems(HttpStatus.CONFLICT, "transition-taken-through", new Object[] {action, module},
                Map.of("reference", reference, "action", action, "module", module));
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

package cn.youfu.dispatch.internal;

import cn.youfu.platform.ProblemException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The dispatch loop's named refusals, and the Open311 keys'. */
final class DispatchProblems extends ProblemException {

    private DispatchProblems(HttpStatus status, String code, Object[] arguments, Map<String, Object> properties) {
        super(status, code, arguments, properties);
    }

    /** No such event, or not one the caller may see: the same answer. */
    static DispatchProblems notFound(String reference) {
        return new DispatchProblems(HttpStatus.NOT_FOUND, "event-not-found", new Object[] {reference},
                Map.of("reference", reference));
    }

    /** The caller may see the event but this step belongs to another desk (the 12345 centre, the lead department…). */
    static DispatchProblems notYourStep(String reference, String step, String who) {
        return new DispatchProblems(HttpStatus.FORBIDDEN, "event-not-your-step", new Object[] {step, who},
                Map.of("reference", reference, "step", step, "who", who));
    }

    static DispatchProblems coHandlersPending(String reference, List<String> departments) {
        return new DispatchProblems(HttpStatus.CONFLICT, "event-co-handlers-pending",
                new Object[] {String.join(", ", departments)},
                Map.of("reference", reference, "pendingDepartments", departments));
    }

    static DispatchProblems cannotMerge(String reference, String into) {
        return new DispatchProblems(HttpStatus.CONFLICT, "event-cannot-merge", new Object[] {reference, into},
                Map.of("reference", reference, "into", into));
    }

    static DispatchProblems notInState(String reference, String state, String step) {
        return new DispatchProblems(HttpStatus.CONFLICT, "event-wrong-state", new Object[] {step, state},
                Map.of("reference", reference, "currentState", state, "step", step));
    }

    /** No Open311 API key has this id. */
    static DispatchProblems keyNotFound(String id) {
        return new DispatchProblems(HttpStatus.NOT_FOUND, "open311-key-not-found", new Object[] {id}, Map.of("id", id));
    }
}

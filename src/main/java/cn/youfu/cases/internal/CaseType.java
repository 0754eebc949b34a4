package cn.youfu.cases.internal;

import cn.youfu.calendar.PeriodUnit;
import cn.youfu.identity.Role;
import cn.youfu.platform.LocalizedText;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A kind of case as its file declares it: states, the transitions between them and who may take each, and the
 * clock the law sets. Immutable; loaded and checked at start-up by {@link CaseTypeLoader}.
 *
 * @param basis          the laws this kind of case follows
 * @param directCreation the roles that may open such a case through {@code POST /api/v1/cases}; empty when only
 *                       other modules open it (e.g. an application decided by the approval engine)
 */
record CaseType(String code, int version, LocalizedText name, String basis, String department,
                Set<Role> directCreation, String initial, Map<String, State> states, List<Transition> transitions,
                ClockRules clock, String file) {

    record State(String code, LocalizedText name, boolean pausesClock, boolean terminal, String basis) {
    }

    /**
     * @param from            the states it may be taken from
     * @param by              the roles that may take it
     * @param commentRequired whether a reason must be given (a refusal, a request for materials)
     */
    record Transition(String action, LocalizedText name, Set<String> from, String to, Set<Role> by,
                      boolean commentRequired, String basis) {
    }

    /**
     * A time limit: {@code days} in {@code unit}, and what sets it.
     *
     * @param byLaw true when a law sets it ({@code basis} then cites its article); false for a commitment the
     *              government made (a promise, a service standard), whose basis names the commitment
     */
    record Limit(int days, PeriodUnit unit, String basis, boolean byLaw) {
    }

    /** How far (in the statutory limit's unit), on whose approval and how often the statutory limit may be extended. */
    record Extension(int days, Set<Role> by, int times, String basis) {
    }

    /**
     * @param startsOn     the action whose date starts the clock, or {@code created}
     * @param statutory    the limit the case must be decided within: the law's, or, where no law sets one, the
     *                     government's published commitment ({@link Limit#byLaw()} false)
     * @param promised     the shorter limit the city promises (承诺时限); null when none
     * @param remindBefore working days before the promised deadline at which the handler is reminded
     * @param extension    null when the law allows none
     */
    record ClockRules(String startsOn, Limit statutory, Limit promised, int remindBefore, Extension extension) {
        static final String ON_CREATION = "created";
    }

    static final String EXTEND = "extend";

    State state(String code) {
        return states.get(code);
    }

    Optional<Transition> transition(String action, String fromState) {
        return transitions.stream().filter(t -> t.action().equals(action) && t.from().contains(fromState))
                .findFirst();
    }

    List<Transition> transitionsFrom(String state) {
        return transitions.stream().filter(t -> t.from().contains(state)).toList();
    }
}

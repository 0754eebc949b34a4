package cn.youfu.cases.internal;

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
 * @param movedBy        the module whose own API moves such cases (its checks, e.g. dispatch's lead department and
 *                       co-handlers, come before the type's); null when the case engine's own API may
 */
record CaseType(String code, int version, LocalizedText name, String basis, String department,
                Set<Role> directCreation, String initial, Map<String, State> states, List<Transition> transitions,
                ClockRules clock, String file, String movedBy) {

    record State(String code, LocalizedText name, boolean pausesClock, boolean terminal, String basis) {
    }

    /**
     * @param from            the states it may be taken from
     * @param by              the roles that may take it
     * @param commentRequired whether a reason must be given (a refusal, a request for materials)
     * @param restartsClock   whether taking it starts the statutory period afresh from that day (a corrected request
     *                        for information is a new receipt, 政府信息公开条例 Art. 30); days counted before it and
     *                        earlier pauses no longer matter
     * @param through         the module that alone takes it, through {@code CaseEngine.takeOnBehalf}, because the step
     *                        needs what only that module records (a reply letter, a correction notice); null when
     *                        anyone with the role may take it through the case API and pages
     */
    record Transition(String action, LocalizedText name, Set<String> from, String to, Set<Role> by,
                      boolean commentRequired, String basis, boolean restartsClock, String through) {

        Transition(String action, LocalizedText name, Set<String> from, String to, Set<Role> by,
                   boolean commentRequired, String basis) {
            this(action, name, from, to, by, commentRequired, basis, false, null);
        }
    }

    enum Unit { WORKING_DAYS, DAYS }

    /** A time limit: {@code days} in {@code unit}, and the provision that sets it. */
    record Limit(int days, Unit unit, String basis) {
    }

    /**
     * How far, on whose approval and how often a case's statutory limit may be extended.
     *
     * @param beforeDeadline whether an extension must be decided by the statutory deadline (a period that has run out
     *                       cannot be extended: 政府信息公开条例 Art. 33)
     */
    record Extension(int days, Set<Role> by, int times, String basis, boolean beforeDeadline) {

        Extension(int days, Set<Role> by, int times, String basis) {
            this(days, by, times, basis, false);
        }
    }

    /**
     * @param startsOn     the action whose date starts the clock, or {@code created}
     * @param statutory    the limit the law sets
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

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
 * @param movedBy        the module whose own API moves such cases (its checks, e.g. dispatch's lead department and
 *                       co-handlers, come before the type's); null when the case engine's own API may
 */
record CaseType(String code, int version, LocalizedText name, String basis, String department,
                Set<Role> directCreation, String initial, Map<String, State> states, List<Transition> transitions,
                ClockRules clock, Map<String, Remedy> remedies, String file, String movedBy) {

    /** @param remedy the code of the remedy an adverse final decision states; null when the state is not one */
    record State(String code, LocalizedText name, boolean pausesClock, boolean terminal, String basis,
                 String remedy) {
    }

    /**
     * What a person may do against an adverse final decision, in the words its case type's law requires (行政许可法
     * Art. 38(2), 行政处罚法 Art. 59, 信访工作条例 Art. 35–36 …). {@code {government}} in a text stands for the
     * people's government that hears a reconsideration of the deciding department's acts (行政复议法 Art. 24).
     *
     * @param basis the provision that requires the decision to state it
     * @param steps the remedies in the order they may be taken
     */
    record Remedy(String code, LocalizedText text, String basis, List<RemedyStep> steps) {
    }

    /**
     * One remedy.
     *
     * @param kind   {@code reconsideration}, {@code litigation}, {@code review} (复查), {@code re-review} (复核) or
     *               {@code human-review} (an officer decides instead of the rules, 个人信息保护法 Art. 24(3))
     * @param within how long after knowing of the decision (or receiving the answer) it may be taken; null when the
     *               law sets no time
     * @param per    {@code days} or {@code months}; null with {@code within}
     * @param first  true when it must be taken before litigation (行政复议法 Art. 23)
     */
    record RemedyStep(String kind, Integer within, String per, String basis, LocalizedText text, boolean first) {
    }

    /**
     * @param from            the states it may be taken from
     * @param by              the roles that may take it
     * @param commentRequired whether a reason must be given (a refusal, a request for materials)
     * @param once            whether it may be taken only once in the case's life (a request to supplement the
     *                        materials is made once and in full, 行政许可法 Art. 32(1)(4))
     * @param within          how long after the case was received it may be taken (5 working days for that
     *                        request); null when at any time
     * @param expectedDuration whether the actor must say how long it is expected to take, which the applicant is told
     *                        in writing (a hearing or an expert review stops the clock, Art. 45)
     * @param reopens         whether it leaves a final state: the case opens again, on a new statutory clock (a
     *                        person asks for an officer to decide what the rules alone decided, 个人信息保护法 Art. 24(3))
     * @param restartsClock   whether taking it starts the statutory period afresh from that day (a corrected request
     *                        for information is a new receipt, 政府信息公开条例 Art. 30); days counted before it and
     *                        earlier pauses no longer matter
     * @param through         the module that alone takes it, through {@code CaseEngine.takeOnBehalf}, because the step
     *                        needs what only that module records (a reply letter, a correction notice); null when
     *                        anyone with the role may take it through the case API and pages
     */
    record Transition(String action, LocalizedText name, Set<String> from, String to, Set<Role> by,
                      boolean commentRequired, String basis, boolean once, Limit within, boolean expectedDuration,
                      boolean reopens, boolean restartsClock, String through) {
    }

    /**
     * A time limit: {@code days} in {@code unit}, and what sets it.
     *
     * @param byLaw true when a law sets it ({@code basis} then cites its article); false for a commitment the
     *              government made (a promise, a service standard), whose basis names the commitment
     */
    record Limit(int days, PeriodUnit unit, String basis, boolean byLaw) {
    }

    /**
     * How far (in the statutory limit's unit), on whose approval and how often the statutory limit may be extended;
     * always before the statutory deadline passes (a period that has run out cannot be extended).
     */
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

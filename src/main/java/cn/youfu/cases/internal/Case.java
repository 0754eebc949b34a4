package cn.youfu.cases.internal;

import cn.youfu.calendar.DateInterval;
import cn.youfu.calendar.WorkingDayCalendar;
import cn.youfu.cases.CaseEngine;
import cn.youfu.cases.CaseEvents.Alert;
import cn.youfu.cases.CaseEvents.CaseAssigned;
import cn.youfu.cases.CaseEvents.CaseClockAlerted;
import cn.youfu.cases.CaseEvents.CaseDeadlinesRecomputed;
import cn.youfu.cases.CaseEvents.CaseExtended;
import cn.youfu.cases.CaseEvents.CaseOpened;
import cn.youfu.cases.CaseEvents.CaseTransitioned;
import cn.youfu.cases.CaseEngine.Limits;
import cn.youfu.cases.internal.CaseType.ClockRules;
import cn.youfu.cases.internal.CaseType.Extension;
import cn.youfu.cases.internal.CaseType.Limit;
import cn.youfu.identity.Role;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A case: the aggregate that owns its state and its clock. Every change goes through a method that checks the case's
 * type allows it, recomputes the deadlines and registers the event that records it.
 *
 * <p>The clock: it starts on the date of the type's {@code starts-on} event. Entering a state that pauses the clock
 * on day D and leaving it on day R makes the days D+1..R not count (the day of the request was already under way;
 * counting resumes the day after the materials arrive, as a new period's start day is not counted). While paused
 * the case has no deadline. Dates are China Standard Time.
 */
final class Case {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final String reference;
    private final CaseType type;
    private final Applicant applicant;
    private final Instant createdAt;
    private final String createdBy;
    private final String title;
    private final Map<String, Object> details;
    private String department;
    private String state;
    private String assignee;
    private LocalDate clockStartedOn;
    private LocalDate pausedSince;
    private final List<DateInterval> pauses;
    private int extensions;
    private LocalDate statutoryDeadline;
    private LocalDate promisedDeadline;
    private boolean reminded;
    private boolean escalated;
    private boolean overdue;
    private Instant closedAt;
    private String closedBy;
    private Integer handlingDays;
    private Boolean onTime;
    private final Limits own;
    private final java.util.Set<String> takenOnce;
    private final long version;
    private final List<Object> events = new ArrayList<>();

    /** The applicant as the case shows them: account name, display name, ID number or credit code. */
    record Applicant(String username, String name, String subjectId) {
    }

    /** Everything stored of a case, for the repository. */
    record Snapshot(String reference, CaseType type, Applicant applicant, Instant createdAt, String createdBy,
                    String title, Map<String, Object> details, String department, String state, String assignee,
                    LocalDate clockStartedOn, LocalDate pausedSince, List<DateInterval> pauses, int extensions,
                    LocalDate statutoryDeadline, LocalDate promisedDeadline, boolean reminded, boolean escalated,
                    boolean overdue, Instant closedAt, String closedBy, Integer handlingDays, Boolean onTime,
                    Limits own, java.util.Set<String> takenOnce, long version) {
    }

    Case(Snapshot s) {
        this.reference = s.reference();
        this.type = s.type();
        this.applicant = s.applicant();
        this.createdAt = s.createdAt();
        this.createdBy = s.createdBy();
        this.title = s.title();
        this.details = s.details();
        this.department = s.department();
        this.state = s.state();
        this.assignee = s.assignee();
        this.clockStartedOn = s.clockStartedOn();
        this.pausedSince = s.pausedSince();
        this.pauses = new ArrayList<>(s.pauses());
        this.extensions = s.extensions();
        this.statutoryDeadline = s.statutoryDeadline();
        this.promisedDeadline = s.promisedDeadline();
        this.reminded = s.reminded();
        this.escalated = s.escalated();
        this.overdue = s.overdue();
        this.closedAt = s.closedAt();
        this.closedBy = s.closedBy();
        this.handlingDays = s.handlingDays();
        this.onTime = s.onTime();
        this.own = s.own();
        this.takenOnce = new java.util.TreeSet<>(s.takenOnce());
        this.version = s.version();
    }

    Snapshot snapshot() {
        return new Snapshot(reference, type, applicant, createdAt, createdBy, title, details, department, state,
                assignee, clockStartedOn, pausedSince, List.copyOf(pauses), extensions, statutoryDeadline,
                promisedDeadline, reminded, escalated, overdue, closedAt, closedBy, handlingDays, onTime, own,
                java.util.Set.copyOf(takenOnce), version);
    }

    /** Opens a case in its type's initial state; the clock starts now when the type says so. */
    static Case open(CaseType type, String reference, Actor creator, Applicant applicant, String department,
                     String title, Map<String, Object> details, Instant now, WorkingDayCalendar calendar) {
        return open(type, reference, creator, applicant, department, title, details, null, now, calendar);
    }

    /** Opens a case with its own limits ({@code null}: the type's). */
    static Case open(CaseType type, String reference, Actor creator, Applicant applicant, String department,
                     String title, Map<String, Object> details, Limits own, Instant now, WorkingDayCalendar calendar) {
        var aCase = new Case(new Snapshot(reference, type, applicant, now, creator.username(), title,
                Map.copyOf(details), department, type.initial(), null, null, null, List.of(), 0, null, null, false,
                false, false, null, null, null, null, own, java.util.Set.of(), 0));
        if (type.clock().startsOn().equals(ClockRules.ON_CREATION)) {
            aCase.clockStartedOn = today(now);
        }
        aCase.recompute(calendar);
        aCase.events.add(new CaseOpened(reference, type.code(), creator.username(), now, applicant.username(),
                department, aCase.state, aCase.statutoryDeadline, aCase.promisedDeadline));
        return aCase;
    }

    /**
     * Takes one of the type's actions.
     *
     * @throws CaseProblems when the case is closed, the action is not allowed in this state, the actor's role may not
     *                      take it, or a required reason is missing
     */
    void take(String action, Actor actor, String comment, Instant now, WorkingDayCalendar calendar) {
        take(action, actor, comment, null, now, calendar);
    }

    /**
     * Takes one of the type's actions.
     *
     * @param expectedDays how long the step is expected to take, in the statutory limit's unit, where the type asks
     *                     for it (the applicant is told); ignored otherwise
     * @throws CaseProblems as above, and when an action the law allows once was taken already, the time the law
     *                      allows for it since the case was received has passed, or its expected duration is missing
     */
    void take(String action, Actor actor, String comment, Integer expectedDays, Instant now,
              WorkingDayCalendar calendar) {
        if (CaseType.EXTEND.equals(action) && !isClosed()) {
            extend(actor, comment, now, calendar);
            return;
        }
        var transition = allowed(action, actor, today(now), calendar);
        var reason = blankToNull(comment);
        if (transition.commentRequired() && reason == null) {
            throw CaseProblems.reasonRequired(action);
        }
        if (transition.expectedDuration()
                && (expectedDays == null || expectedDays < 1 || expectedDays > WorkingDayCalendar.MAX_WORKING_DAYS)) {
            throw CaseProblems.expectedDurationRequired(action);
        }
        move(transition, actor, reason, transition.expectedDuration() ? expectedDays : null, now, calendar);
    }

    /** The transition, if the case's state, the actor's role and what the law allows of the action let it be taken. */
    private CaseType.Transition allowed(String action, Actor actor, LocalDate today, WorkingDayCalendar calendar) {
        var transition = type.transition(action, state).filter(t -> !isClosed() || t.reopens())
                .orElseThrow(() -> isClosed() ? CaseProblems.closed(reference, state)
                        : CaseProblems.notAllowed(reference, state, action, actionsAvailable()));
        if (!actor.hasAny(transition.by())) {
            throw CaseProblems.roleMayNot(reference, action, transition.by());
        }
        if (transition.once() && takenOnce.contains(action)) {
            throw CaseProblems.onlyOnce(reference, action, transition.basis());
        }
        var last = lastDayFor(transition, calendar);
        if (last != null && today.isAfter(last)) {
            throw CaseProblems.tooLate(reference, action, receivedOn(), last, transition.basis());
        }
        return transition;
    }

    /** The last day an action with a time of its own may be taken: that time after the case was received. */
    LocalDate lastDayFor(CaseType.Transition transition, WorkingDayCalendar calendar) {
        var within = transition.within();
        return within == null ? null : calendar.lastDay(receivedOn(), within.days(), within.unit(), List.of());
    }

    /** The day the application was received: the clock's start (a reopened case's is the day it reopened). */
    private LocalDate receivedOn() {
        return clockStartedOn != null ? clockStartedOn : today(createdAt);
    }

    private void move(CaseType.Transition transition, Actor actor, String reason, Integer expectedDays, Instant now,
                      WorkingDayCalendar calendar) {
        var today = today(now);
        var from = type.state(state);
        var to = type.state(transition.to());
        if (transition.reopens()) {
            reopen(today);
        }
        if (!from.pausesClock() && to.pausesClock()) {
            pausedSince = today;
        } else if (from.pausesClock() && !to.pausesClock()) {
            if (today.isAfter(pausedSince)) {
                pauses.add(new DateInterval(pausedSince.plusDays(1), today));
            }
            pausedSince = null;
        }
        if (clockStartedOn == null && transition.action().equals(type.clock().startsOn())) {
            clockStartedOn = today;
        }
        if (transition.restartsClock()) {
            restartClock(today);
        }
        if (transition.once()) {
            takenOnce.add(transition.action());
        }
        state = to.code();
        recompute(calendar);
        if (to.terminal()) {
            close(now, actor.username(), calendar);
        }
        if (assignee == null && actor.roles().contains(Role.OFFICER)) {
            assignee = actor.username();
        }
        events.add(new CaseTransitioned(reference, type.code(), actor.username(), now, transition.action(),
                from.code(), to.code(), reason, isClosed(), statutoryDeadline, promisedDeadline, applicant.username(),
                expectedDays, expectedDays == null ? null : statutory().unit().name()));
    }

    /**
     * Opens the closed case again: what follows is a new decision, on a statutory clock of its own that starts today
     * (a person asked for an officer to decide what the rules alone decided).
     */
    private void reopen(LocalDate today) {
        closedAt = null;
        closedBy = null;
        handlingDays = null;
        onTime = null;
        clockStartedOn = today;
        pausedSince = null;
        pauses.clear();
        extensions = 0;
        reminded = false;
        escalated = false;
        overdue = false;
    }

    /** A new statutory period from {@code today}: what was counted or paused before, and its alerts, are done with. */
    private void restartClock(LocalDate today) {
        clockStartedOn = today;
        pauses.clear();
        reminded = false;
        escalated = false;
        overdue = false;
    }

    private void extend(Actor actor, String comment, Instant now, WorkingDayCalendar calendar) {
        var rules = extension();
        if (rules == null) {
            throw CaseProblems.notAllowed(reference, state, CaseType.EXTEND, actionsAvailable());
        }
        if (!actor.hasAny(rules.by())) {
            throw CaseProblems.roleMayNot(reference, CaseType.EXTEND, rules.by());
        }
        if (extensions >= rules.times()) {
            throw CaseProblems.extensionsUsed(reference, rules.times());
        }
        if (clockStartedOn == null) {
            throw CaseProblems.notAllowed(reference, state, CaseType.EXTEND, actionsAvailable());
        }
        if (statutoryDeadline != null && today(now).isAfter(statutoryDeadline)) {
            throw CaseProblems.extensionTooLate(reference, statutoryDeadline);
        }
        var reason = blankToNull(comment);
        if (reason == null) {
            throw CaseProblems.reasonRequired(CaseType.EXTEND);
        }
        extensions++;
        recompute(calendar);
        events.add(new CaseExtended(reference, type.code(), actor.username(), now, rules.days(), reason, extensions,
                statutoryDeadline, applicant.username()));
    }

    void assign(String officer, Actor by, Instant now) {
        if (isClosed()) {
            throw CaseProblems.closed(reference, state);
        }
        assignee = officer;
        events.add(new CaseAssigned(reference, type.code(), by.username(), now, officer));
    }

    /**
     * Fires the clock alerts that are due on {@code today}, each at most once in the case's life: a reminder when the
     * promised deadline is at most {@code remind-before} working days away, an escalation when it has passed, an
     * overdue mark when the statutory deadline has passed.
     *
     * @return whether anything fired
     */
    boolean alertsDue(Instant now, WorkingDayCalendar calendar) {
        if (isClosed() || pausedSince != null) {
            return false;
        }
        var today = today(now);
        boolean fired = false;
        if (promisedDeadline != null) {
            if (!reminded && calendar.workingDaysBetween(today, promisedDeadline) <= type.clock().remindBefore()
                    && !today.isAfter(promisedDeadline)) {
                reminded = true;
                fired = alert(Alert.REMINDED, now, promisedDeadline);
            }
            if (!escalated && today.isAfter(promisedDeadline)) {
                escalated = true;
                reminded = true;
                fired = alert(Alert.ESCALATED, now, promisedDeadline);
            }
        }
        if (statutoryDeadline != null && !overdue && today.isAfter(statutoryDeadline)) {
            overdue = true;
            fired = alert(Alert.OVERDUE, now, statutoryDeadline);
        }
        return fired;
    }

    private boolean alert(Alert alert, Instant now, LocalDate deadline) {
        events.add(new CaseClockAlerted(reference, type.code(), alert, now, department, assignee, deadline));
        return true;
    }

    /** After the holiday schedule changed: recounts the deadlines; an event records any that moved. */
    boolean recount(Instant now, WorkingDayCalendar calendar) {
        var statutoryBefore = statutoryDeadline;
        var promisedBefore = promisedDeadline;
        recompute(calendar);
        if (Objects.equals(statutoryBefore, statutoryDeadline) && Objects.equals(promisedBefore, promisedDeadline)) {
            return false;
        }
        events.add(new CaseDeadlinesRecomputed(reference, now, statutoryBefore, statutoryDeadline, promisedBefore,
                promisedDeadline));
        return true;
    }

    private void close(Instant now, String by, WorkingDayCalendar calendar) {
        closedAt = now;
        closedBy = by;
        var today = today(now);
        if (clockStartedOn != null) {
            handlingDays = elapsed(today, calendar);
            onTime = statutoryDeadline != null && !today.isAfter(statutoryDeadline);
        }
    }

    /** Days of the clock used up to {@code today}, in the statutory limit's unit, paused days excluded. */
    int elapsed(LocalDate today, WorkingDayCalendar calendar) {
        if (clockStartedOn == null) {
            return 0;
        }
        return calendar.daysBetween(clockStartedOn, today, statutory().unit(), pauses);
    }

    /** The limit the case must be decided within: its own where it has one, else its type's. */
    Limit statutory() {
        var typeLimit = type.clock().statutory();
        if (own == null || own.statutory() == null) {
            return typeLimit;
        }
        return resolved(own.statutory(), typeLimit,
                own.statutoryByLaw() == null ? typeLimit.byLaw() : own.statutoryByLaw());
    }

    /** The city's promise: its own where it has one, else its type's; null when neither promises anything. */
    Limit promised() {
        var typeLimit = type.clock().promised();
        if (own == null || own.promised() == null) {
            return typeLimit;
        }
        return resolved(own.promised(), typeLimit == null ? type.clock().statutory() : typeLimit, false);
    }

    /** How the statutory limit may be extended: as the case's own law allows where it has one, else its type. */
    Extension extension() {
        var typeRule = type.clock().extension();
        if (own == null || own.extension() == null) {
            return typeRule;
        }
        if (own.extension().days() == 0) {
            return null;
        }
        return new Extension(own.extension().days(), typeRule == null ? java.util.Set.of(Role.SUPERVISOR)
                : typeRule.by(), typeRule == null ? 1 : typeRule.times(),
                own.extension().basis() == null && typeRule != null ? typeRule.basis() : own.extension().basis());
    }

    private static Limit resolved(CaseEngine.Limit own, Limit typeLimit, boolean byLaw) {
        return new Limit(own.days(), own.unit() == null ? typeLimit.unit() : own.unit(),
                own.basis() == null ? typeLimit.basis() : own.basis(), byLaw);
    }

    private void recompute(WorkingDayCalendar calendar) {
        if (clockStartedOn == null || pausedSince != null) {
            statutoryDeadline = null;
            promisedDeadline = null;
            return;
        }
        var extension = extension();
        int extra = extension == null ? 0 : extensions * extension.days();
        var statutory = statutory();
        statutoryDeadline = calendar.lastDay(clockStartedOn, statutory.days() + extra, statutory.unit(), pauses);
        var promised = promised();
        promisedDeadline = promised == null ? null
                : calendar.lastDay(clockStartedOn, promised.days(), promised.unit(), pauses);
    }

    /** The actions of the current state and, where the type allows, {@code extend}; closed, those that reopen it. */
    List<String> actionsAvailable() {
        if (isClosed()) {
            return type.transitionsFrom(state).stream().filter(CaseType.Transition::reopens)
                    .map(CaseType.Transition::action).toList();
        }
        var actions = new ArrayList<>(type.transitionsFrom(state).stream().map(CaseType.Transition::action).toList());
        var extension = extension();
        if (extension != null && extensions < extension.times() && clockStartedOn != null) {
            actions.add(CaseType.EXTEND);
        }
        return actions;
    }

    /** An action of the current state the law no longer allows: taken once already, or its time has passed. */
    record Withheld(String action, boolean takenOnce, LocalDate lastDay, String basis) {
    }

    /** The actions of the current state the law still allows on {@code today}, and {@code extend} where it may. */
    List<String> actionsAvailable(LocalDate today, WorkingDayCalendar calendar) {
        return actionsAvailable().stream().filter(a -> withheld(a, today, calendar) == null).toList();
    }

    /** The actions of the current state the law no longer allows on {@code today}, and why. */
    List<Withheld> actionsWithheld(LocalDate today, WorkingDayCalendar calendar) {
        return actionsAvailable().stream().map(a -> withheld(a, today, calendar)).filter(Objects::nonNull).toList();
    }

    private Withheld withheld(String action, LocalDate today, WorkingDayCalendar calendar) {
        if (CaseType.EXTEND.equals(action)) {
            return statutoryDeadline != null && today.isAfter(statutoryDeadline)
                    ? new Withheld(action, false, statutoryDeadline, extension().basis()) : null;
        }
        var transition = type.transition(action, state).orElseThrow();
        if (transition.once() && takenOnce.contains(action)) {
            return new Withheld(action, true, null, transition.basis());
        }
        var last = lastDayFor(transition, calendar);
        return last != null && today.isAfter(last) ? new Withheld(action, false, last, transition.basis()) : null;
    }

    static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, CHINA);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    boolean isClosed() {
        return type.state(state).terminal();
    }

    List<Object> events() {
        return Collections.unmodifiableList(events);
    }

    void clearEvents() {
        events.clear();
    }

    String reference() {
        return reference;
    }

    CaseType type() {
        return type;
    }

    String state() {
        return state;
    }

    String department() {
        return department;
    }

    String assignee() {
        return assignee;
    }

    Applicant applicant() {
        return applicant;
    }

    long version() {
        return version;
    }
}

package cn.youfu.cases.internal;

import cn.youfu.calendar.Calendars;
import cn.youfu.cases.CaseEngine;
import cn.youfu.cases.CaseEvents.CasePersonalDataViewed;
import cn.youfu.cases.CaseView;
import cn.youfu.identity.CurrentUser;
import cn.youfu.identity.Role;
import cn.youfu.platform.InvalidParameterException;
import cn.youfu.platform.ProblemException;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

@Service
class CaseService implements CaseEngine {

    static final Pattern REFERENCE = Pattern.compile("FZ-\\d{4}-\\d{8}");
    static final int MAX_TITLE = 200;

    private final Cases cases;
    private final CaseTypes types;
    private final Calendars calendars;
    private final CaseViews views;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final GroupCommit<Take, Case> transitions;

    CaseService(Cases cases, CaseTypes types, Calendars calendars, CaseViews views, ApplicationEventPublisher events,
                Clock clock, PlatformTransactionManager transactions, MeterRegistry meters) {
        this.cases = cases;
        this.types = types;
        this.calendars = calendars;
        this.views = views;
        this.events = events;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        var batches = DistributionSummary.builder("youfu.cases.transitions.per.transaction")
                .description("transitions committed together (group commit)").register(meters);
        this.transitions = new GroupCommit<>(Take::reference, this::takeAll, this::takeAlone, batches::record);
    }

    @Override
    @Transactional
    public CaseView open(OpenCase command, CurrentUser applicant, CurrentUser creator) {
        var aCase = opened(command, applicant, creator);
        cases.insert(aCase);
        publish(aCase);
        return views.of(aCase, creator);
    }

    @Override
    @Transactional
    public CaseView openAndTake(OpenCase command, CurrentUser applicant, CurrentUser creator, String action,
                                String comment, CurrentUser actor) {
        var aCase = opened(command, applicant, creator);
        apply(aCase, requireAction(action), comment, actor);
        cases.insert(aCase);
        publish(aCase);
        return views.of(aCase, actor);
    }

    /** A new case, checked, not yet written. */
    private Case opened(OpenCase command, CurrentUser applicant, CurrentUser creator) {
        var type = types.find(command.type()).orElseThrow(() -> command.type() == null
                ? InvalidParameterException.missing("type") : CaseProblems.unknownType(command.type(), types.codes()));
        if (!command.onBehalf() && creator.roles().stream().noneMatch(type.directCreation()::contains)) {
            throw CaseProblems.notDirectlyCreatable(type.code());
        }
        var title = command.title() == null ? "" : command.title().strip();
        if (title.isEmpty()) {
            throw InvalidParameterException.missing("title");
        }
        if (title.length() > MAX_TITLE) {
            throw InvalidParameterException.outOfRange("title", title.length() + " characters", 1, MAX_TITLE);
        }
        var department = command.onBehalf() ? onBehalfDepartment(command, type) : directDepartment(command, type,
                creator);
        var now = clock.instant();
        var limits = command.limits();
        return Case.open(type, cases.nextReference(Case.today(now).getYear()), Actor.of(creator),
                new Case.Applicant(applicant.username(), applicant.displayName(), applicant.subjectId()),
                department, title, command.details() == null ? Map.of() : command.details(), limits, now,
                calendars.current());
    }

    private static String onBehalfDepartment(OpenCase command, CaseType type) {
        return blank(command.department()) ? type.department() : command.department().strip();
    }

    /**
     * The department of a case opened through the API: staff open cases of their own department only; residents and
     * enterprises open them at the type's department and cannot choose another.
     */
    private static String directDepartment(OpenCase command, CaseType type, CurrentUser creator) {
        var asked = blank(command.department()) ? null : command.department().strip();
        if (creator.has(Role.OFFICER) || creator.has(Role.REVIEWER)) {
            if (creator.department() == null) {
                throw CaseProblems.noDepartment();
            }
            if (asked != null && !asked.equals(creator.department())) {
                throw CaseProblems.notYourDepartment(asked);
            }
            return creator.department();
        }
        if (asked != null && !asked.equals(type.department())) {
            throw InvalidParameterException.because("department", "department-set-by-type", asked,
                    type.department());
        }
        return type.department();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** One transition asked for. */
    private record Take(String reference, String action, String comment, Integer expectedDays, CurrentUser actor) {
    }

    /**
     * In the caller's transaction if it has one; otherwise in a transaction of its own, shared with the transitions
     * other callers ask for at the same moment ({@link GroupCommit}).
     */
    @Override
    public CaseView take(String reference, String action, String comment, Integer expectedDays, CurrentUser actor) {
        var take = new Take(reference, requireAction(action), comment, expectedDays, actor);
        var aCase = TransactionSynchronizationManager.isActualTransactionActive() ? takeHere(take)
                : transitions.submit(take);
        return views.of(aCase, actor);
    }

    private Case takeAlone(Take take) {
        return transaction.execute(status -> takeHere(take));
    }

    private Case takeHere(Take take) {
        var aCase = movable(visible(take.reference(), take.actor()), take.actor());
        requireOpenToAll(aCase, take.action());
        apply(aCase, take.action(), take.comment(), take.expectedDays(), take.actor());
        save(aCase);
        return aCase;
    }

    /**
     * The case, if the actor may move it through the case engine's own API: not a case whose module moves it, and
     * one the actor {@linkplain Visibility#mayAct may act on}.
     */
    private static Case movable(Case aCase, CurrentUser actor) {
        if (aCase.type().movedBy() != null && !actor.has(Role.SYSTEM)) {
            throw CaseProblems.movedByModule(aCase.reference(), aCase.type().movedBy());
        }
        if (!Visibility.mayAct(actor, aCase)) {
            throw CaseProblems.notYourDepartment(aCase.reference(), aCase.department());
        }
        return aCase;
    }

    /** Refuses, through {@link #take}, a transition its type leaves to one module ({@code through}). */
    private static void requireOpenToAll(Case aCase, String action) {
        aCase.type().transition(action, aCase.state()).filter(t -> t.through() != null).ifPresent(t -> {
            throw CaseProblems.takenThrough(aCase.reference(), action, t.through());
        });
    }

    /** Takes the action on the case in memory; refused (nothing changed) as {@link Case#take} refuses. */
    private void apply(Case aCase, String action, String comment, CurrentUser actor) {
        apply(aCase, action, comment, null, actor);
    }

    private void apply(Case aCase, String action, String comment, Integer expectedDays, CurrentUser actor) {
        aCase.take(action, Actor.of(actor), comment, expectedDays, clock.instant(), calendars.current());
    }

    /** Several transitions (of different cases) in one transaction: one read, one batch of updates, one commit. */
    private List<GroupCommit.Outcome<Case>> takeAll(List<Take> batch) {
        return transaction.execute(status -> {
            var found = cases.findAll(batch.stream().map(Take::reference)
                    .filter(r -> r != null && REFERENCE.matcher(r).matches()).toList());
            var outcomes = new ArrayList<GroupCommit.Outcome<Case>>(batch.size());
            var moved = new ArrayList<Case>();
            for (var take : batch) {
                try {
                    var aCase = movable(visible(take.reference(), take.actor(), r -> Optional.ofNullable(found.get(r))),
                            take.actor());
                    requireOpenToAll(aCase, take.action());
                    apply(aCase, take.action(), take.comment(), take.expectedDays(), take.actor());
                    moved.add(aCase);
                    outcomes.add(new GroupCommit.Outcome<>(aCase, null));
                } catch (ProblemException refusal) {
                    outcomes.add(new GroupCommit.Outcome<>(null, refusal));
                }
            }
            // In the order of their references, as every batch does: two batches never wait for each other in a cycle.
            moved.sort(Comparator.comparing(Case::reference));
            var written = moved.isEmpty() ? new boolean[0] : cases.updateAll(moved);
            var refused = new HashSet<String>();
            for (int m = 0; m < moved.size(); m++) {
                if (written[m]) {
                    publish(moved.get(m));
                } else {
                    refused.add(moved.get(m).reference());
                }
            }
            for (int i = 0; i < outcomes.size(); i++) {
                var aCase = outcomes.get(i).result();
                if (aCase != null && refused.contains(aCase.reference())) {
                    outcomes.set(i, new GroupCommit.Outcome<>(null, CaseProblems.changedMeanwhile(aCase.reference())));
                }
            }
            return outcomes;
        });
    }

    @Override
    @Transactional
    public CaseView takeOnBehalf(String reference, String action, String comment, CurrentUser actor) {
        var wanted = requireAction(action);
        var aCase = cases.find(reference).orElseThrow(() -> CaseProblems.notFound(String.valueOf(reference)));
        apply(aCase, wanted, comment, actor);
        save(aCase);
        return views.of(aCase, actor);
    }

    private static String requireAction(String action) {
        if (action == null || action.isBlank()) {
            throw InvalidParameterException.missing("action");
        }
        return action.strip();
    }

    /** Gives the case to an officer of its department. */
    @Transactional
    @Override
    public CaseView assign(String reference, String officer, CurrentUser by) {
        var aCase = movable(visible(reference, by), by);
        if (!by.has(Role.OFFICER) && !by.has(Role.SUPERVISOR) && !by.has(Role.ADMIN)) {
            throw CaseProblems.roleMayNot(reference, "assign", java.util.Set.of(Role.OFFICER, Role.SUPERVISOR));
        }
        if (officer == null || officer.isBlank()) {
            throw InvalidParameterException.missing("assignee");
        }
        aCase.assign(officer.strip(), Actor.of(by), clock.instant());
        save(aCase);
        return views.of(aCase, by);
    }

    @Override
    @Transactional
    public CaseView view(String reference, CurrentUser viewer) {
        var aCase = visible(reference, viewer);
        if (!viewer.username().equals(aCase.applicant().username())) {
            events.publishEvent(new CasePersonalDataViewed(aCase.reference(), viewer.username(), clock.instant()));
        }
        return views.of(aCase, viewer);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean visibleTo(String reference, CurrentUser viewer) {
        return reference != null && REFERENCE.matcher(reference).matches()
                && cases.find(reference).filter(c -> Visibility.canSee(viewer, c)).isPresent();
    }

    CaseTypes types() {
        return types;
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.Optional<CaseView> find(String reference) {
        return cases.find(reference).map(aCase -> views.of(aCase, CurrentUser.SYSTEM));
    }

    /** The case, if the caller may see it; otherwise the same 404 as for a case that does not exist. */
    Case visible(String reference, CurrentUser viewer) {
        return visible(reference, viewer, cases::find);
    }

    /** {@link #visible}, looking the case up with {@code lookup} (a batch's cases, read together). */
    private static Case visible(String reference, CurrentUser viewer, Function<String, Optional<Case>> lookup) {
        if (reference == null || !REFERENCE.matcher(reference).matches()) {
            throw CaseProblems.notFound(String.valueOf(reference));
        }
        return lookup.apply(reference).filter(c -> Visibility.canSee(viewer, c))
                .orElseThrow(() -> CaseProblems.notFound(reference));
    }

    void save(Case aCase) {
        if (!cases.update(aCase)) {
            throw CaseProblems.changedMeanwhile(aCase.reference());
        }
        publish(aCase);
    }

    private void publish(Case aCase) {
        aCase.events().forEach(events::publishEvent);
        aCase.clearEvents();
    }
}

package cn.youfu.cases.internal;

import cn.youfu.calendar.Calendars;
import cn.youfu.cases.CaseEngine;
import cn.youfu.cases.CaseEvents.CasePersonalDataViewed;
import cn.youfu.cases.CaseView;
import cn.youfu.identity.CurrentUser;
import cn.youfu.identity.Role;
import cn.youfu.platform.InvalidParameterException;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

    CaseService(Cases cases, CaseTypes types, Calendars calendars, CaseViews views, ApplicationEventPublisher events,
                Clock clock) {
        this.cases = cases;
        this.types = types;
        this.calendars = calendars;
        this.views = views;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public CaseView open(OpenCase command, CurrentUser applicant, CurrentUser creator) {
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
        var department = command.department() == null || command.department().isBlank()
                ? type.department() : command.department().strip();
        var now = clock.instant();
        var limits = command.limits();
        var aCase = Case.open(type, cases.nextReference(Case.today(now).getYear()), Actor.of(creator),
                new Case.Applicant(applicant.username(), applicant.displayName(), applicant.subjectId()),
                department, title, command.details() == null ? Map.of() : command.details(),
                limits == null ? null : limits.statutory(), limits == null ? null : limits.promised(), now,
                calendars.current());
        cases.insert(aCase);
        publish(aCase);
        return views.of(aCase, creator);
    }

    @Override
    @Transactional
    public CaseView take(String reference, String action, String comment, CurrentUser actor) {
        var wanted = requireAction(action);
        return act(visible(reference, actor), wanted, comment, actor);
    }

    @Override
    @Transactional
    public CaseView takeOnBehalf(String reference, String action, String comment, CurrentUser actor) {
        var wanted = requireAction(action);
        return act(cases.find(reference).orElseThrow(() -> CaseProblems.notFound(String.valueOf(reference))), wanted,
                comment, actor);
    }

    private static String requireAction(String action) {
        if (action == null || action.isBlank()) {
            throw InvalidParameterException.missing("action");
        }
        return action.strip();
    }

    private CaseView act(Case aCase, String action, String comment, CurrentUser actor) {
        aCase.take(action, Actor.of(actor), comment, clock.instant(), calendars.current());
        save(aCase);
        return views.of(aCase, actor);
    }

    /** Gives the case to an officer of its department. */
    @Transactional
    @Override
    public CaseView assign(String reference, String officer, CurrentUser by) {
        var aCase = visible(reference, by);
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
        if (reference == null || !REFERENCE.matcher(reference).matches()) {
            throw CaseProblems.notFound(String.valueOf(reference));
        }
        return cases.find(reference).filter(c -> Visibility.canSee(viewer, c))
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

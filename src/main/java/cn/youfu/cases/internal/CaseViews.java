package cn.youfu.cases.internal;

import cn.youfu.calendar.Calendars;
import cn.youfu.cases.CaseView;
import cn.youfu.identity.CurrentUser;
import cn.youfu.platform.LocalizedText;
import cn.youfu.calendar.WorkingDayCalendar;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Builds what a viewer sees of a case, in their language. */
@Component
class CaseViews {

    private final Calendars calendars;
    private final Clock clock;
    /** Where a remedy's text names the people's government that hears a reconsideration. */
    static final String GOVERNMENT = "{government}";

    private final MessageSource messages;
    private final Governments governments;

    CaseViews(Calendars calendars, Clock clock, MessageSource messages, Governments governments) {
        this.calendars = calendars;
        this.clock = clock;
        this.messages = messages;
        this.governments = governments;
    }

    CaseView of(Case aCase, CurrentUser viewer) {
        var locale = LocaleContextHolder.getLocale();
        var s = aCase.snapshot();
        var type = s.type();
        var today = Case.today(clock.instant());
        var calendar = calendars.current();
        var actions = aCase.actionsAvailable(today, calendar).stream()
                .map(action -> action(aCase, action, viewer, locale)).filter(Objects::nonNull).toList();
        var withheld = aCase.actionsWithheld(today, calendar).stream().map(w -> {
            var named = action(aCase, w.action(), viewer, locale);
            return named == null ? null : withheld(named, w, locale);
        }).filter(Objects::nonNull).toList();
        var clockView = clock(aCase, today, calendar);
        return new CaseView(s.reference(), type.code(), type.name().in(locale), s.state(),
                type.state(s.state()).name().in(locale), aCase.isClosed(), s.title(), s.details(),
                new CaseView.Applicant(s.applicant().username(), s.applicant().name(), s.applicant().subjectId()),
                s.department(), s.assignee(), s.createdAt(), clockView, actions, remedy(aCase), withheld);
    }

    /** The case's clock: its limits in their units, deadlines, and the days left in the statutory limit's unit. */
    private static CaseView.Clock clock(Case aCase, LocalDate today, WorkingDayCalendar calendar) {
        var s = aCase.snapshot();
        var statutory = aCase.statutory();
        Integer daysLeft = null;
        if (s.statutoryDeadline() != null && !aCase.isClosed()) {
            daysLeft = today.isAfter(s.statutoryDeadline())
                    ? -calendar.daysBetween(s.statutoryDeadline(), today, statutory.unit(), List.of())
                    : calendar.daysBetween(today, s.statutoryDeadline(), statutory.unit(), List.of());
        }
        var extension = aCase.extension();
        return new CaseView.Clock(statutory.unit().name(), s.clockStartedOn(), s.statutoryDeadline(),
                statutory.basis(), s.promisedDeadline(), s.pausedSince() != null, s.pausedSince(), s.pauses(),
                s.extensions(), daysLeft, s.reminded(), s.escalated(), s.overdue(), s.closedAt(), s.handlingDays(),
                s.onTime(), limit(statutory), aCase.promised() == null ? null : limit(aCase.promised()),
                extension == null ? null : new CaseView.Limit(extension.days(), statutory.unit().name(),
                        extension.basis(), statutory.byLaw()));
    }

    /** The action as this viewer may take it; null when their role may not. */
    private CaseView.Action action(Case aCase, String action, CurrentUser viewer, Locale locale) {
        var type = aCase.type();
        if (CaseType.EXTEND.equals(action)) {
            return viewer.roles().stream().anyMatch(aCase.extension().by()::contains)
                    ? new CaseView.Action(action, messages.getMessage("case.action.extend", null, locale), true, false)
                    : null;
        }
        var t = type.transition(action, aCase.state()).orElseThrow();
        return t.through() == null && viewer.roles().stream().anyMatch(t.by()::contains)
                ? new CaseView.Action(action, t.name().in(locale), t.commentRequired(), t.expectedDuration()) : null;
    }

    /** Why the law no longer allows the action, in words. */
    private CaseView.Withheld withheld(CaseView.Action named, Case.Withheld w, Locale locale) {
        var reason = w.takenOnce()
                ? messages.getMessage("case.withheld.once", new Object[] {w.basis()}, locale)
                : messages.getMessage("case.withheld.late", new Object[] {String.valueOf(w.lastDay()), w.basis()},
                        locale);
        return new CaseView.Withheld(w.action(), named.name(), reason);
    }

    /** The remedy the case's final state states, with the reconsideration body of its department filled in. */
    private CaseView.Remedy remedy(Case aCase) {
        var code = aCase.isClosed() ? aCase.type().state(aCase.state()).remedy() : null;
        if (code == null) {
            return null;
        }
        var remedy = aCase.type().remedies().get(code);
        var government = governments.of(aCase.department());
        return new CaseView.Remedy(code, filled(remedy.text(), government), remedy.basis(), remedy.steps().stream()
                .map(step -> new CaseView.RemedyStep(step.kind(), step.within(), step.per(), step.first(),
                        filled(step.text(), government), step.basis())).toList());
    }

    private static LocalizedText filled(LocalizedText text, LocalizedText government) {
        return new LocalizedText(text.zh().replace(GOVERNMENT, government.zh()),
                text.en().replace(GOVERNMENT, government.en()));
    }

    private static CaseView.Limit limit(CaseType.Limit limit) {
        return new CaseView.Limit(limit.days(), limit.unit().name(), limit.basis(), limit.byLaw());
    }
}

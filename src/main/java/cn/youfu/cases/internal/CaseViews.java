package cn.youfu.cases.internal;

import cn.youfu.calendar.Calendars;
import cn.youfu.cases.CaseView;
import cn.youfu.identity.CurrentUser;
import cn.youfu.platform.LocalizedText;
import java.time.Clock;
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
        var statutory = aCase.statutory();
        Integer daysLeft = null;
        if (s.statutoryDeadline() != null && !aCase.isClosed()) {
            var calendar = calendars.current();
            daysLeft = today.isAfter(s.statutoryDeadline())
                    ? -calendar.daysBetween(s.statutoryDeadline(), today, statutory.unit(), List.of())
                    : calendar.daysBetween(today, s.statutoryDeadline(), statutory.unit(), List.of());
        }
        var extension = aCase.extension();
        var clockView = new CaseView.Clock(statutory.unit().name(), s.clockStartedOn(), s.statutoryDeadline(),
                statutory.basis(), s.promisedDeadline(), s.pausedSince() != null, s.pausedSince(), s.pauses(),
                s.extensions(), daysLeft, s.reminded(), s.escalated(), s.overdue(), s.closedAt(), s.handlingDays(),
                s.onTime(), limit(statutory), aCase.promised() == null ? null : limit(aCase.promised()),
                extension == null ? null : new CaseView.Limit(extension.days(), statutory.unit().name(),
                        extension.basis(), statutory.byLaw()));
        var actions = aCase.actionsAvailable().stream().map(action -> {
            if (CaseType.EXTEND.equals(action)) {
                return viewer.roles().stream().anyMatch(extension.by()::contains)
                        ? new CaseView.Action(action, messages.getMessage("case.action.extend", null, locale), true)
                        : null;
            }
            var t = type.transition(action, s.state()).orElseThrow();
            return viewer.roles().stream().anyMatch(t.by()::contains)
                    ? new CaseView.Action(action, t.name().in(locale), t.commentRequired()) : null;
        }).filter(java.util.Objects::nonNull).toList();
        return new CaseView(s.reference(), type.code(), type.name().in(locale), s.state(),
                type.state(s.state()).name().in(locale), aCase.isClosed(), s.title(), s.details(),
                new CaseView.Applicant(s.applicant().username(), s.applicant().name(), s.applicant().subjectId()),
                s.department(), s.assignee(), s.createdAt(), clockView, actions, remedy(aCase));
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

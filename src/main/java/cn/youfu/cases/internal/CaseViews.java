package cn.youfu.cases.internal;

import cn.youfu.calendar.Calendars;
import cn.youfu.cases.CaseView;
import cn.youfu.cases.internal.CaseType.Unit;
import cn.youfu.identity.CurrentUser;
import java.time.Clock;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Builds what a viewer sees of a case, in their language. */
@Component
class CaseViews {

    private final Calendars calendars;
    private final Clock clock;
    private final MessageSource messages;

    CaseViews(Calendars calendars, Clock clock, MessageSource messages) {
        this.calendars = calendars;
        this.clock = clock;
        this.messages = messages;
    }

    CaseView of(Case aCase, CurrentUser viewer) {
        var locale = LocaleContextHolder.getLocale();
        var s = aCase.snapshot();
        var type = s.type();
        var today = Case.today(clock.instant());
        var statutory = type.clock().statutory();
        Integer daysLeft = null;
        if (s.statutoryDeadline() != null && !aCase.isClosed()) {
            var calendar = calendars.current();
            daysLeft = statutory.unit() == Unit.WORKING_DAYS
                    ? (today.isAfter(s.statutoryDeadline())
                        ? -calendar.workingDaysBetween(s.statutoryDeadline(), today)
                        : calendar.workingDaysBetween(today, s.statutoryDeadline()))
                    : (int) (s.statutoryDeadline().toEpochDay() - today.toEpochDay());
        }
        var clockView = new CaseView.Clock(statutory.unit().name(), s.clockStartedOn(), s.statutoryDeadline(),
                statutory.basis(), s.promisedDeadline(), s.pausedSince() != null, s.pausedSince(), s.pauses(),
                s.extensions(), daysLeft, s.reminded(), s.escalated(), s.overdue(), s.closedAt(), s.handlingDays(),
                s.onTime());
        var actions = aCase.actionsAvailable().stream().map(action -> {
            if (CaseType.EXTEND.equals(action)) {
                return viewer.roles().stream().anyMatch(type.clock().extension().by()::contains)
                        ? new CaseView.Action(action, messages.getMessage("case.action.extend", null, locale), true)
                        : null;
            }
            var t = type.transition(action, s.state()).orElseThrow();
            return t.through() == null && viewer.roles().stream().anyMatch(t.by()::contains)
                    ? new CaseView.Action(action, t.name().in(locale), t.commentRequired()) : null;
        }).filter(java.util.Objects::nonNull).toList();
        return new CaseView(s.reference(), type.code(), type.name().in(locale), s.state(),
                type.state(s.state()).name().in(locale), aCase.isClosed(), s.title(), s.details(),
                new CaseView.Applicant(s.applicant().username(), s.applicant().name(), s.applicant().subjectId()),
                s.department(), s.assignee(), s.createdAt(), clockView, actions);
    }
}

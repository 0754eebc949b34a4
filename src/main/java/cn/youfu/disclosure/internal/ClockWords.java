package cn.youfu.disclosure.internal;

import cn.youfu.disclosure.DisclosureClock;
import cn.youfu.disclosure.DisclosureClock.Kind;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The clock's explanation in the reader's words: each day with why it counted or did not. */
@Component
class ClockWords {

    private final MessageSource messages;

    ClockWords(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * @param deadline    null while the clock stands still
     * @param provisional a counted day falls in a year without a published holiday notice (weekends alone)
     * @param counted     working days counted so far toward the period
     */
    record ClockAnswer(String reference, LocalDate periodStart, int workingDays, LocalDate deadline, boolean paused,
                       boolean provisional, int counted, String basis, List<DayAnswer> days) {
    }

    /** @param kind {@code RECEIVED}, {@code COUNTED}, {@code MAKE_UP_COUNTED}, {@code WEEKEND}, … */
    record DayAnswer(LocalDate date, String kind, Integer counted, String reason) {
    }

    ClockAnswer of(String reference, DisclosureClock.Explanation e) {
        Locale locale = LocaleContextHolder.getLocale();
        var days = e.days().stream().map(day -> new DayAnswer(day.date(), day.kind().name(), day.counted(),
                reason(day, locale))).toList();
        int counted = e.days().stream().filter(d -> d.counted() != null).mapToInt(d -> 1).sum();
        return new ClockAnswer(reference, e.periodStart(), e.workingDays(), e.deadline(), e.paused(), e.provisional(),
                counted,
                messages.getMessage("disclosure.clock.basis", null, locale), days);
    }

    String reason(DisclosureClock.Day day, Locale locale) {
        var key = "disclosure.clock.day." + day.kind().name();
        if (day.kind() == Kind.PAUSED) {
            key += "." + day.pause().name();
        }
        return messages.getMessage(key, new Object[] {day.counted(), day.holiday()}, locale);
    }
}

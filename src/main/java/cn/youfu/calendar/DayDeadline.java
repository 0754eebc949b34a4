package cn.youfu.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * A deadline counted in calendar days (日), as the Civil Code counts a period: the start day is not counted (Art. 201)
 * and a period whose last day is a statutory rest day ends on the first working day after it (Art. 203).
 *
 * @param from       the day the period starts from (not itself counted)
 * @param days       how many calendar days the period has
 * @param paused     intervals that did not count
 * @param nominal    the {@code days}-th counted day after {@code from}
 * @param deadline   the last day of the period: {@code nominal}, or the first working day after it when it is a rest
 *                   day (a weekend that is not a make-up working day, or a listed holiday)
 * @param provisional true when a day of the period falls in a year without an official holiday schedule
 */
public record DayDeadline(LocalDate from, int days, List<DateInterval> paused, LocalDate nominal, LocalDate deadline,
                          boolean provisional) {

    public DayDeadline {
        paused = List.copyOf(paused);
    }

    /** Whether the period's last day moved past a rest day (Civil Code Art. 203). */
    public boolean movedPastRestDays() {
        return !nominal.equals(deadline);
    }
}

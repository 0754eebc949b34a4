package cn.youfu.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * A deadline counted in working days.
 *
 * @param from        the day the period starts from (not itself counted, Civil Code Art. 201)
 * @param workingDays how many working days the period has
 * @param paused      intervals that did not count
 * @param deadline    the last day of the period: the {@code workingDays}-th counted working day after {@code from}
 * @param provisional true when a day of the period falls in a year without an official holiday schedule
 */
public record Deadline(LocalDate from, int workingDays, List<DateInterval> paused, LocalDate deadline,
                       boolean provisional) {

    public Deadline {
        paused = List.copyOf(paused);
    }
}

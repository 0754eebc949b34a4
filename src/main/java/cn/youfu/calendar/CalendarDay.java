package cn.youfu.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/**
 * What the calendar says of one date.
 *
 * @param date             the date
 * @param dayOfWeek        its day of the week
 * @param workingDay       whether statutory periods count it
 * @param holiday          the name of the listed holiday the date belongs to (e.g. 春节), or {@code null}
 * @param makeUpWorkingDay whether it is a weekend day declared a working day (调休上班)
 * @param makeUpFor        for a make-up working day, the holiday it makes up for; otherwise {@code null}
 * @param provisional      true when the date's year has no official schedule yet (weekends alone were used)
 * @param notices          the State Council notices the answer rests on (empty when provisional)
 */
public record CalendarDay(LocalDate date, DayOfWeek dayOfWeek, boolean workingDay, String holiday,
                          boolean makeUpWorkingDay, String makeUpFor, boolean provisional, List<String> notices) {
}

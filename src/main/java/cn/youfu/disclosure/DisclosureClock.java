package cn.youfu.disclosure;

import cn.youfu.calendar.WorkingDayCalendar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The reply period of a request for government information, day by day, as the 2019 Regulations count it. Pure: the
 * calendar and the request's history are given, nothing is read from a clock or a database.
 *
 * <ul>
 *   <li>The request is received on {@code receivedOn} (online: the day it was submitted, Art. 31); the period counts
 *       from the next day, in working days: weekends and holidays are skipped, make-up working days count.</li>
 *   <li>20 working days (Art. 33), plus each extension's days.</li>
 *   <li>A pause (awaiting the applicant's correction, a third party's or another agency's opinion) entered on day D
 *       and left on day R: D+1 … R do not count (Art. 30, 32, 33). An open pause leaves no deadline.</li>
 *   <li>A corrected request is a new receipt (Art. 30): the period starts afresh the day after it; what was counted
 *       before is superseded.</li>
 * </ul>
 *
 * <p>The case engine keeps the same deadline (its {@code information-disclosure} type pauses and restarts the clock
 * alike); this class explains it.
 */
public final class DisclosureClock {

    /** The statutory period in working days (Art. 33). */
    public static final int WORKING_DAYS = 20;

    private DisclosureClock() {
    }

    /** Why the clock stood still. */
    public enum PauseReason { CORRECTION, THIRD_PARTY, AGENCY }

    /** What a day was for the period. */
    public enum Kind {
        /** The day the request (or its correction) was received: not counted (Art. 31; Civil Code Art. 201). */
        RECEIVED,
        /** A working day counted toward the period. */
        COUNTED,
        /** A weekend day declared a working day (调休上班): counted. */
        MAKE_UP_COUNTED,
        /** A Saturday or Sunday: not counted. */
        WEEKEND,
        /** A statutory holiday: not counted. */
        HOLIDAY,
        /** The clock stood still: not counted. */
        PAUSED,
        /** A working day counted before the corrected request arrived, then superseded by the new period. */
        SUPERSEDED
    }

    /**
     * A pause of the clock, entered on {@code enteredOn}; {@code leftOn} null while it lasts.
     */
    public record Pause(PauseReason reason, LocalDate enteredOn, LocalDate leftOn) {
        public Pause {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(enteredOn, "enteredOn");
        }

        boolean covers(LocalDate date) {
            return date.isAfter(enteredOn) && (leftOn == null || !date.isAfter(leftOn));
        }
    }

    /**
     * What happened to the request that the clock depends on.
     *
     * @param receivedOn    the day the request was received
     * @param restartedOn   the day the corrected request was received; null when none
     * @param pauses        every pause, in order
     * @param extensionDays working days added by extensions (0 when none)
     */
    public record History(LocalDate receivedOn, LocalDate restartedOn, List<Pause> pauses, int extensionDays) {
        public History {
            Objects.requireNonNull(receivedOn, "receivedOn");
            pauses = List.copyOf(pauses);
        }
    }

    /**
     * One day of the explanation.
     *
     * @param counted the working day's number in the period (COUNTED, MAKE_UP_COUNTED), else null
     * @param holiday the holiday's or the make-up day's name, else null
     * @param pause   why the clock stood still (PAUSED), else null
     */
    public record Day(LocalDate date, Kind kind, Integer counted, String holiday, PauseReason pause) {
    }

    /**
     * The period explained.
     *
     * @param periodStart the day the current period counts from (the receipt or the corrected request's receipt)
     * @param workingDays the period's length: 20 plus extensions
     * @param deadline    the last day to reply; null while the clock stands still
     * @param days        every day from the first receipt to the deadline (or to {@code today} while paused)
     * @param provisional a day counted falls in a year whose holiday notice is not yet published: the deadline may
     *                    move when it is (the case engine recounts it then)
     */
    public record Explanation(LocalDate periodStart, int workingDays, LocalDate deadline, boolean paused,
                              List<Day> days, boolean provisional) {
    }

    /**
     * Explains the period as of {@code today}: up to the deadline, or up to {@code today} while the clock is paused.
     */
    public static Explanation explain(History history, LocalDate today, WorkingDayCalendar calendar) {
        var start = history.restartedOn() == null ? history.receivedOn() : history.restartedOn();
        int length = WORKING_DAYS + history.extensionDays();
        boolean paused = history.pauses().stream().anyMatch(p -> p.leftOn() == null);
        var days = new ArrayList<Day>();
        days.add(new Day(history.receivedOn(), Kind.RECEIVED, null, null, null));
        int counted = 0;
        LocalDate deadline = null;
        for (var date = history.receivedOn().plusDays(1); ; date = date.plusDays(1)) {
            if (paused && date.isAfter(today)) {
                break;
            }
            var day = day(date, history, start, counted, calendar);
            days.add(day);
            if (day.counted() != null) {
                counted = day.counted();
                if (counted == length) {
                    deadline = date;
                    break;
                }
            }
        }
        var last = days.get(days.size() - 1).date();
        return new Explanation(start, length, deadline, paused, days,
                calendar.isProvisional(history.receivedOn(), last));
    }

    private static Day day(LocalDate date, History history, LocalDate start, int counted,
                           WorkingDayCalendar calendar) {
        if (date.equals(start) && history.restartedOn() != null) {
            return new Day(date, Kind.RECEIVED, null, null, null);
        }
        var pause = history.pauses().stream().filter(p -> p.covers(date)).findFirst();
        if (pause.isPresent()) {
            return new Day(date, Kind.PAUSED, null, null, pause.get().reason());
        }
        var calendarDay = calendar.day(date);
        if (!calendarDay.workingDay()) {
            return calendarDay.holiday() != null ? new Day(date, Kind.HOLIDAY, null, calendarDay.holiday(), null)
                    : new Day(date, Kind.WEEKEND, null, null, null);
        }
        if (!date.isAfter(start)) {
            return new Day(date, Kind.SUPERSEDED, null, null, null);
        }
        return calendarDay.makeUpWorkingDay()
                ? new Day(date, Kind.MAKE_UP_COUNTED, counted + 1, calendarDay.makeUpFor(), null)
                : new Day(date, Kind.COUNTED, counted + 1, null, null);
    }
}

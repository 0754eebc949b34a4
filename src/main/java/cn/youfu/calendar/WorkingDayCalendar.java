package cn.youfu.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Statutory working days. Pure and immutable: the holiday schedule is given on construction, nothing is read from
 * a clock or a file.
 *
 * <p>A date is a working day when the schedule lists it as a make-up working day, or when it is Monday to Friday
 * and not listed as a holiday. A year the schedule has no official notice for is computed on weekends alone and
 * every answer touching it says so ({@code provisional}).
 *
 * <p>Periods count from the day after their start (Civil Code Art. 201): {@code deadline(from, n)} is the n-th
 * working day after {@code from}. Periods in calendar days ({@link #dayDeadline}) end on their n-th day, or on the
 * first working day after it when that day is a rest day (Art. 203). Days inside a paused interval are not counted.
 */
public final class WorkingDayCalendar {

    /** The longest period the calendar counts, in working days (about fourteen years). */
    public static final int MAX_WORKING_DAYS = 3650;

    private final HolidaySchedule schedule;

    public WorkingDayCalendar(HolidaySchedule schedule) {
        this.schedule = Objects.requireNonNull(schedule, "schedule");
    }

    /** The schedule this calendar counts with. */
    public HolidaySchedule schedule() {
        return schedule;
    }

    public boolean isWorkingDay(LocalDate date) {
        var listed = schedule.listedDays().get(date);
        if (listed != null) {
            return !listed.offDay();
        }
        return !isWeekend(date);
    }

    /** Whether the date's year has no official schedule, so that its answer rests on weekends alone. */
    public boolean isProvisional(LocalDate date) {
        return !schedule.officialYears().contains(date.getYear());
    }

    /** Whether any date in {@code (from, to]} falls in a year without an official schedule. */
    public boolean isProvisional(LocalDate from, LocalDate to) {
        for (int year = from.plusDays(1).getYear(); year <= to.getYear(); year++) {
            if (!schedule.officialYears().contains(year)) {
                return true;
            }
        }
        return false;
    }

    public CalendarDay day(LocalDate date) {
        var listed = schedule.listedDays().get(date);
        boolean working = isWorkingDay(date);
        boolean makeUp = listed != null && !listed.offDay();
        boolean provisional = isProvisional(date);
        return new CalendarDay(date, date.getDayOfWeek(), working,
                listed != null && listed.offDay() ? listed.name() : null,
                makeUp, makeUp ? listed.name() : null, provisional,
                provisional ? List.of() : schedule.notices().getOrDefault(date.getYear(), List.of()));
    }

    /** The n-th working day after {@code from}. */
    public Deadline deadline(LocalDate from, int workingDays) {
        return deadline(from, workingDays, List.of());
    }

    /**
     * The n-th counted working day after {@code from}, where days inside any of {@code paused} are not counted.
     *
     * @throws IllegalArgumentException when {@code workingDays} is outside 1..{@value #MAX_WORKING_DAYS}
     */
    public Deadline deadline(LocalDate from, int workingDays, Collection<DateInterval> paused) {
        Objects.requireNonNull(from, "from");
        if (workingDays < 1 || workingDays > MAX_WORKING_DAYS) {
            throw new IllegalArgumentException(
                    "workingDays must be between 1 and " + MAX_WORKING_DAYS + ", got " + workingDays);
        }
        var pauses = List.copyOf(paused);
        var date = from;
        int counted = 0;
        while (counted < workingDays) {
            date = date.plusDays(1);
            if (counts(date, pauses)) {
                counted++;
            }
        }
        return new Deadline(from, workingDays, pauses, date, isProvisional(from, date));
    }

    /**
     * The last day of a period of {@code days} calendar days after {@code from} (Civil Code Art. 201: the start day is
     * not counted; Art. 203: a last day that is a rest day moves to the first working day after it). Days inside any
     * of {@code paused} are not counted.
     *
     * @throws IllegalArgumentException when {@code days} is outside 1..{@value #MAX_WORKING_DAYS}
     */
    public DayDeadline dayDeadline(LocalDate from, int days, Collection<DateInterval> paused) {
        Objects.requireNonNull(from, "from");
        if (days < 1 || days > MAX_WORKING_DAYS) {
            throw new IllegalArgumentException("days must be between 1 and " + MAX_WORKING_DAYS + ", got " + days);
        }
        var pauses = List.copyOf(paused);
        var date = from;
        int counted = 0;
        while (counted < days) {
            date = date.plusDays(1);
            if (!paused(date, pauses)) {
                counted++;
            }
        }
        var last = date;
        while (!isWorkingDay(last)) {
            last = last.plusDays(1);
        }
        return new DayDeadline(from, days, pauses, date, last, isProvisional(from, last));
    }

    /**
     * The last day of a period of {@code n} days in {@code unit} after {@code from}, not counting days inside
     * {@code paused}: {@link #deadline(LocalDate, int, Collection)} for working days,
     * {@link #dayDeadline(LocalDate, int, Collection)} for calendar days.
     */
    public LocalDate lastDay(LocalDate from, int n, PeriodUnit unit, Collection<DateInterval> paused) {
        return unit == PeriodUnit.WORKING_DAYS ? deadline(from, n, paused).deadline()
                : dayDeadline(from, n, paused).deadline();
    }

    /**
     * The days of {@code unit} in {@code (from, to]} not inside {@code paused}: the start day is not counted, the end
     * day is. Zero when {@code to} is not after {@code from}.
     */
    public int daysBetween(LocalDate from, LocalDate to, PeriodUnit unit, Collection<DateInterval> paused) {
        if (unit == PeriodUnit.WORKING_DAYS) {
            return workingDaysBetween(from, to, paused);
        }
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        var pauses = List.copyOf(paused);
        int count = 0;
        for (var date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
            if (!paused(date, pauses)) {
                count++;
            }
        }
        return count;
    }

    /**
     * The working days in {@code (from, to]}: the start day is not counted, the end day is. Zero when {@code to}
     * is not after {@code from}.
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        return workingDaysBetween(from, to, List.of());
    }

    /** As {@link #workingDaysBetween(LocalDate, LocalDate)}, not counting days inside {@code paused}. */
    public int workingDaysBetween(LocalDate from, LocalDate to, Collection<DateInterval> paused) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        var pauses = List.copyOf(paused);
        int count = 0;
        for (var date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
            if (counts(date, pauses)) {
                count++;
            }
        }
        return count;
    }

    private boolean counts(LocalDate date, List<DateInterval> pauses) {
        return isWorkingDay(date) && !paused(date, pauses);
    }

    private static boolean paused(LocalDate date, List<DateInterval> pauses) {
        for (var pause : pauses) {
            if (pause.contains(date)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWeekend(LocalDate date) {
        var dow = date.getDayOfWeek();
        return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
    }
}

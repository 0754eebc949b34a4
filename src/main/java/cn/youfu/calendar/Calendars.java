package cn.youfu.calendar;

/**
 * Gives the calendar in force. The schedule can change while Youfu runs (the State Council publishes next year's
 * notice and an administrator loads it), so callers ask for the current calendar each time instead of keeping one.
 * Every instance notices a change made by another within {@value #RECHECK_SECONDS} seconds.
 */
public interface Calendars {

    int RECHECK_SECONDS = 30;

    /** The calendar with the schedule in force now. */
    WorkingDayCalendar current();

    /** Reads the schedule again now (after a change), and returns it. */
    WorkingDayCalendar refresh();
}

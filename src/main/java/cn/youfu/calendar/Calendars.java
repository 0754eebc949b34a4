package cn.youfu.calendar;

/**
 * Gives the calendar in force. The schedule can change while Youfu runs (the State Council publishes next year's
 * notice), so callers ask for the current calendar each time instead of keeping one.
 */
public interface Calendars {

    /** The calendar with the schedule in force now. */
    WorkingDayCalendar current();
}

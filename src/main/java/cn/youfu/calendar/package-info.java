/**
 * The statutory working-day calendar.
 *
 * <p>China's statutory periods (Administrative Licensing Law Art. 82, Regulations on Open Government Information
 * Art. 33, …) are counted in working days: weekends and the State Council's listed holidays are off, declared
 * make-up working days (调休上班) are on, and the start day is not counted (Civil Code Art. 201).
 * {@link cn.youfu.calendar.WorkingDayCalendar} is the pure, immutable calculator; the schedule is injected, so it is
 * tested against fixed dates. All dates are {@link java.time.LocalDate}s in China Standard Time (UTC+8).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Working-day calendar", allowedDependencies = {"platform", "audit"})
package cn.youfu.calendar;

package cn.youfu.calendar.internal;

import cn.youfu.calendar.CalendarDay;
import cn.youfu.calendar.Calendars;
import cn.youfu.calendar.DateInterval;
import cn.youfu.calendar.DayDeadline;
import cn.youfu.calendar.Deadline;
import cn.youfu.calendar.WorkingDayCalendar;
import cn.youfu.platform.InvalidParameterException;
import cn.youfu.platform.Parameters;
import cn.youfu.platform.PublicEndpoint;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The statutory calendar: anyone may check a date or a deadline; administrators load new notices. */
@RestController
@RequestMapping(path = "/api/v1/calendar", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Calendar", description = "Statutory working days (holidays excluded, make-up working days included)")
class CalendarController {

    /** Dates the calendar answers for; outside them a date is refused as a likely typing error. */
    static final LocalDate EARLIEST = LocalDate.of(1949, 10, 1);
    static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

    private final Calendars calendars;
    private final CalendarStore store;

    CalendarController(Calendars calendars, CalendarStore store) {
        this.calendars = calendars;
        this.store = store;
    }

    @GetMapping("/days/{date}")
    @PublicEndpoint
    @Operation(summary = "Whether a date is a statutory working day, and the holiday it belongs to")
    CalendarDay day(@PathVariable @Parameter(example = "2026-10-01") String date) {
        return calendars.current().day(date("date", date));
    }

    @GetMapping("/deadline")
    @PublicEndpoint
    @Operation(summary = "The n-th working day after a date (the start day is not counted, Civil Code Art. 201)",
            description = "Optional `paused` intervals (`yyyy-MM-dd/yyyy-MM-dd`, both ends included) do not count.")
    Deadline deadline(@RequestParam @Parameter(example = "2026-09-24") String from,
                      @RequestParam @Parameter(example = "20") String workingDays,
                      @RequestParam(required = false) List<String> paused) {
        var start = date("from", from);
        int n = workingDays("workingDays", workingDays);
        return calendars.current().deadline(start, n, intervals("paused", paused));
    }

    @GetMapping("/day-deadline")
    @PublicEndpoint
    @Operation(summary = "The last day of a period of n calendar days (日) after a date",
            description = "The start day is not counted (Civil Code Art. 201); a last day that is a weekend or a "
                    + "holiday moves to the first working day after it (Art. 203). Optional `paused` intervals "
                    + "(`yyyy-MM-dd/yyyy-MM-dd`, both ends included) do not count.")
    DayDeadline dayDeadline(@RequestParam @Parameter(example = "2026-09-20") String from,
                            @RequestParam @Parameter(example = "15") String days,
                            @RequestParam(required = false) List<String> paused) {
        var start = date("from", from);
        int n = workingDays("days", days);
        return calendars.current().dayDeadline(start, n, intervals("paused", paused));
    }

    record WorkingDaysCount(LocalDate from, LocalDate to, int workingDays, boolean provisional) {
    }

    @GetMapping("/working-days")
    @PublicEndpoint
    @Operation(summary = "The working days after `from` up to and including `to`")
    WorkingDaysCount count(@RequestParam @Parameter(example = "2026-09-24") String from,
                           @RequestParam @Parameter(example = "2026-10-29") String to,
                           @RequestParam(required = false) List<String> paused) {
        var start = date("from", from);
        var end = date("to", to);
        if (end.isBefore(start)) {
            throw InvalidParameterException.because("to", "not-before", to, from);
        }
        if (end.toEpochDay() - start.toEpochDay() > WorkingDayCalendar.MAX_WORKING_DAYS * 2L) {
            throw InvalidParameterException.because("to", "span-too-long", WorkingDayCalendar.MAX_WORKING_DAYS * 2);
        }
        var calendar = calendars.current();
        return new WorkingDaysCount(start, end, calendar.workingDaysBetween(start, end, intervals("paused", paused)),
                calendar.isProvisional(start, end));
    }

    record YearChange(int year, String change, int listedDays, boolean provisional, String fingerprint) {
    }

    @PutMapping(path = "/years/{year}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Load a year's State Council holiday notice (holiday-cn format); open cases' deadlines are "
            + "recounted", description = "Body: {\"year\": 2027, \"papers\": [\"https://www.gov.cn/…\"], "
            + "\"days\": [{\"name\": \"元旦\", \"date\": \"2027-01-01\", \"isOffDay\": true}, …]}")
    YearChange load(@PathVariable String year, @RequestBody HolidayScheduleLoader.YearFile file,
                    Authentication authentication) {
        int y = Parameters.integer("year", year, EARLIEST.getYear(), LATEST.getYear(), null);
        store.store(y, file, authentication.getName());
        var calendar = calendars.refresh();
        return new YearChange(y, "loaded", file.days().size(), calendar.isProvisional(LocalDate.of(y, 6, 1)),
                calendar.schedule().fingerprint());
    }

    @DeleteMapping("/years/{year}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Remove a loaded year: the schedule shipped with Youfu (if any) is in force again")
    YearChange unload(@PathVariable String year, Authentication authentication) {
        int y = Parameters.integer("year", year, EARLIEST.getYear(), LATEST.getYear(), null);
        if (!store.remove(y, authentication.getName())) {
            throw InvalidParameterException.because("year", "year-not-loaded", y);
        }
        var calendar = calendars.refresh();
        return new YearChange(y, "removed", 0, calendar.isProvisional(LocalDate.of(y, 6, 1)),
                calendar.schedule().fingerprint());
    }

    private static LocalDate date(String parameter, String value) {
        return Parameters.date(parameter, value, EARLIEST, LATEST);
    }

    private static int workingDays(String parameter, String value) {
        return Parameters.integer(parameter, value, 1, WorkingDayCalendar.MAX_WORKING_DAYS, null);
    }

    private static List<DateInterval> intervals(String parameter, List<String> values) {
        var intervals = new ArrayList<DateInterval>();
        if (values == null) {
            return intervals;
        }
        for (String value : values) {
            var parts = value.split("/", -1);
            if (parts.length != 2) {
                throw InvalidParameterException.malformed(parameter, value, "interval");
            }
            var first = date(parameter, parts[0]);
            var last = date(parameter, parts[1]);
            if (last.isBefore(first)) {
                throw InvalidParameterException.because(parameter, "not-before", parts[1], parts[0]);
            }
            intervals.add(new DateInterval(first, last));
        }
        return intervals;
    }
}

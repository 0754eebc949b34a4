package cn.youfu.calendar.internal;

import cn.youfu.calendar.Calendars;
import cn.youfu.calendar.HolidayScheduleChanged;
import cn.youfu.calendar.WorkingDayCalendar;
import cn.youfu.calendar.internal.HolidayScheduleLoader.YearFile;
import cn.youfu.platform.InvalidParameterException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.TreeMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The schedule in force: the files shipped in {@code holiday-cn/}, with any year an administrator loaded since
 * ({@code calendar.year_schedule}) replacing the shipped file of that year. Re-read after a change here, and at most
 * {@value Calendars#RECHECK_SECONDS} s after a change made by another instance.
 */
@Component
class CalendarStore implements Calendars {

    static final String SHIPPED = "holiday-cn";

    private record Loaded(WorkingDayCalendar calendar, String version, Instant checkedAt) {
    }

    private final HolidayScheduleLoader loader;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TreeMap<String, YearFile> shipped;
    private volatile Loaded loaded;

    CalendarStore(JsonMapper json, JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.loader = new HolidayScheduleLoader(json);
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.events = events;
        this.shipped = new TreeMap<>(loader.readClasspath(SHIPPED));
        this.loaded = load();
    }

    @Override
    public WorkingDayCalendar current() {
        var now = clock.instant();
        var state = loaded;
        if (Duration.between(state.checkedAt(), now).getSeconds() >= RECHECK_SECONDS) {
            state = version().equals(state.version()) ? new Loaded(state.calendar(), state.version(), now) : load();
            loaded = state;
        }
        return state.calendar();
    }

    @Override
    public synchronized WorkingDayCalendar refresh() {
        loaded = load();
        return loaded.calendar();
    }

    /**
     * Loads (replaces) a year's notice. Refused, changing nothing, when the document's year differs from
     * {@code year}, a day lacks its date or name, a date lies outside the year (a December of the year before is
     * allowed: notices list the New Year bridge), a date is listed twice, or it contradicts another year's file.
     */
    @Transactional
    YearFile store(int year, YearFile file, String actor) {
        if (file.year() != year) {
            throw InvalidParameterException.because("year", "year-mismatch", file.year(), year);
        }
        if (file.days().isEmpty()) {
            throw InvalidParameterException.because("days", "no-days");
        }
        var seen = new HashSet<java.time.LocalDate>();
        for (var day : file.days()) {
            if (day.date() == null || day.name() == null || day.name().isBlank()) {
                throw InvalidParameterException.because("days", "day-incomplete");
            }
            boolean inYear = day.date().getYear() == year
                    || (day.date().getYear() == year - 1 && day.date().getMonthValue() == 12);
            if (!inYear) {
                throw InvalidParameterException.because("days", "day-outside-year", day.date(), year);
            }
            if (!seen.add(day.date())) {
                throw InvalidParameterException.because("days", "day-twice", day.date());
            }
        }
        var files = files();
        files.put(year + ".json", file);
        WorkingDayCalendar candidate;
        try {
            candidate = new WorkingDayCalendar(loader.build(files));
        } catch (IllegalStateException conflict) {
            throw InvalidParameterException.because("days", "day-conflict", conflict.getMessage());
        }
        var now = clock.instant();
        jdbc.sql("""
                        INSERT INTO calendar.year_schedule (year, document, updated_at, updated_by) VALUES (?, ?, ?, ?)
                        ON CONFLICT (year) DO UPDATE SET document = EXCLUDED.document,
                          updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by""")
                .params(year, json.writeValueAsString(file), Timestamp.from(now), actor).update();
        events.publishEvent(new HolidayScheduleChanged(year, "loaded", actor, now, file.days().size(),
                candidate.schedule().fingerprint()));
        refreshAfterCommit();
        return file;
    }

    /** Removes a loaded year: the shipped file (if any) is in force again. False when none was loaded. */
    @Transactional
    boolean remove(int year, String actor) {
        if (jdbc.sql("DELETE FROM calendar.year_schedule WHERE year = ?").param(year).update() == 0) {
            return false;
        }
        var schedule = loader.build(files());
        events.publishEvent(new HolidayScheduleChanged(year, "removed", actor, clock.instant(), 0,
                schedule.fingerprint()));
        refreshAfterCommit();
        return true;
    }

    private void refreshAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                refresh();
            }
        });
    }

    private Loaded load() {
        var version = version();
        return new Loaded(new WorkingDayCalendar(loader.build(files())), version, clock.instant());
    }

    /** Shipped files, with loaded years replacing theirs. */
    private TreeMap<String, YearFile> files() {
        var files = new TreeMap<>(shipped);
        jdbc.sql("SELECT year, document FROM calendar.year_schedule").query((rs, n) -> {
            files.put(rs.getInt("year") + ".json", json.readValue(rs.getString("document"), YearFile.class));
            return null;
        }).list();
        return files;
    }

    private String version() {
        return jdbc.sql("SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM calendar.year_schedule")
                .query(String.class).single();
    }
}

package cn.youfu.calendar.internal;

import cn.youfu.calendar.HolidaySchedule;
import cn.youfu.calendar.HolidaySchedule.ListedDay;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the State Council schedule in the holiday-cn format ({@code YYYY.json}: year, papers, days). A file that
 * lists no days is a year without a notice yet. Two files that disagree on a date stop the load.
 */
public final class HolidayScheduleLoader {

    /** One year's notice in the holiday-cn format. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record YearFile(int year, List<String> papers, List<Day> days) {

        public YearFile {
            papers = papers == null ? List.of() : List.copyOf(papers);
            days = days == null ? List.of() : List.copyOf(days);
        }
    }

    /** A listed date: a holiday ({@code isOffDay}) or a make-up working day. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Day(String name, LocalDate date, boolean isOffDay) {
    }

    private final JsonMapper json;

    public HolidayScheduleLoader(JsonMapper json) {
        this.json = json;
    }

    /** Loads every {@code *.json} under the given classpath folder, e.g. {@code holiday-cn}. */
    public HolidaySchedule loadClasspath(String folder) {
        return build(readClasspath(folder));
    }

    /** The files of a classpath folder, by file name. */
    public Map<String, YearFile> readClasspath(String folder) {
        try {
            var resources = new PathMatchingResourcePatternResolver().getResources("classpath*:" + folder + "/*.json");
            var files = new java.util.TreeMap<String, YearFile>();
            for (Resource resource : resources) {
                files.put(resource.getFilename(), read(new NamedStream(resource.getFilename(),
                        resource::getInputStream)));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the holiday schedule in classpath:" + folder, e);
        }
    }

    /** One file to load: its name (for messages) and its content. */
    public record NamedStream(String name, StreamSource source) {
    }

    @FunctionalInterface
    public interface StreamSource {
        InputStream open() throws IOException;
    }

    public HolidaySchedule load(List<NamedStream> files) {
        var read = new java.util.LinkedHashMap<String, YearFile>();
        files.forEach(file -> read.put(file.name(), read(file)));
        return build(read);
    }

    /**
     * Merges the files (name → content) into one schedule. A file that lists no days is a year without a notice.
     *
     * @throws IllegalStateException naming the file when a day lacks its date or name, or two files disagree
     */
    public HolidaySchedule build(Map<String, YearFile> files) {
        Map<LocalDate, ListedDay> listed = new HashMap<>();
        Set<Integer> official = new HashSet<>();
        Map<Integer, List<String>> notices = new HashMap<>();
        for (var file : files.entrySet()) {
            var name = file.getKey();
            var year = file.getValue();
            if (year.days().isEmpty()) {
                continue;
            }
            official.add(year.year());
            notices.put(year.year(), year.papers());
            for (var day : year.days()) {
                if (day.date() == null || day.name() == null || day.name().isBlank()) {
                    throw new IllegalStateException("holiday schedule " + name + ": a day without date or name");
                }
                var entry = new ListedDay(day.date(), day.name(), day.isOffDay());
                var previous = listed.putIfAbsent(day.date(), entry);
                if (previous != null && !previous.equals(entry)) {
                    throw new IllegalStateException("holiday schedule " + name + ": " + day.date()
                            + " is listed twice, differently: " + previous + " and " + entry);
                }
            }
        }
        return new HolidaySchedule(listed, official, notices);
    }

    /** Parses one file in the holiday-cn format. */
    public YearFile read(NamedStream file) {
        try (var in = file.source().open()) {
            return json.readValue(in, YearFile.class);
        } catch (IOException | JacksonException e) {
            throw new IllegalStateException("holiday schedule " + file.name() + " cannot be read: " + e.getMessage(), e);
        }
    }
}

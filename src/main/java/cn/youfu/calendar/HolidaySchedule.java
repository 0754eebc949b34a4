package cn.youfu.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The official schedule of exceptional days, as the State Council's yearly notices list them.
 *
 * @param listedDays    every listed date: a holiday (off) or a make-up working day (on)
 * @param officialYears the years for which a notice has been published; other years are provisional
 * @param notices       per year, the addresses of the notices the schedule was taken from (may be empty)
 */
public record HolidaySchedule(Map<LocalDate, ListedDay> listedDays, Set<Integer> officialYears,
                              Map<Integer, List<String>> notices) {

    /** One listed date. {@code offDay} is true for a holiday, false for a make-up working day. */
    public record ListedDay(LocalDate date, String name, boolean offDay) {
        public ListedDay {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(name, "name");
        }
    }

    public HolidaySchedule {
        listedDays = Map.copyOf(listedDays);
        officialYears = Set.copyOf(officialYears);
        notices = Map.copyOf(notices);
    }

    /**
     * A short digest of every listed day: two schedules with the same fingerprint count every period alike. Used to
     * notice that the schedule changed (a new notice) and deadlines must be recounted.
     */
    public String fingerprint() {
        try {
            var digest = java.security.MessageDigest.getInstance("SHA-256");
            listedDays.values().stream().sorted(java.util.Comparator.comparing(ListedDay::date))
                    .forEach(d -> digest.update((d.date() + (d.offDay() ? "-" : "+") + "\n")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            officialYears.stream().sorted().forEach(y -> digest.update(("y" + y + "\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return java.util.HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A schedule with no official year at all: every answer is computed on weekends alone. */
    public static HolidaySchedule none() {
        return new HolidaySchedule(Map.of(), Set.of(), Map.of());
    }
}

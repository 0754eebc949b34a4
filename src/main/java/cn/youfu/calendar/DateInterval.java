package cn.youfu.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A closed interval of dates, both ends included — for example the days a clock stood still while the applicant
 * supplemented materials (Administrative Licensing Law Art. 45, Regulations on Open Government Information Art. 30).
 */
public record DateInterval(LocalDate first, LocalDate last) {

    public DateInterval {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("interval ends (" + last + ") before it starts (" + first + ")");
        }
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(first) && !date.isAfter(last);
    }
}

package cn.youfu.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** Times on the pages, in China Standard Time ({@code ${@times.at(instant)}} in templates). */
@Component("times")
class Times {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    /** {@code yyyy-MM-dd HH:mm}; empty for null. */
    public String at(Instant instant) {
        return instant == null ? "" : MINUTES.format(instant);
    }

    /** A share between 0 and 1 as a whole percentage; "—" for null. */
    public String percent(Double share) {
        return share == null ? "—" : Math.round(share * 100) + "%";
    }
}

package cn.youfu.materials.internal;

import cn.youfu.materials.internal.Extraction.Field;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/** Dates as printed on Chinese documents ({@code 2015年03月12日}, {@code 2015.03.12}) made ISO. */
final class Dates {

    private static final Pattern DATE = Pattern.compile("(\\d{4})\\D{0,3}(\\d{1,2})\\D{0,3}(\\d{1,2})");

    private Dates() {
    }

    /** The first date in the field's text as {@code yyyy-MM-dd}; invalid when there is none or it is impossible. */
    static Field chinese(Field field) {
        var m = DATE.matcher(field.value());
        if (!m.find()) {
            return field.invalid();
        }
        try {
            var date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
            return new Field(date.toString(), field.confidence(), true, false, field.region());
        } catch (DateTimeException e) {
            return new Field(m.group(), field.confidence(), false, false, field.region());
        }
    }
}

package cn.youfu.calendar;

import cn.youfu.audit.AuditedAction;
import java.time.Instant;
import java.util.LinkedHashMap;

/**
 * An administrator loaded ({@code change = "loaded"}) or removed ({@code "removed"}) a year's holiday notice. Open
 * cases' deadlines are to be recounted; the ledger records the change in stream {@code calendar:schedule}.
 *
 * @param fingerprint the schedule's fingerprint after the change
 */
public record HolidayScheduleChanged(int year, String change, String actor, Instant at, int listedDays,
                                     String fingerprint) implements AuditedAction {

    @Override
    public String stream() {
        return "calendar:schedule";
    }

    @Override
    public String action() {
        return "calendar.schedule." + change;
    }

    @Override
    public Object payload() {
        var payload = new LinkedHashMap<String, Object>();
        payload.put("year", year);
        payload.put("listedDays", listedDays);
        payload.put("fingerprint", fingerprint);
        return payload;
    }
}

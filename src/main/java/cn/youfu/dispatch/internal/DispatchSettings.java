package cn.youfu.dispatch.internal;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the dispatch loop ({@code youfu.dispatch.*}).
 *
 * @param hotlineDepartment    the 12345 centre: its officers dispatch, merge and visit
 * @param confidenceThreshold  below this probability (0–1) of the best topic an event waits for a dispatcher
 * @param duplicateDistance    how near (metres) an open event of the same topic must be to be offered as the same
 * @param duplicateWindow      how recent that open event must be
 * @param gridCellMetres       side of a cell of the fixed grid index (网格)
 * @param kinds                each kind's clock: working days to respond and to handle
 * @param contactKey           {@code YOUFU_DISPATCH_CONTACT_KEY}: the SM4 key (32 hexadecimal digits) that encrypts
 *                             reporters' contact details at rest; blank in demo mode: a fixed demo key; production
 *                             refuses to start without one
 */
@ConfigurationProperties("youfu.dispatch")
record DispatchSettings(String hotlineDepartment, double confidenceThreshold, int duplicateDistance,
                        Duration duplicateWindow, int gridCellMetres, Map<Kind, KindClock> kinds,
                        String contactKey) {

    /** @param response working days to the first response (taking on); {@code handling} to the reply and close */
    record KindClock(int response, int handling) {
    }

    DispatchSettings {
        hotlineDepartment = hotlineDepartment == null ? "fz-12345" : hotlineDepartment;
        duplicateWindow = duplicateWindow == null ? Duration.ofHours(72) : duplicateWindow;
        gridCellMetres = gridCellMetres <= 0 ? 500 : gridCellMetres;
        duplicateDistance = duplicateDistance <= 0 ? 200 : duplicateDistance;
        var all = new EnumMap<Kind, KindClock>(Kind.class);
        for (var kind : Kind.values()) {
            all.put(kind, kinds != null && kinds.containsKey(kind) ? kinds.get(kind) : new KindClock(1, 5));
        }
        kinds = Map.copyOf(all);
        contactKey = contactKey == null || contactKey.isBlank() ? null : contactKey.strip();
    }

    @Override
    public String toString() {
        return "DispatchSettings[hotlineDepartment=" + hotlineDepartment + ", contactKey="
                + (contactKey == null ? "none" : "(set)") + "]";
    }
}

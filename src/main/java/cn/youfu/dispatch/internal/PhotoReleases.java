package cn.youfu.dispatch.internal;

import cn.youfu.dispatch.DispatchEvents.PhotosReleased;
import cn.youfu.identity.CurrentUser;
import cn.youfu.identity.Role;
import cn.youfu.platform.InvalidParameterException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The photos of an event an officer has released for publication. A photo a citizen sends may show faces, plates or
 * the inside of a home: Open311 publishes none until an officer of the lead department or of the 12345 centre has
 * looked at it and released it, a step recorded in the ledger.
 */
@Component
class PhotoReleases {

    private final JdbcClient jdbc;
    private final DispatchService service;
    private final DispatchSettings settings;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    PhotoReleases(JdbcClient jdbc, DispatchService service, DispatchSettings settings,
                  ApplicationEventPublisher publisher, Clock clock) {
        this.jdbc = jdbc;
        this.service = service;
        this.settings = settings;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** An event's released photos, by position in its list (from 0). */
    record Released(String reference, List<Integer> released) {
    }

    /** Releases the photos at {@code positions} (null or empty: all of them) of an event the officer may see. */
    @Transactional
    Released release(String reference, List<Integer> positions, CurrentUser by) {
        var event = service.visible(reference, by);
        var department = by.department();
        if (!by.has(Role.OFFICER) || department == null || !(department.equals(event.department)
                || department.equals(settings.hotlineDepartment()))) {
            throw DispatchProblems.notYourStep(event.reference, "release-photos",
                    "lead department, " + settings.hotlineDepartment());
        }
        int count = event.report.photos().size();
        var chosen = positions == null || positions.isEmpty() ? IntStream.range(0, count).boxed().toList() : positions;
        for (var position : chosen) {
            if (position == null || position < 0 || position >= count) {
                throw InvalidParameterException.outOfRange("photos", position, 0, Math.max(0, count - 1));
            }
        }
        var now = clock.instant();
        var sorted = List.copyOf(new TreeSet<>(chosen));
        for (var position : sorted) {
            jdbc.sql("""
                            INSERT INTO dispatch.photo_release (reference, photo, released_by, released_at)
                            VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                    .params(event.reference, position, by.username(), Timestamp.from(now)).update();
        }
        if (!sorted.isEmpty()) {
            publisher.publishEvent(new PhotosReleased(event.reference, by.username(), now, sorted));
        }
        return new Released(event.reference, released(List.of(event.reference)).getOrDefault(event.reference,
                List.of()));
    }

    /** The released positions of each of these events that has any, in order. */
    Map<String, List<Integer>> released(Collection<String> references) {
        var released = new HashMap<String, List<Integer>>();
        if (references.isEmpty()) {
            return released;
        }
        jdbc.sql("SELECT reference, photo FROM dispatch.photo_release WHERE reference = ANY(?) ORDER BY photo")
                .param(references.toArray(String[]::new))
                .query(rs -> {
                    released.computeIfAbsent(rs.getString(1), r -> new ArrayList<>()).add(rs.getInt(2));
                });
        return released;
    }
}

package cn.youfu.dispatch.internal;

import cn.youfu.dispatch.internal.CitizenEvent.CoHandler;
import cn.youfu.dispatch.internal.CitizenEvent.Suggestion;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An event as a person sees it through the dispatch API. The reporter's contact is masked unless the viewer is the
 * officer handling the event ({@code reporter.masked} says which).
 *
 * @param token the Open311 token; only in the answer to the report itself
 */
record EventView(String reference, String token, String channel, String kind, String kindName, String description,
                 List<String> photos, Place place, Reporter reporter, String state, String stateName, String topic,
                 String department, List<CoHandler> coHandlers, Dispatch dispatch, List<String> possibleDuplicates,
                 String mergedInto, String handler, LocalDate responseDue, LocalDate handlingDue, Instant createdAt,
                 Instant dispatchedAt, Instant acceptedAt, Instant repliedAt, String reply, Instant closedAt,
                 String rating, String ratingComment, int reopened, int returned, boolean escalated,
                 boolean overdue) {

    /** Where: the address given, the WGS84 point, the division (GB/T 2260) and grid cell found from them. */
    record Place(String address, Double latitude, Double longitude, String district, String districtName,
                 String grid) {
    }

    record Reporter(boolean anonymous, String name, String phone, String email, boolean masked) {
    }

    /** Why the classifier proposed what it did: its best topic's probability, the words behind it, the top three. */
    record Dispatch(Double confidence, List<String> terms, List<Suggestion> suggestions) {
    }
}

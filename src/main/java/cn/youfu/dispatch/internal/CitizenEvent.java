package cn.youfu.dispatch.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A citizen's event and what the dispatch loop knows of it besides its case: where it is, who reported it, where it
 * was routed and why, who co-handles it, the reply and the citizen's rating. The case (same reference) owns the
 * state and the clock; {@link #state} mirrors it. The methods here hold the loop's own rules; each is called after
 * the case took the matching transition.
 */
final class CitizenEvent {

    static final String RECEIVED = "received";
    static final String DISPATCHED = "dispatched";
    static final String HANDLING = "handling";
    static final String REPLIED = "replied";
    static final String CLOSED = "closed";
    static final String MERGED = "merged";

    /** A department that co-handles the event under the lead, and its report once given. */
    record CoHandler(String department, String report, String reportedBy, Instant reportedAt) {
    }

    /** A topic the classifier proposes, where it would go, and how sure it is. */
    record Suggestion(String topic, String department, double confidence) {
    }

    /** How the citizen rated the reply at the follow-up visit. */
    enum Rating {
        SATISFIED, BASICALLY_SATISFIED, DISSATISFIED;

        boolean satisfied() {
            return this != DISSATISFIED;
        }
    }

    /** What the reporter said and where. {@code location} is WGS84 or null. */
    record Report(Channel channel, Kind kind, String description, List<String> photos, String address,
                  Location location, String district, String grid, String contactName, String contactPhone,
                  String contactEmail, boolean anonymous, String reporter, String apiClient) {
    }

    final String reference;
    final String token;
    final Report report;
    final Instant createdAt;
    String topic;
    String department;
    List<CoHandler> coHandlers = new ArrayList<>();
    Double confidence;
    List<String> terms = List.of();
    List<Suggestion> suggestions = List.of();
    List<String> duplicates = List.of();
    String state;
    String mergedInto;
    String handler;
    LocalDate responseDue;
    LocalDate handlingDue;
    Instant dispatchedAt;
    Instant acceptedAt;
    Instant repliedAt;
    String reply;
    Instant closedAt;
    Rating rating;
    String ratingComment;
    int reopened;
    int returned;
    boolean escalated;
    boolean overdue;
    long version;

    CitizenEvent(String reference, String token, Report report, Instant createdAt, String state) {
        this.reference = reference;
        this.token = token;
        this.report = report;
        this.createdAt = createdAt;
        this.state = state;
    }

    boolean open() {
        return !CLOSED.equals(state) && !MERGED.equals(state);
    }

    void dispatched(String topic, String department, List<String> coHandlers, Instant at) {
        this.topic = topic;
        this.department = department;
        this.coHandlers = new ArrayList<>(coHandlers.stream().filter(d -> !d.equals(department)).distinct()
                .map(d -> new CoHandler(d, null, null, null)).toList());
        this.dispatchedAt = at;
        this.handler = null;
        this.state = DISPATCHED;
    }

    void accepted(String officer, Instant at) {
        this.handler = officer;
        if (acceptedAt == null) {
            acceptedAt = at;
        }
        this.state = HANDLING;
    }

    void returnedToDispatcher() {
        this.returned++;
        this.department = null;
        this.handler = null;
        this.coHandlers = new ArrayList<>();
        this.state = RECEIVED;
    }

    boolean coHandles(String department) {
        return department != null && coHandlers.stream().anyMatch(c -> c.department().equals(department));
    }

    void coHandlerReported(String department, String report, String by, Instant at) {
        coHandlers.replaceAll(c -> c.department().equals(department) ? new CoHandler(department, report, by, at) : c);
    }

    /** Co-handling departments that have not reported yet: the lead replies once all have. */
    List<String> coHandlersPending() {
        return coHandlers.stream().filter(c -> c.report() == null).map(CoHandler::department).toList();
    }

    void replied(String text, Instant at) {
        this.reply = text;
        this.repliedAt = at;
        this.state = REPLIED;
    }

    void visited(Rating rating, String comment, Instant at) {
        this.rating = rating;
        this.ratingComment = comment;
        if (rating.satisfied()) {
            this.closedAt = at;
            this.state = CLOSED;
        } else {
            this.reopened++;
            this.state = HANDLING;
        }
    }

    void mergedInto(String main, Instant at) {
        this.mergedInto = main;
        this.closedAt = at;
        this.state = MERGED;
    }
}

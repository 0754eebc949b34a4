package cn.youfu.cases;

import cn.youfu.calendar.DateInterval;
import cn.youfu.platform.LocalizedText;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A case as one viewer may see it; names are in the viewer's language.
 *
 * @param allowedActions what this viewer may do now (empty when closed or none of theirs)
 * @param remedy         when the case closed in an adverse decision: what the applicant may do against it, in the
 *                       words its case type's law requires; null otherwise
 * @param withheldActions actions of the current state this viewer's role could take but the law no longer allows:
 *                       taken once already, or their time since the case was received has passed
 */
public record CaseView(String reference, String type, String typeName, String state, String stateName,
                       boolean closed, String title, Map<String, Object> details, Applicant applicant,
                       String department, String assignee, Instant createdAt, Clock clock,
                       List<Action> allowedActions, Remedy remedy, List<Withheld> withheldActions) {

    /**
     * The remedy an adverse decision states, in Chinese and English.
     *
     * @param basis the provision that requires the decision to state it
     * @param steps each remedy in the order it may be taken
     */
    public record Remedy(String code, LocalizedText text, String basis, List<RemedyStep> steps) {
    }

    /**
     * @param kind   {@code reconsideration} (行政复议), {@code litigation} (行政诉讼), {@code review} (复查),
     *               {@code re-review} (复核) or {@code human-review} (an officer instead of the rules alone)
     * @param within how long it may be taken, in {@code per} ({@code days}: calendar days, or {@code months}); null
     *               when the law sets no time
     * @param first  true when it must come before litigation (行政复议法 Art. 23)
     */
    public record RemedyStep(String kind, Integer within, String per, boolean first, LocalizedText text, String basis) {
    }

    /** @param subjectId the resident ID number or unified social credit code, if the applicant gave one */
    public record Applicant(String username, String name, String subjectId) {
    }

    /**
     * The case's clock, in the unit its statutory limit uses ({@code WORKING_DAYS} or {@code DAYS}).
     *
     * @param statutoryDeadline null before the clock starts and while it is paused
     * @param daysLeft          days of the statutory limit left today, in its unit (negative when overdue); null when
     *                          no deadline
     * @param statutory         the limit the case must be decided within, as it applies to this case
     * @param promised          the city's promise; null for none
     * @param extension         how far the statutory limit may be extended (days in its unit); null when not at all
     */
    public record Clock(String unit, LocalDate startedOn, LocalDate statutoryDeadline, String statutoryBasis,
                        LocalDate promisedDeadline, boolean paused, LocalDate pausedSince,
                        List<DateInterval> pausedIntervals, int extensions, Integer daysLeft, boolean reminded,
                        boolean escalated, boolean overdue, Instant closedAt, Integer handlingDays, Boolean onTime,
                        Limit statutory, Limit promised, Limit extension) {
    }

    /**
     * A time limit: {@code days} in {@code unit} ({@code WORKING_DAYS}: 工作日, {@code DAYS}: 日, calendar days).
     *
     * @param byLaw false for a commitment (a promise, or a service standard where no law sets a limit)
     */
    public record Limit(int days, String unit, String basis, boolean byLaw) {
    }

    /**
     * An action the viewer may take, whether it needs a reason ({@code comment}), and whether it needs the time it is
     * expected to take ({@code expectedDays}, in the clock's unit), which the applicant is told.
     */
    public record Action(String action, String name, boolean commentRequired, boolean expectedDurationRequired) {
    }

    /** An action the law no longer allows, and why, in the viewer's language. */
    public record Withheld(String action, String name, String reason) {
    }
}

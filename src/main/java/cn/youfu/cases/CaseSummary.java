package cn.youfu.cases;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A case as a line of an inbox or of "my cases"; names are in the reader's language.
 *
 * @param statutoryDeadline null before the clock starts and while it is paused
 * @param urgency           how pressing it is, to be shown in words as well as in colour
 */
public record CaseSummary(String reference, String type, String typeName, String state, String stateName, String title,
                          String applicantName, String department, String assignee, Instant createdAt,
                          LocalDate statutoryDeadline, LocalDate promisedDeadline, boolean closed, Urgency urgency) {

    /** How pressing a case is, most pressing first. */
    public enum Urgency { OVERDUE, ESCALATED, DUE_SOON, ON_TRACK, PAUSED, NOT_STARTED, CLOSED }
}

package cn.youfu.disclosure;

import cn.youfu.identity.CurrentUser;
import java.time.LocalDate;
import java.util.List;

/**
 * Watching the clock: the officers' list of open requests with those at risk (within
 * {@code youfu.disclosure.at-risk-working-days}, 3, working days of their deadline, or past it) on top, and the on-time
 * reply rate per department and overall. Reminders, escalation (督办) and the overdue mark come from the case engine's
 * timers on the same cases.
 */
public interface DisclosureSupervision {

    /**
     * Open requests: an officer's or reviewer's department's, every department's for supervisors and administrators;
     * at-risk first (earliest deadline first), then by deadline, paused ones last.
     */
    List<InboxLine> inbox(CurrentUser staff);

    /** On-time replies per department and overall for replies made in {@code [from, to]} (China dates), open now. */
    Figures figures(LocalDate from, LocalDate to);

    /**
     * @param deadline        null while the clock stands still
     * @param workingDaysLeft working days from today to the deadline, negative when past it; null without a deadline
     * @param escalated       the promised time has passed and the supervisor was alerted (督办)
     */
    record InboxLine(String reference, String description, String applicantKind, String department, String state,
                     String stateName, LocalDate receivedOn, LocalDate deadline, Integer workingDaysLeft,
                     boolean atRisk, boolean paused, boolean escalated, boolean overdue) {
    }

    /**
     * @param onTimeRate between 0 and 1; null when nothing was replied
     */
    record DepartmentFigures(String department, long replied, long repliedOnTime, Double onTimeRate, long open,
                             long atRisk, long overdue, long lateDocuments) {
    }

    record Figures(LocalDate from, LocalDate to, List<DepartmentFigures> byDepartment, DepartmentFigures overall) {
    }
}

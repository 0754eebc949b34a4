package cn.youfu.cases;

import cn.youfu.identity.CurrentUser;
import java.time.LocalDate;
import java.util.List;

/** The read side for pages: inboxes, "my cases" and the supervisor's figures. Names in the reader's language. */
public interface CaseLists {

    /**
     * Open cases ordered by statutory deadline (none last), then age: an officer's or reviewer's department queue, or
     * every department for supervisors and administrators.
     *
     * @param mineOnly only cases given to {@code staff}
     * @param size     at most this many (1–200)
     */
    List<CaseSummary> inbox(CurrentUser staff, boolean mineOnly, int size);

    /** The cases the person applied for, newest first (at most 200). */
    List<CaseSummary> ofApplicant(String username);

    /** On-time rate and handling time per department and type, cases closed in {@code [from, to]} (China dates). */
    SupervisionFigures supervision(LocalDate from, LocalDate to);

    /**
     * Cases of one type opened per day in {@code [from, to]} (China dates), and how many of them are closed, and
     * closed by the rules ({@code system}) rather than a person. Days without cases are included with zeros.
     */
    List<Day> daily(String type, LocalDate from, LocalDate to);

    /**
     * Open overdue cases now, per department and subject, most first: applications by their catalogue item (the
     * {@code item} code in their details, whatever their titles), other cases by title.
     */
    List<Overdue> overdue();

    record Day(LocalDate date, long opened, long closed, long closedBySystem) {
    }

    /**
     * @param item  the catalogue item's code for applications, null for other cases
     * @param title the case title (for applications: the title of one of them, normally the item's name)
     */
    record Overdue(String department, String typeName, String item, String title, long cases) {
    }
}

package cn.youfu.disclosure;

import cn.youfu.identity.CurrentUser;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * 主动公开: documents published proactively into the categories of Art. 20, each due within 20 working days of the
 * day its information was formed or changed (Art. 26). Officers publish, replace and withdraw their own department's
 * documents; anyone reads what is published. Replacing adds a version and withdrawing keeps every version: a
 * document's address never changes and its history stays readable. Published text has ID and mobile numbers masked.
 */
public interface OpenDocuments {

    /** An officer publishes a document of their department; 400 problem for a bad category or missing text. */
    OpenDocument publish(NewDocument document, CurrentUser officer);

    /** Replaces the document's text (the information changed on {@code formedOn}); the old version stays listed. */
    OpenDocument replace(String id, NewDocument document, String changeNote, CurrentUser officer);

    /** Withdraws the document (it leaves the lists and the feeds; its page says so, with the reason). */
    OpenDocument withdraw(String id, String reason, CurrentUser officer);

    /** The document as the public sees it, withdrawn ones included; empty for an unknown id. */
    Optional<OpenDocument> find(String id);

    /**
     * Published documents (not withdrawn), newest first.
     *
     * @param query words to find (all of them, cut into words as the text was); null or blank for all
     */
    Page search(String category, String department, String query, int page, int size);

    /**
     * Documents published later than 20 working days after their information was formed or changed, newest first:
     * a supervisor's list (every department) or an officer's (their own).
     */
    List<Summary> late(CurrentUser staff, int size);

    /**
     * @param category  an {@link OpenCategory} code
     * @param formedOn  the day the information was formed or changed (China date)
     */
    record NewDocument(String category, String title, String documentNumber, String body, LocalDate formedOn) {
    }

    /** A document's current version, with its history. */
    record OpenDocument(String id, String category, String department, String title, String documentNumber,
                        String body, LocalDate formedOn, LocalDate publishedOn, LocalDate dueOn, boolean late,
                        int version, LocalDate withdrawnOn, String withdrawnReason, List<Version> history) {
    }

    /** One version: what changed and when. */
    record Version(int version, String title, LocalDate formedOn, LocalDate publishedOn, boolean late,
                   String changeNote) {
    }

    /** A line of a list. */
    record Summary(String id, String category, String department, String title, String documentNumber,
                   LocalDate formedOn, LocalDate publishedOn, LocalDate dueOn, boolean late, int version) {
    }

    /** One page of a list: {@code total} matches in all. */
    record Page(List<Summary> items, long total, int page, int size) {
    }
}

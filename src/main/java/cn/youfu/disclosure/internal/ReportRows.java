package cn.youfu.disclosure.internal;

import java.util.List;

/**
 * The rows of the national template's table 3 (办理结果) and which closing of a request each counts, one row per
 * request: a reply by its type (and, when information is withheld, by its first ground), an abandoned request, a
 * withdrawn one. Codes are the template's numbering; labels are in the bundles ({@code disclosure.report.row.<code>}).
 */
final class ReportRows {

    private ReportRows() {
    }

    /** Every result row, in the template's order. */
    static final List<String> RESULTS = List.of("1", "2", "3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7", "3.8",
            "4.1", "4.2", "4.3", "5.1", "5.2", "5.3", "5.4", "5.5", "6.1", "6.2", "6.3");

    /**
     * The row a closed request counts in.
     *
     * @param state       the case's final state
     * @param firstGround the first Art. 14–16 ground of a reply that withholds, else null
     */
    static String row(String state, String firstGround) {
        return switch (state) {
            // The template counts telling where published information is found as disclosing it.
            case "disclosed", "already-public" -> "1";
            case "partially-disclosed" -> "2";
            case "not-disclosed" -> ground(firstGround);
            case "not-held", "not-this-agency" -> "4.1";
            case "repeat-request" -> "5.2";
            case "abandoned" -> "6.1";
            default -> "6.3"; // special law, withdrawn
        };
    }

    private static String ground(String ground) {
        return switch (ground == null ? "" : ground) {
            case "state-secret" -> "3.1";
            case "law-forbids" -> "3.2";
            case "endangers-security" -> "3.3";
            case "trade-secret", "privacy" -> "3.4";
            case "internal-affairs" -> "3.5";
            case "process-information" -> "3.6";
            default -> "3.7"; // enforcement case files
        };
    }

    /** The applicant-type column a request counts in (0: natural person, 1: commercial enterprise). */
    static int column(String applicantKind) {
        return "enterprise".equals(applicantKind) ? 1 : 0;
    }
}

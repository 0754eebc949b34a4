package cn.youfu.approval;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The answer to an application, given in the same request (the API's JSON and the pages show the same).
 *
 * @param reasons       every condition with its outcome, message (Chinese and English) and legal basis
 * @param remedies      for a refusal: the right to administrative reconsideration or litigation, and their limits
 * @param manualReview  for a referral: who decides and by when the law requires the answer
 * @param certificate   for an approval: the e-certificate
 */
public record DecisionView(String reference, String item, String itemName, Decision decision, Instant decidedAt,
                    long millis, List<Reason> reasons, Remedies remedies, ManualReview manualReview,
                    Certificate certificate, String caseUrl) {

    public record Text(String zh, String en) {
    }

    /** @param outcome PASS, FAIL or UNKNOWN */
    public record Reason(String condition, String outcome, Text message, String legalBasis, String explanation) {
    }

    public record Remedies(Text text, int reconsiderationDays, String reconsiderationBody, String reconsiderationBasis,
                    int litigationMonths, String litigationBasis) {
    }

    /**
     * @param statutoryLimit the limit the answer is due within: set by the item's law, or, where no law sets one, the
     *                       city's commitment ({@code byLaw} false)
     */
    public record ManualReview(String department, Text departmentName, LocalDate statutoryDeadline,
                        LocalDate promisedDeadline, Text why, Limit statutoryLimit, Limit promisedLimit) {
    }

    /** A limit: {@code days} in {@code unit} ({@code WORKING_DAYS} 工作日 or {@code DAYS} 日), and what sets it. */
    public record Limit(int days, String unit, String basis, boolean byLaw) {
    }

    public record Certificate(String id, String number, LocalDate validFrom, LocalDate validUntil, String documentSm3,
                       String downloadUrl, String verifyUrl) {
    }
}

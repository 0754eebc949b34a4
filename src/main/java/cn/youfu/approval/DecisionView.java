package cn.youfu.approval;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The answer to an application, given in the same request (the API's JSON and the pages show the same).
 *
 * @param reasons       every condition with its outcome, message (Chinese and English) and legal basis
 * @param remedies      for a refusal: the right to administrative reconsideration or litigation, and their limits,
 *                      as the case type words them
 * @param manualReview  for a referral: who decides and by when the law requires the answer
 * @param certificate   for an approval: the e-certificate
 * @param humanReview   for a refusal by the rules alone: how to ask for an officer to decide instead
 *                      (个人信息保护法 Art. 24(3))
 */
public record DecisionView(String reference, String item, String itemName, Decision decision, Instant decidedAt,
                    long millis, List<Reason> reasons, Remedies remedies, ManualReview manualReview,
                    Certificate certificate, String caseUrl, HumanReview humanReview) {

    /**
     * The applicant's right to refuse a decision made by the rules alone and have an officer decide, on the item's
     * statutory clock from the day they ask.
     *
     * @param url    where to ask ({@code POST}, optional JSON body {@code {"comment": "…"}})
     * @param action the case action it takes
     */
    public record HumanReview(String url, String action, String basis) {
    }

    public record Text(String zh, String en) {
    }

    /** @param outcome PASS, FAIL or UNKNOWN */
    public record Reason(String condition, String outcome, Text message, String legalBasis, String explanation) {
    }

    /**
     * What the applicant may do against a refusal, as the case type states it (the service-application type's
     * {@code application-refused}).
     *
     * @param basis the provision that requires the refusal to state it
     * @param steps each remedy in the order it may be taken
     */
    public record Remedies(String code, Text text, String basis, List<Step> steps) {
    }

    /**
     * @param kind   {@code reconsideration} (行政复议), {@code litigation} (行政诉讼) or {@code human-review} (an
     *               officer decides instead of the rules alone, 个人信息保护法 Art. 24(3); no time set)
     * @param within how long it may be taken, in {@code per} ({@code days} or {@code months})
     * @param first  true when it must come before litigation
     */
    public record Step(String kind, Integer within, String per, boolean first, Text text, String basis) {
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

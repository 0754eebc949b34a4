package cn.youfu.approval.internal;

import cn.youfu.approval.Decision;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The answer to an application, given in the same request.
 *
 * @param reasons       every condition with its outcome, message (Chinese and English) and legal basis
 * @param remedies      for a refusal: the right to administrative reconsideration or litigation, and their limits
 * @param manualReview  for a referral: who decides and by when the law requires the answer
 * @param certificate   for an approval: the e-certificate
 */
record DecisionView(String reference, String item, String itemName, Decision decision, Instant decidedAt,
                    long millis, List<Reason> reasons, Remedies remedies, ManualReview manualReview,
                    Certificate certificate, String caseUrl) {

    record Text(String zh, String en) {
    }

    /** @param outcome PASS, FAIL or UNKNOWN */
    record Reason(String condition, String outcome, Text message, String legalBasis, String explanation) {
    }

    record Remedies(Text text, int reconsiderationDays, String reconsiderationBody, String reconsiderationBasis,
                    int litigationMonths, String litigationBasis) {
    }

    record ManualReview(String department, Text departmentName, LocalDate statutoryDeadline,
                        LocalDate promisedDeadline, Text why) {
    }

    record Certificate(String id, String number, LocalDate validFrom, LocalDate validUntil, String documentSm3,
                       String downloadUrl, String verifyUrl) {
    }
}

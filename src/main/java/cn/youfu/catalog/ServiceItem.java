package cn.youfu.catalog;

import cn.youfu.platform.LocalizedText;
import java.util.List;
import java.util.Set;

/**
 * A service item as its file declares it. Immutable.
 *
 * @param department    the code of the department that decides it, e.g. {@code fz-civil-affairs}
 * @param sources       the authoritative data sources its policy reads (e.g. {@code population}, {@code e-licence})
 * @param caseType      the case type its applications follow (normally {@code service-application})
 * @param certificate   what an approval issues; null when nothing is issued
 */
public record ServiceItem(String code, int version, LocalizedText name, String department,
                          LocalizedText departmentName, ApplicantType applicantType, LocalizedText category,
                          LocalizedText summary, LocalizedText whoMayApply, List<LegalBasis> legalBasis,
                          TimeLimit timeLimit, Fee fee, List<FormField> form, List<Material> materials,
                          Set<String> sources, List<Condition> conditions, String caseType,
                          CertificateSpec certificate) {

    public enum ApplicantType { RESIDENT, ENTERPRISE }

    /** A provision the item rests on: the law's title, the article, and optionally its words. */
    public record LegalBasis(String law, String article, String text) {
        public String cite() {
            return law + article;
        }
    }

    /** Working days the law allows ({@code statutory}) and the city promises ({@code promised}). */
    public record TimeLimit(int statutory, int promised, String basis) {
    }

    /** @param amount in yuan; 0 for free */
    public record Fee(long amount, LocalizedText note) {
    }

    public enum FieldType { TEXT, PHONE, DATE, NUMBER, BOOLEAN, ID_NUMBER, CREDIT_CODE, CHOICE }

    /**
     * A field of the application form.
     *
     * @param options    for {@code CHOICE}: the allowed values
     * @param maxLength  for {@code TEXT}: the longest accepted value
     */
    public record FormField(String name, FieldType type, boolean required, LocalizedText label, List<String> options,
                            int maxLength) {
    }

    public record Material(String code, LocalizedText name, boolean required) {
    }

    /** What happens when a condition is not met: the application is refused, or a person decides. */
    public enum OnFail { REJECT, MANUAL }

    /**
     * One condition of the policy.
     *
     * @param requirement the condition in words, e.g. 申请人年满60周岁
     * @param requires    the sources it needs: when one is unavailable the outcome is unknown (a person decides)
     * @param rule        the CEL expression (boolean) that is true when the condition is met
     * @param explain     an optional CEL expression (string) describing the facts behind the outcome
     * @param checksPresence true when the rule itself tells whether a required record exists (e.g.
     *                    {@code person != null}); otherwise a missing record makes the outcome unknown
     */
    public record Condition(String id, LocalizedText requirement, LegalBasis basis, Set<String> requires,
                            OnFail onFail, String rule, String explain, boolean checksPresence) {
    }

    /**
     * @param type       the licence type it is in the e-licence library, e.g. {@code elderly-card}: while valid, a
     *                   certificate Youfu issued counts as a licence of this type held by its holder
     * @param validYears how long the certificate is valid; null when it does not expire
     * @param benefit    the benefit an approval grants, as the benefit registry names it (e.g.
     *                   {@code high-age-allowance}): while the certificate is valid, its holder counts as being paid
     *                   it; null when the item grants no benefit
     */
    public record CertificateSpec(String type, LocalizedText title, LocalizedText issuingAuthority,
                                  Integer validYears, String benefit) {
    }

    public boolean forResidents() {
        return applicantType == ApplicantType.RESIDENT;
    }
}

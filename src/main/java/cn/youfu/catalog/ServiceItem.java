package cn.youfu.catalog;

import cn.youfu.platform.LocalizedText;
import java.util.List;
import java.util.Set;

/**
 * A service item as its file declares it. Immutable.
 *
 * @param department    the code of the city department that decides it, e.g. {@code fz-civil-affairs}, and that
 *                      decides an item issued at district level when the applicant's district cannot be told
 * @param issuedBy      the level the item is issued at in reality and, below the city, the kind of body that
 *                      issues it in each district and county
 * @param sources       the authoritative data sources its policy reads (e.g. {@code population}, {@code e-licence})
 * @param caseType      the case type its applications follow (normally {@code service-application})
 * @param certificate   what an approval issues; null when nothing is issued
 */
public record ServiceItem(String code, int version, LocalizedText name, String department,
                          LocalizedText departmentName, ApplicantType applicantType, LocalizedText category,
                          LocalizedText summary, LocalizedText whoMayApply, List<LegalBasis> legalBasis,
                          TimeLimit timeLimit, Fee fee, List<FormField> form, List<Material> materials,
                          Set<String> sources, List<Condition> conditions, String caseType,
                          CertificateSpec certificate, IssuedBy issuedBy) {

    /** The level an item is issued at. */
    public enum Level { CITY, DISTRICT }

    /**
     * @param kind         below the city, the kind of department that issues it in each district and county (e.g.
     *                     {@code market-regulation}); null at city level
     * @param districtFrom the form field that names the district the matter belongs to (where the dog is kept);
     *                     null: the applicant's (a resident's household, else their valid residence permit; an
     *                     enterprise's registration)
     */
    public record IssuedBy(Level level, String kind, String districtFrom) {
        public static final IssuedBy CITY = new IssuedBy(Level.CITY, null, null);
    }

    public enum ApplicantType { RESIDENT, ENTERPRISE }

    /**
     * A provision the item rests on: the law's title, the article, and optionally its words, quoted exactly.
     *
     * @param toConfirm true when the provision could not be checked against the published text (a local rule whose
     *                  text was not at hand): it is cited, never quoted, and the catalogue says it is to be confirmed
     */
    public record LegalBasis(String law, String article, String text, boolean toConfirm) {
        public String cite() {
            return law + article;
        }
    }

    /** The unit a limit is written in: 工作日 only where its law says so, otherwise 日 (calendar days). */
    public enum DayUnit { WORKING_DAYS, DAYS }

    /** A limit a law sets: {@code days} in {@code unit}, and the article that sets it. */
    public record StatutoryLimit(int days, DayUnit unit, LegalBasis basis) {
    }

    /** A limit the city promises (承诺时限): {@code days} in {@code unit}, and the commitment it is published in. */
    public record PromisedLimit(int days, DayUnit unit, String basis) {
    }

    /**
     * How long deciding may take.
     *
     * @param statutory the limit the item's law sets; null when no law sets one (the promise is then the only limit,
     *                  and it is not a statutory one)
     * @param promised  the city's promise, never longer than the law
     * @param extension how far the item's law lets the statutory limit be extended, in its unit; null when it does not
     */
    public record TimeLimit(StatutoryLimit statutory, PromisedLimit promised, StatutoryLimit extension) {
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

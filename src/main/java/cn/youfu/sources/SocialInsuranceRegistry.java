package cn.youfu.sources;

import cn.youfu.platform.ResidentId;

/** 社保: a resident's insurance and contributions. */
@FunctionalInterface
public interface SocialInsuranceRegistry {

    String SOURCE = "social-insurance";

    SourceAnswer<Insurance> lookup(ResidentId id);

    /**
     * @param contributionMonths months of contributions paid in all
     * @param employerCreditCode the current employer's credit code, or null
     * @param cityDivision       the division where the person is insured
     * @param unemploymentRegisteredOn the day the person registered as unemployed (失业登记) with the public employment
     *                                 service, or null when none is on record
     * @param separationReason   why the last employment ended, as the employer reported it with the termination
     *                           certificate (社会保险法 Art. 50(1)): {@code contract-expired}, {@code dismissed-by-employer},
     *                           {@code economic-layoff}, {@code employer-closed}, {@code resigned-for-employer-fault},
     *                           {@code resigned-voluntarily}; null when none is on record
     */
    record Insurance(String idNumber, boolean pensionInsured, boolean medicalInsured, boolean unemploymentInsured,
                     int contributionMonths, String employerCreditCode, String cityDivision,
                     java.time.LocalDate unemploymentRegisteredOn, String separationReason) {
    }
}

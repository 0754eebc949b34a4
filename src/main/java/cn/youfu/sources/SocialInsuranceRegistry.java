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
     */
    record Insurance(String idNumber, boolean pensionInsured, boolean medicalInsured, boolean unemploymentInsured,
                     int contributionMonths, String employerCreditCode, String cityDivision) {
    }
}

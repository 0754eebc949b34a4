package cn.youfu.disclosure.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param agencies            the departments that answer requests (codes, named by {@code department.<code>} in the
 *                            bundles); the first is the default, the city government's office
 * @param correctionDays      the working days an applicant is given to correct a request unless the officer says
 *                            otherwise (the Regulations leave it to the agency)
 * @param sweepInterval       how often lapsed corrections and third-party consultations are closed (db-scheduler,
 *                            once across instances)
 * @param atRiskWorkingDays   a request this many working days or fewer from its deadline is at risk
 * @param signingKey          {@code YOUFU_DISCLOSURE_SIGNING_KEY}: PEM SM2 private key that signs reply letters;
 *                            required in production, generated once under the data directory in demo mode
 */
@ConfigurationProperties("youfu.disclosure")
record DisclosureSettings(@DefaultValue({"fz-government-office", "fz-approval", "fz-natural-resources",
        "fz-housing", "fz-ecology", "fz-education", "fz-human-resources", "fz-urban-management"}) List<String> agencies,
                          @DefaultValue("15") int correctionDays,
                          @DefaultValue("1m") Duration sweepInterval,
                          @DefaultValue("3") int atRiskWorkingDays,
                          Path signingKey) {

    String defaultAgency() {
        return agencies.get(0);
    }
}

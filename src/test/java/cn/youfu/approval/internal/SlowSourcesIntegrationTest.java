package cn.youfu.approval.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.youfu.YoufuIntegrationTest;
import cn.youfu.approval.Decision;
import cn.youfu.cases.TestActors;
import cn.youfu.catalog.Catalog;
import cn.youfu.catalog.ServiceItem;
import cn.youfu.sources.BenefitRegistry;
import cn.youfu.sources.CreditList;
import cn.youfu.sources.EducationRegistry;
import cn.youfu.sources.EnterpriseRegistry;
import cn.youfu.sources.LicenceLibrary;
import cn.youfu.sources.MarriageRegistry;
import cn.youfu.sources.PopulationRegistry;
import cn.youfu.sources.RealEstateRegistry;
import cn.youfu.sources.SocialInsuranceRegistry;
import cn.youfu.sources.SourceAnswer.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The fetcher's own guard for a source that hangs or fails (not the HTTP connector's timeouts): the population
 * registry behind the real elderly-card policy answers too late or throws, the decision does not wait for it, and
 * the demo applicant, who would be approved, goes to an officer.
 */
@YoufuIntegrationTest
class SlowSourcesIntegrationTest {

    static final Duration TIMEOUT = Duration.ofMillis(200);

    @Autowired
    Catalog catalog;
    @Autowired
    PopulationRegistry population;
    @Autowired
    LicenceLibrary licences;
    @Autowired
    BenefitRegistry benefits;
    @Autowired
    EnterpriseRegistry enterprises;
    @Autowired
    CreditList credit;
    @Autowired
    MarriageRegistry marriages;
    @Autowired
    EducationRegistry education;
    @Autowired
    SocialInsuranceRegistry insurance;
    @Autowired
    RealEstateRegistry estates;
    @Autowired
    cn.youfu.sources.PoliceRecords police;
    @Autowired
    cn.youfu.certificates.Certificates certificates;
    @Autowired
    Clock clock;
    @Autowired
    cn.youfu.sources.SourceAnswers sourceAnswers;

    SourceFetcher fetcherWith(PopulationRegistry population) {
        return new SourceFetcher(population, licences, benefits, enterprises, credit, marriages, education, insurance,
                estates, police, certificates, catalog, new ApprovalSettings(TIMEOUT, 4, 24, Duration.ofMillis(500), Duration.ofSeconds(10),
                        Duration.ofHours(24)), sourceAnswers);
    }

    Decision decision(ServiceItem item, SourceFetcher.Evidence evidence) {
        return ApplicationService.decide(catalog.evaluate(item, evidence.facts(), evidence.unavailable(),
                evidence.absent()));
    }

    SourceFetcher.Evidence gather(SourceFetcher fetcher, ServiceItem item) {
        return fetcher.gather(item, Applicant.of(TestActors.RESIDENT), Map.of(), Map.of(), LocalDate.now(clock));
    }

    @Test
    void theDemoApplicantIsApprovedWhenTheRegistryAnswers() {
        var fetcher = fetcherWith(population);
        try {
            var item = catalog.find("elderly-card").orElseThrow();
            var evidence = gather(fetcher, item);
            assertThat(evidence.unavailable()).isEmpty();
            assertThat(decision(item, evidence)).isEqualTo(Decision.APPROVED);
        } finally {
            fetcher.destroy();
        }
    }

    @Test
    void aRegistryThatDoesNotAnswerInTimeIsUnavailableAndTheApplicationGoesToAnOfficerWithoutWaiting() {
        PopulationRegistry hanging = id -> {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return population.lookup(id);
        };
        var fetcher = fetcherWith(hanging);
        try {
            long started = System.nanoTime();
            var item = catalog.find("elderly-card").orElseThrow();
            var evidence = gather(fetcher, item);
            var took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(took).isLessThan(Duration.ofSeconds(2));
            assertThat(evidence.unavailable()).containsExactly(PopulationRegistry.SOURCE);
            var answer = evidence.answers().stream().filter(a -> a.source().equals(PopulationRegistry.SOURCE))
                    .findFirst().orElseThrow();
            assertThat(answer.status()).isEqualTo(Status.UNAVAILABLE);
            assertThat(answer.reason()).isEqualTo("no answer within 200 ms");
            assertThat(answer.sm3()).matches("[0-9a-f]{64}");
            assertThat(decision(item, evidence)).isEqualTo(Decision.MANUAL_REVIEW);
        } finally {
            fetcher.destroy();
        }
    }

    @Test
    void aRegistryThatFailsIsUnavailableWithTheFailureAndTheApplicationGoesToAnOfficer() {
        var fetcher = fetcherWith(id -> {
            throw new IllegalStateException("registry connection reset");
        });
        try {
            var item = catalog.find("elderly-card").orElseThrow();
            var evidence = gather(fetcher, item);
            assertThat(evidence.unavailable()).containsExactly(PopulationRegistry.SOURCE);
            assertThat(evidence.answers()).filteredOn(a -> a.source().equals(PopulationRegistry.SOURCE))
                    .singleElement().satisfies(a -> assertThat(a.reason()).contains("registry connection reset"));
            assertThat(decision(item, evidence)).isEqualTo(Decision.MANUAL_REVIEW);
        } finally {
            fetcher.destroy();
        }
    }
}

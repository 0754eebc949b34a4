package cn.youfu.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.youfu.Api;
import cn.youfu.YoufuIntegrationTest;
import cn.youfu.audit.Ledger;
import cn.youfu.platform.CreditCode;
import cn.youfu.platform.DivisionCodes;
import cn.youfu.platform.ResidentId;
import cn.youfu.sources.SourceAnswer.Status;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Lookups on the embedded sources over the synthetic city, the outage switch, and the city's invariants. */
@YoufuIntegrationTest
class SourcesLookupIntegrationTest {

    static final ResidentId APPLICANT = ResidentId.of("350102195803120016");
    static final ResidentId ABSENT = ResidentId.of("350102198001010134");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
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
    DivisionCodes divisions;
    @Autowired
    Ledger ledger;

    @AfterEach
    void switchEverythingOn() throws Exception {
        for (var source : new String[] {"population", "e-licence", "benefits", "enterprise"}) {
            switchSource(source, true);
        }
    }

    void switchSource(String source, boolean available) throws Exception {
        mvc.perform(put("/api/v1/sources/" + source + "/availability").header("Authorization", Api.bearer(mvc, "admin"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"available\":" + available + "}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.available").value(available));
    }

    @Test
    void theDemoApplicantIsInThePopulationWithExactlyTheirData() {
        var answer = population.lookup(APPLICANT);
        assertThat(answer.status()).isEqualTo(Status.FOUND);
        assertThat(answer.value()).isEqualTo(new PopulationRegistry.Person("350102195803120016", "陈有福", "male",
                LocalDate.of(1958, 3, 12), "350102", true, null, null));
        assertThat(answer.sm3()).matches("[0-9a-f]{64}");
        assertThat(answer.fetchedAt()).isNotNull();
        // no licence (so no elderly card) yet; a pension is paid
        assertThat(licences.held(APPLICANT.value()).status()).isEqualTo(Status.NOT_FOUND);
        assertThat(benefits.received(APPLICANT).value()).extracting(BenefitRegistry.Benefit::benefit)
                .containsExactly("pension");
    }

    @Test
    void aValidNumberTheRegistryDoesNotKnowIsNotFound() {
        assertThat(population.lookup(ABSENT).status()).isEqualTo(Status.NOT_FOUND);
        assertThat(licences.held(ABSENT.value()).status()).isEqualTo(Status.NOT_FOUND);
        assertThat(benefits.received(ABSENT).status()).isEqualTo(Status.NOT_FOUND);
        assertThat(enterprises.lookup(CreditCode.of("91350104MA2Y0F3M0" + CreditCode.checkCharacter(
                "91350104MA2Y0F3M0"))).status()).isEqualTo(Status.NOT_FOUND);
    }

    @Test
    void licencesBenefitsAndEnterprisesAreFound() {
        var card = licences.held("350105196002020617");
        assertThat(card.status()).isEqualTo(Status.FOUND);
        assertThat(card.value()).anyMatch(l -> l.licenceType().equals("elderly-card") && l.status().equals("valid"));
        var allowance = benefits.received(ResidentId.of("350181194401090812"));
        assertThat(allowance.value()).anyMatch(b -> b.benefit().equals("high-age-allowance"));
        var enterprise = enterprises.lookup(CreditCode.of("91350100MA2Y0F0U0N"));
        assertThat(enterprise.value().name()).isEqualTo("福州有福科技有限公司");
        assertThat(enterprise.value().status()).isEqualTo("active");
        assertThat(credit.listings("350103199004040241").value()).extracting(CreditList.Listing::list)
                .containsExactly("dishonest-executee");
    }

    @Test
    void aSwitchedOffSourceIsUnavailableUntilSwitchedOnAndTheLedgerSaysWhoDidIt() throws Exception {
        for (var source : new String[] {"population", "e-licence", "benefits", "enterprise"}) {
            switchSource(source, false);
        }
        assertThat(population.lookup(APPLICANT).status()).isEqualTo(Status.UNAVAILABLE);
        assertThat(population.lookup(APPLICANT).reason()).contains("switched off");
        assertThat(licences.held(APPLICANT.value()).status()).isEqualTo(Status.UNAVAILABLE);
        assertThat(benefits.received(APPLICANT).status()).isEqualTo(Status.UNAVAILABLE);
        assertThat(enterprises.lookup(CreditCode.of("91350100MA2Y0F0U0N")).status()).isEqualTo(Status.UNAVAILABLE);
        mvc.perform(get("/api/v1/sources").header("Authorization", Api.bearer(mvc, "admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.name=='population')].available").value(false))
                .andExpect(jsonPath("$[?(@.name=='credit')].available").value(true))
                .andExpect(jsonPath("$[?(@.name=='population')].mode").value("embedded"));
        switchSource("population", true);
        assertThat(population.lookup(APPLICANT).status()).isEqualTo(Status.FOUND);
        assertThat(ledger.entries("sources:population")).extracting(e -> e.action())
                .contains("sources.switched-off", "sources.switched-on");
    }

    @Test
    void aSwitchAnotherInstanceMadeCountsHereWithinASecond() throws Exception {
        assertThat(population.lookup(APPLICANT).status()).isEqualTo(Status.FOUND); // the switch's state remembered
        // Another instance switches the population off: only the shared table changes, not this instance's memory.
        jdbc.sql("""
                INSERT INTO sources.availability (source, available, changed_at, changed_by)
                VALUES ('population', false, now(), 'another-instance')
                ON CONFLICT (source) DO UPDATE SET available = false""").update();
        long changed = System.nanoTime();
        var until = changed + java.time.Duration.ofSeconds(3).toNanos();
        while (population.lookup(APPLICANT).status() == Status.FOUND && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertThat(population.lookup(APPLICANT).status()).isEqualTo(Status.UNAVAILABLE);
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - changed)).isLessThan(java.time.Duration.ofMillis(1500));
    }

    @Test
    void onlyAnAdministratorMaySwitchOrList() throws Exception {
        mvc.perform(put("/api/v1/sources/population/availability").header("Authorization", Api.bearer(mvc, "officer"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"available\":false}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/sources")).andExpect(status().isUnauthorized());
        mvc.perform(put("/api/v1/sources/weather/availability").header("Authorization", Api.bearer(mvc, "admin"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"available\":false}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:youfu:problem:source-unknown"));
    }

    @Test
    void theSyntheticCityHoldsValidPeopleAndEnterprises() {
        var people = jdbc.sql("SELECT id_number, hukou_division, residence_permit_division FROM sources.population")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list();
        assertThat(people.size()).isGreaterThanOrEqualTo(100_000);
        assertThat(people).allSatisfy(p -> {
            assertThat(ResidentId.isValid(p[0])).as(p[0]).isTrue();
            assertThat(divisions.exists(p[1])).as(p[1]).isTrue();
            assertThat(p[2] == null || divisions.exists(p[2])).as(p[2]).isTrue();
        });
        long fuzhou = people.stream().filter(p -> p[1].startsWith("3501")).count();
        assertThat((double) fuzhou / people.size()).isBetween(0.8, 0.9);
        var codes = jdbc.sql("SELECT credit_code FROM sources.enterprise").query(String.class).list();
        assertThat(codes.size()).isGreaterThanOrEqualTo(10_000);
        assertThat(codes).allMatch(CreditCode::isValid);
        var counts = jdbc.sql("""
                        SELECT count(*) FILTER (WHERE birth_date <= DATE '1966-11-25'),
                               count(*) FILTER (WHERE birth_date <= DATE '1946-11-25'),
                               count(*) FILTER (WHERE NOT alive),
                               count(*) FILTER (WHERE residence_permit_expiry >= DATE '2026-11-25'),
                               count(*) FILTER (WHERE residence_permit_expiry < DATE '2026-11-25')
                        FROM sources.population""")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5)}).single();
        assertThat(counts[0]).as("over 60").isGreaterThan(20_000);
        assertThat(counts[1]).as("over 80").isGreaterThan(5_000);
        assertThat(counts[2]).as("deceased").isGreaterThan(500);
        assertThat(counts[3]).as("valid permits").isGreaterThan(1_000);
        assertThat(counts[4]).as("expired permits").isGreaterThan(300);
        for (var table : new String[] {"marriage", "education", "social_insurance", "e_licence", "benefits",
                "real_estate", "credit"}) {
            assertThat(jdbc.sql("SELECT count(*) FROM sources." + table).query(Long.class).single())
                    .as(table).isGreaterThan(100);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM sources.synthetic_city").query(Long.class).single()).isOne();
    }
}

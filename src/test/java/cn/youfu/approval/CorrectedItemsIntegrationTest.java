package cn.youfu.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.youfu.Api;
import cn.youfu.YoufuIntegrationTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The people the catalogue's old rules decided wrongly, decided as the law says — each one a named resident of the
 * synthetic city (docs/demo-data.md), signed in with their ID number. The comment on each says what the old rule did.
 */
@YoufuIntegrationTest
class CorrectedItemsIntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

    // named residents (cn.youfu.sources.internal.NamedResidents)
    static final String YE_QINGYUAN = "360102198504121153";
    static final String QIU_LIJUAN = "350103198809091260";
    static final String PAN_ZIXUAN = "350102200908151373";
    static final String ZHENG_JIANHUA = "350104198003031417";
    static final String LIN_ZHIYONG = "350111198307071534";
    static final String WU_XIUZHEN = "350122194805101629";
    static final String CHEN_DEWANG = "350124196206181710";
    static final String HUANG_YUEYING = "350125196206201829";
    static final String HE_FULAI = "350102195102021939";
    static final String LI_XIAOFENG = "350103199010102058";
    static final String ZHANG_LIFANG = "350104199212122168";
    static final String WANG_JIANPING = "350111198605052278";
    static final String ZHAO_XUEMEI = "350103199004040241";

    @Autowired
    MockMvc mvc;
    @Autowired
    cn.youfu.certificates.Certificates certificates;

    JsonNode apply(String token, String item, Map<String, Object> form) throws Exception {
        var body = JSON.writeValueAsString(Map.of("item", item, "form", form));
        var answer = mvc.perform(post("/api/v1/applications").header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JSON.readTree(answer);
    }

    /** Applies as the named resident, who holds no certificate Youfu issued before (tests may run in any order). */
    JsonNode applyAs(String idNumber, String item, Map<String, Object> form) throws Exception {
        cn.youfu.certificates.TestCertificates.revokeAll(certificates, idNumber);
        return apply(Api.bearer(mvc, idNumber), item, form);
    }

    static Map<String, Object> form(Object... pairs) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    static Map<String, Object> dog(String district, String breed, boolean otherDog) {
        return form("dog_name", "阿福", "breed", breed, "dog_sex", "female", "vaccination_certificate", "FZ-RV-0099",
                "vaccinated_on", LocalDate.parse(TODAY).minusDays(30).toString(), "keeping_district", district,
                "keeping_address", "五四路18号", "other_dog_in_household", otherDog);
    }

    static void decided(JsonNode decision, String expected, String condition, String outcome) {
        var outcomes = ApprovalIntegrationTest.outcomes(decision);
        assertThat(decision.get("decision").asString()).as("%s", outcomes).isEqualTo(expected);
        if (condition != null) {
            assertThat(outcomes).containsEntry(condition, outcome);
        }
    }

    @Test
    void aDogKeeperWhoseHouseholdIsRegisteredElsewhereRegistersTheDog() throws Exception {
        // old rule: refused (household registration in Fuzhou required; the regulation asks nothing of it)
        decided(applyAs(YE_QINGYUAN, "dog-registration", dog("350102", "柯基", false)), "APPROVED", null, null);
    }

    @Test
    void aSecondDogOfAHouseholdABannedBreedAndACountyAreRefused() throws Exception {
        // old rule: approved, none of it was checked
        decided(applyAs(QIU_LIJUAN, "dog-registration", dog("350103", "柯基", false)), "REJECTED",
                "one-dog-per-household", "FAIL");
        decided(applyAs(YE_QINGYUAN, "dog-registration", dog("350102", "德国牧羊犬", false)), "REJECTED",
                "not-a-banned-breed", "FAIL");
        decided(applyAs(YE_QINGYUAN, "dog-registration", dog("other", "柯基", false)), "REJECTED",
                "in-the-six-districts", "FAIL");
    }

    @Test
    void aSeventeenYearOldsDogGoesToAnOfficer() throws Exception {
        // old rule: refused under 18; at 16 a self-supporting person has full capacity (Civil Code Art. 18(2))
        decided(applyAs(PAN_ZIXUAN, "dog-registration", dog("350102", "柯基", false)), "MANUAL_REVIEW",
                "full-capacity", "FAIL");
    }

    @Test
    void aDriverWithARenewedLicenceCountsExperienceFromTheFirstIssue() throws Exception {
        // old rule: refused (the current licence began in 2024); first issued in 2008
        decided(applyAs(ZHENG_JIANHUA, "ride-hailing-driver-licence", form()), "APPROVED", null, null);
    }

    @Test
    void aDrinkDrivingRecordOnThePolicesFileRefusesTheCertificate() throws Exception {
        // old rule: approved on the applicant's own declaration
        decided(applyAs(LIN_ZHIYONG, "ride-hailing-driver-licence", form()), "REJECTED", "no-disqualifying-record",
                "FAIL");
    }

    @Test
    void withThePolicesRecordsUnavailableAnOfficerDecides() throws Exception {
        var admin = Api.bearer(mvc, "admin");
        mvc.perform(put("/api/v1/sources/police-records/availability").header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON).content("{\"available\": false}")).andExpect(status().isOk());
        try {
            decided(applyAs(ZHENG_JIANHUA, "ride-hailing-driver-licence", form()), "MANUAL_REVIEW",
                    "no-disqualifying-record", "UNKNOWN");
        } finally {
            mvc.perform(put("/api/v1/sources/police-records/availability").header("Authorization", admin)
                    .contentType(MediaType.APPLICATION_JSON).content("{\"available\": true}"))
                    .andExpect(status().isOk());
        }
    }

    @Test
    void theResidentsPensionCountsTheTransitionCohorts() throws Exception {
        // old rule: all three refused for less than 180 months
        decided(applyAs(WU_XIUZHEN, "urban-rural-pension-claim", form()), "APPROVED", null, null);
        decided(applyAs(CHEN_DEWANG, "urban-rural-pension-claim", form()), "APPROVED", null, null);
        decided(applyAs(HUANG_YUEYING, "urban-rural-pension-claim", form()), "MANUAL_REVIEW",
                "paid-enough-for-the-earliest-start", "FAIL");
    }

    @Test
    void aSeventyFiveYearOldWhoNeverPaidCannotEnrolAsFlexiblyEmployed() throws Exception {
        // old rule: approved (no upper age)
        decided(applyAs(HE_FULAI, "flexible-employment-pension-enrolment", form("occupation", "freelance")),
                "REJECTED", "not-past-retirement-age", "FAIL");
    }

    @Test
    void theUnemploymentBenefitReadsTheRegistrationAndTheEmployersReport() throws Exception {
        var claim = form("separation_reason", "dismissed-by-employer", "separation_date",
                LocalDate.parse(TODAY).minusDays(40).toString(), "seeking_work", true);
        // old rule: approved on the applicant's word; the employer reported a resignation
        decided(applyAs(LI_XIAOFENG, "unemployment-insurance-benefit", claim), "MANUAL_REVIEW",
                "employer-reports-involuntary", "FAIL");
        // old rule: approved; 失业登记 was never checked
        decided(applyAs(ZHANG_LIFANG, "unemployment-insurance-benefit", claim), "MANUAL_REVIEW",
                "unemployment-registered", "FAIL");
        decided(applyAs(WANG_JIANPING, "unemployment-insurance-benefit", claim), "APPROVED", null, null);
    }

    @Test
    void anEnterpriseSetUpAfterFiveCertificatesInOneNeedsNoSeparateRegistration() throws Exception {
        // old rule: approved; the demo enterprise was set up in 2019, registered with its business licence
        decided(apply(Api.bearer(mvc, "enterprise"), "social-insurance-employer-registration",
                        form("employees", 8, "contact_phone", "059187654321")), "REJECTED",
                "not-registered-with-the-business-licence", "FAIL");
    }

    @Test
    void aFourthChildGoesToAnOfficer() throws Exception {
        // old rule: refused outright
        decided(applyAs(ZHAO_XUEMEI, "birth-registration", form("child_order", 4)), "MANUAL_REVIEW",
                "child-order-within-three", "FAIL");
    }
}

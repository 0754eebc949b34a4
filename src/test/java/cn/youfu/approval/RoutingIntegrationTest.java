package cn.youfu.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.youfu.Api;
import cn.youfu.YoufuIntegrationTest;
import cn.youfu.identity.Role;
import cn.youfu.identity.internal.TestTokens;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Items the districts and counties issue go to the body of the applicant's district (a resident's household, else
 * their Fuzhou residence permit; a form's district where the item says so); the city's department decides when the
 * district cannot be told. A refusal names the district's government for a reconsideration.
 */
@YoufuIntegrationTest
class RoutingIntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    /** 赵雪梅: Taijiang household, married. */
    static final String TAIJIANG = "350103199004040241";
    /** 张建国: household in Nanchang, a valid residence permit of Taijiang (350103). */
    static final String PERMIT_TAIJIANG = "360102195604010318";
    /** 周国平: household in Xiamen, no permit. */
    static final String XIAMEN = "350203195810100533";
    /** 叶清远: household in Nanchang, owns a home in Gulou. */
    static final String DOG_KEEPER = "360102198504121153";

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;

    JsonNode apply(String idNumber, String item, Map<String, Object> form) throws Exception {
        var answer = mvc.perform(post("/api/v1/applications").header("Authorization", Api.bearer(mvc, idNumber))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(Map.of("item", item, "form", form))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JSON.readTree(answer);
    }

    JsonNode caseOf(JsonNode decision) throws Exception {
        var supervisor = Api.bearer(mvc, "supervisor");
        return JSON.readTree(mvc.perform(get("/api/v1/cases/" + decision.get("reference").asString())
                .header("Authorization", supervisor)).andReturn().getResponse().getContentAsString());
    }

    @Test
    void aBirthRegistrationGoesToTheHealthBureauOfTheHouseholdsDistrictAndItsRefusalNamesItsGovernment()
            throws Exception {
        var decision = apply(TAIJIANG, "birth-registration", Map.of("child_order", 0));
        assertThat(decision.get("decision").asString()).isEqualTo("REJECTED");
        assertThat(caseOf(decision).get("department").asString()).isEqualTo("tj-health");
        assertThat(decision.get("remedies").get("text").get("zh").asString()).contains("向福州市台江区人民政府申请行政复议");
    }

    @Test
    void aResidencePermitPlacesAnApplicantWhoseHouseholdIsElsewhere() throws Exception {
        var decision = apply(PERMIT_TAIJIANG, "disability-subsidies", Map.of("subsidy", "living"));
        assertThat(caseOf(decision).get("department").asString()).isEqualTo("tj-civil-affairs");
    }

    @Test
    void whenTheDistrictCannotBeToldTheCitysDepartmentDecides() throws Exception {
        var decision = apply(XIAMEN, "birth-registration", Map.of("child_order", 1));
        assertThat(caseOf(decision).get("department").asString()).isEqualTo("fz-health");
    }

    @Test
    void aDogGoesToTheUrbanManagementBureauOfTheDistrictWhereItIsKept() throws Exception {
        var decision = apply(DOG_KEEPER, "dog-registration", Map.of("dog_name", "阿福", "breed", "柯基",
                "dog_sex", "male", "vaccination_certificate", "FZ-RV-0100",
                "vaccinated_on", LocalDate.parse(TODAY).minusDays(30).toString(), "keeping_district", "350105",
                "keeping_address", "马尾区罗星路1号", "other_dog_in_household", false));
        assertThat(decision.get("decision").asString()).isEqualTo("MANUAL_REVIEW"); // no home of his in Mawei
        assertThat(decision.get("manualReview").get("department").asString()).isEqualTo("mw-urban-management");
        assertThat(decision.get("manualReview").get("departmentName").get("zh").asString())
                .isEqualTo("福州市马尾区城市管理局");
        var officer = TestTokens.bearer(context, "mw-officer", "马尾审批员", Role.OFFICER, null, "mw-urban-management");
        mvc.perform(get("/api/v1/inbox").header("Authorization", officer))
                .andExpect(jsonPath("$[*].reference").value(org.hamcrest.Matchers.hasItem(
                        decision.get("reference").asString())));
    }

    @Test
    void theCatalogueNamesTheIssuingLevel() throws Exception {
        mvc.perform(get("/api/v1/catalog/items/individual-business-registration"))
                .andExpect(jsonPath("$.issuedBy.level").value("district"))
                .andExpect(jsonPath("$.issuedBy.body").value("申请人所在区、县（市）的市场监督管理局"));
        mvc.perform(get("/api/v1/catalog/items/elderly-card"))
                .andExpect(jsonPath("$.issuedBy.level").value("city"))
                .andExpect(jsonPath("$.issuedBy.department").value("fz-civil-affairs"));
        var page = mvc.perform(get("/services/public-place-hygiene-licence-renewal")).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("申请人所在区、县（市）的卫生健康局");
    }
}

package cn.youfu.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.youfu.Api;
import cn.youfu.YoufuIntegrationTest;
import cn.youfu.materials.TestSetGenerator;
import cn.youfu.platform.ResidentId;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The senior bus card: the ID card photo's number and name, read by OCR, checked against the applicant and the
 * population registry — approved when they agree, refused on a clear contradiction, referred when unsure.
 */
@YoufuIntegrationTest
class MaterialsApprovalIntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String NUMBER = "350102195803120016";
    static final String ADDRESS = "福建省福州市鼓楼区五四路88号";

    @Autowired
    cn.youfu.certificates.Certificates certificates;
    @Autowired
    MockMvc mvc;

    String upload(String token, BufferedImage image) throws Exception {
        var png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        var body = mvc.perform(multipart("/api/v1/materials")
                        .file(new MockMultipartFile("file", "id.png", "image/png", png.toByteArray()))
                        .param("type", "id-card-front").header("Authorization", token))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        return JSON.readTree(body).get("id").asString();
    }

    JsonNode apply(String token, String materialId) throws Exception {
        var body = mvc.perform(post("/api/v1/applications").header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"item\":\"senior-bus-card\",\"form\":{},\"materials\":{\"id-card-front\":\""
                                + materialId + "\"}}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JSON.readTree(body);
    }

    /** 郑玉珍, 85, Minhou hukou (a named resident of the synthetic city). */
    static final String AGED_85 = "350121194106180720";
    /** 张建国, 70, hukou in Nanchang, valid Fuzhou residence permit. */
    static final String AGED_70_PERMIT = "360102195604010318";
    /** 黄志强, 66, Mawei hukou. */
    static final String AGED_66 = "350105196002020617";

    JsonNode applyWithOwnCard(String idNumber, String name, String address) throws Exception {
        cn.youfu.certificates.TestCertificates.revokeAll(certificates, idNumber);
        var token = Api.bearer(mvc, idNumber);
        return apply(token, upload(token, TestSetGenerator.idCard(name, "汉", address, idNumber)));
    }

    @Test
    void anOlderResidentsOwnCardIsReadAndApproved() throws Exception {
        var decision = applyWithOwnCard(AGED_85, "郑玉珍", "福建省闽侯县甘蔗街道12号");
        assertThat(ApprovalIntegrationTest.outcomes(decision)).containsEntry("id-card-legible", "PASS")
                .containsEntry("id-card-is-applicants", "PASS").containsEntry("id-card-name-matches", "PASS");
        assertThat(decision.get("decision").asString()).isEqualTo("APPROVED");
    }

    @Test
    void aSeventyYearOldLivingHereOnAResidencePermitGetsTheCard() throws Exception {
        // The old rule asked for a Fuzhou household and refused him; the city's card covers older people living here.
        var decision = applyWithOwnCard(AGED_70_PERMIT, "张建国", "江西省南昌市东湖区八一大道1号");
        assertThat(ApprovalIntegrationTest.outcomes(decision)).containsEntry("lives-in-fuzhou", "PASS")
                .containsEntry("aged-70", "PASS");
        assertThat(decision.get("decision").asString()).isEqualTo("APPROVED");
    }

    @Test
    void aSixtySixYearOldIsNotGivenTheCard() throws Exception {
        // The old rule gave it from 65; Fuzhou's 敬老卡 is from 70.
        var decision = applyWithOwnCard(AGED_66, "黄志强", "福建省福州市马尾区罗星路3号");
        assertThat(ApprovalIntegrationTest.outcomes(decision)).containsEntry("aged-70", "FAIL");
        assertThat(decision.get("decision").asString()).isEqualTo("REJECTED");
    }

    @Test
    void someoneElsesCardIsAClearContradictionAndRefused() throws Exception {
        var token = Api.bearer(mvc, "applicant");
        var first17 = "35010219580312003";
        var other = first17 + ResidentId.checkCharacter(first17);
        var id = upload(token, TestSetGenerator.idCard("陈有福", "汉", ADDRESS, other));
        var decision = apply(token, id);
        assertThat(ApprovalIntegrationTest.outcomes(decision)).containsEntry("id-card-is-applicants", "FAIL");
        assertThat(decision.get("decision").asString()).isEqualTo("REJECTED");
        assertThat(decision.get("reasons").toString()).contains("身份证照片上的号码与申请人的身份证号码一致");
    }

    @Test
    void aNumberFailingItsCheckCharacterGoesToAnOfficerWithTheRegion() throws Exception {
        var token = Api.bearer(mvc, "applicant");
        var id = upload(token, TestSetGenerator.idCard("陈有福", "汉", ADDRESS, "350102195803120017"));
        var decision = apply(token, id);
        assertThat(decision.get("decision").asString()).isEqualTo("MANUAL_REVIEW");
        assertThat(ApprovalIntegrationTest.outcomes(decision)).containsEntry("id-card-legible", "FAIL");
        var caseUrl = decision.get("caseUrl") != null ? decision.get("caseUrl").asString()
                : "/api/v1/cases/" + decision.get("reference").asString();
        // the demo officer belongs to the approval bureau, not civil affairs: the supervisor sees every case
        var supervisor = Api.bearer(mvc, "supervisor");
        var view = JSON.readTree(mvc.perform(get(caseUrl).header("Authorization", supervisor))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        var materials = view.findValue("materials");
        assertThat(materials).as("the case shows the officer what to check").isNotNull();
        var review = materials.get(0).get("review");
        var idNumber = java.util.stream.StreamSupport.stream(review.spliterator(), false)
                .filter(r -> r.get("field").asString().equals("id_number")).findFirst().orElseThrow();
        assertThat(idNumber.get("reason").asString()).isNotBlank();
        assertThat(idNumber.get("region").get("width").asInt()).isPositive();
        mvc.perform(get("/api/v1/materials/" + id).header("Authorization", supervisor))
                .andExpect(status().isOk()).andExpect(jsonPath("$.fields.id_number").exists());
    }

    @Test
    void theItemsMaterialMustBeSubmitted() throws Exception {
        mvc.perform(post("/api/v1/applications").header("Authorization", Api.bearer(mvc, "applicant"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"item\":\"senior-bus-card\",\"form\":{}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:youfu:problem:material-required"));
        mvc.perform(post("/api/v1/applications").header("Authorization", Api.bearer(mvc, "applicant"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"item\":\"senior-bus-card\",\"form\":{},\"materials\":{\"id-card-front\":"
                                + "\"00000000-0000-0000-0000-000000000000\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:youfu:problem:material-not-usable"));
    }
}

package cn.youfu.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.youfu.Api;
import cn.youfu.YoufuIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A certificate in full (the holder's name and ID number, the PDF) is for its holder and for the staff who may see
 * the case that issued it, and each staff read is recorded; the issuing department revokes it with a reason, the
 * public page then says so, and a later application no longer counts it.
 */
@YoufuIntegrationTest
class CertificateAccessIntegrationTest {

    /** 陈有福, the demo applicant: 68, Gulou — entitled to the senior citizen's card (civil affairs). */
    private static final String RESIDENT_68_GULOU = "350102195803120016";

    @Autowired
    MockMvc mvc;
    @Autowired
    Certificates certificates;
    @Autowired
    JdbcClient jdbc;

    String resident;
    String certificate;
    String reference;

    @BeforeEach
    void approveTheCard() throws Exception {
        TestCertificates.revokeAll(certificates, RESIDENT_68_GULOU);
        resident = Api.bearer(mvc, "applicant");
        var decision = apply();
        assertThat(decision.get("decision").asString()).isEqualTo("APPROVED");
        certificate = decision.get("certificate").get("id").asString();
        reference = decision.get("reference").asString();
    }

    /** Leaves the demo applicant without a card, as other tests expect to find them. */
    @AfterEach
    void revokeTheCard() {
        TestCertificates.revokeAll(certificates, RESIDENT_68_GULOU);
    }

    @Test
    void anOfficerOfAnotherDepartmentCannotReadIt() throws Exception {
        var approvalOfficer = Api.bearer(mvc, "officer"); // fz-approval: not the case's department
        mvc.perform(get("/api/v1/certificates/" + certificate).header("Authorization", approvalOfficer))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/certificates/" + certificate + "/pdf").header("Authorization", approvalOfficer))
                .andExpect(status().isNotFound());
        assertThat(reads()).isEmpty();
    }

    @Test
    void theIssuingDepartmentsReadsAreRecorded() throws Exception {
        var civil = Api.bearer(mvc, "civil-officer");
        mvc.perform(get("/api/v1/certificates/" + certificate).header("Authorization", civil))
                .andExpect(status().isOk()).andExpect(jsonPath("$.holder.id").value(RESIDENT_68_GULOU));
        mvc.perform(get("/api/v1/certificates/" + certificate + "/pdf").header("Authorization", civil))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/certificates/" + certificate).header("Authorization", resident))
                .andExpect(status().isOk());
        assertThat(reads()).containsExactly("civil-officer view", "civil-officer download");
    }

    @Test
    void theIssuingDepartmentRevokesItWithAReason() throws Exception {
        mvc.perform(revoke(Api.bearer(mvc, "officer"), "{\"reason\":\"冒领\"}")).andExpect(status().isNotFound());
        mvc.perform(revoke(resident, "{\"reason\":\"不要了\"}")).andExpect(status().isForbidden());
        var civil = Api.bearer(mvc, "civil-officer");
        mvc.perform(revoke(civil, "{}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("reason"));
        mvc.perform(get("/api/v1/certificates/" + certificate + "/verify")).andExpect(jsonPath("$.valid").value(true));

        mvc.perform(revoke(civil, "{\"reason\":\"经核查，申请人已于外地领取同类优待证\"}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REVOKED"));
        mvc.perform(revoke(civil, "{\"reason\":\"again\"}")).andExpect(status().isConflict());
        mvc.perform(get("/api/v1/certificates/" + certificate + "/verify"))
                .andExpect(jsonPath("$.valid").value(false)).andExpect(jsonPath("$.status").value("REVOKED"));
        assertThat(jdbc.sql("SELECT actor FROM audit.entry WHERE stream = ? AND action = 'certificate.revoked'")
                .param(reference).query(String.class).list()).containsExactly("civil-officer");

        assertThat(apply().get("decision").asString()).as("the revoked card no longer counts as held")
                .isEqualTo("APPROVED");
    }

    private org.springframework.test.web.servlet.RequestBuilder revoke(String token, String body) {
        return post("/api/v1/certificates/" + certificate + "/revocation").header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private JsonNode apply() throws Exception {
        return JsonMapper.builder().build().readTree(mvc.perform(post("/api/v1/applications")
                        .header("Authorization", resident).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"item\":\"elderly-card\",\"form\":{}}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
    }

    private java.util.List<String> reads() {
        return jdbc.sql("""
                        SELECT actor || ' ' || (payload::jsonb ->> 'purpose') FROM audit.entry
                        WHERE stream = ? AND action = 'certificate.personal-data-viewed' ORDER BY seq""")
                .param(reference).query(String.class).list();
    }
}

package cn.youfu.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.youfu.Api;
import cn.youfu.YoufuIntegrationTest;
import cn.youfu.certificates.Certificates;
import cn.youfu.certificates.TestCertificates;
import cn.youfu.identity.Role;
import cn.youfu.identity.internal.TestTokens;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The two items checked from outside, against the synthetic city's named residents (docs/demo-data.md). */
@YoufuIntegrationTest
class ApprovalIntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    Certificates certificates;

    ResultActions apply(String token, String item, String form) throws Exception {
        return mvc.perform(post("/api/v1/applications").header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"item\":\"" + item + "\",\"form\":" + form + "}"));
    }

    JsonNode decided(String token, String item) throws Exception {
        var body = apply(token, item, "{}").andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return JSON.readTree(body);
    }

    String resident(String idNumber) throws Exception {
        return Api.bearer(mvc, idNumber);
    }

    static Map<String, String> outcomes(JsonNode decision) {
        var map = new HashMap<String, String>();
        decision.get("reasons").forEach(r -> map.put(r.get("condition").asString(), r.get("outcome").asString()));
        return map;
    }

    @Test
    void theDemoApplicantIsApprovedForTheElderlyCard() throws Exception {
        TestCertificates.revokeAll(certificates, "350102195803120016"); // a fresh applicant, whatever ran before
        apply(Api.bearer(mvc, "applicant"), "elderly-card", "{\"phone\":\"13800591234\"}")
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/cases/FZ-")))
                .andExpect(jsonPath("$.decision").value("APPROVED"))
                .andExpect(jsonPath("$.reasons.length()").value(7))
                .andExpect(jsonPath("$.reasons[*].outcome").value(org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.is("PASS"))))
                .andExpect(jsonPath("$.reasons[4].message.zh").value("符合：申请人年满60周岁"))
                .andExpect(jsonPath("$.reasons[4].legalBasis").value("《中华人民共和国老年人权益保障法》第二条"))
                .andExpect(jsonPath("$.remedies").doesNotExist())
                .andExpect(jsonPath("$.certificate.number").value(org.hamcrest.Matchers.startsWith("FZ-ZS-")))
                .andExpect(jsonPath("$.certificate.documentSm3").value(org.hamcrest.Matchers.matchesPattern(
                        "[0-9a-f]{64}")));
    }

    @Test
    void theCertificateOfAnApprovalDownloadsAndVerifies() throws Exception {
        var token = resident("350104196505200111");
        var decision = decided(token, "elderly-card");
        assertThat(decision.get("decision").asString()).isEqualTo("APPROVED");
        var certificate = decision.get("certificate");
        mvc.perform(get(certificate.get("downloadUrl").asString()).header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"));
        mvc.perform(get(certificate.get("verifyUrl").asString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.number").value(certificate.get("number").asString()))
                .andExpect(jsonPath("$.holder.id").value("3501**********0111"));
        mvc.perform(get(certificate.get("downloadUrl").asString()).header("Authorization", resident(
                "350111196708080221"))).andExpect(status().isNotFound());
    }

    @Test
    void elderlyCardForEachKindOfResident() throws Exception {
        TestCertificates.revokeAll(certificates, "350104196505200111");
        TestCertificates.revokeAll(certificates, "360102195604010318");
        assertThat(decided(resident("350104196505200111"), "elderly-card").get("decision").asString())
                .as("61, Cangshan").isEqualTo("APPROVED");
        assertThat(decided(resident("360102195604010318"), "elderly-card").get("decision").asString())
                .as("70, valid Fuzhou residence permit").isEqualTo("APPROVED");

        var young = decided(resident("350111196708080221"), "elderly-card");
        assertThat(young.get("decision").asString()).isEqualTo("REJECTED");
        assertThat(outcomes(young)).containsEntry("aged-60", "FAIL").containsEntry("fuzhou-resident", "PASS");
        // The remedy as the service-application case type words it (case-types/service-application.yaml).
        assertThat(young.get("remedies").get("code").asString()).isEqualTo("refused-by-the-rules");
        assertThat(young.get("remedies").get("steps").get(0).get("kind").asString()).isEqualTo("human-review");
        assertThat(young.get("remedies").get("steps").get(1).get("kind").asString()).isEqualTo("reconsideration");
        assertThat(young.get("remedies").get("steps").get(1).get("within").asInt()).isEqualTo(60);
        assertThat(young.get("remedies").get("steps").get(2).get("within").asInt()).isEqualTo(6);
        assertThat(young.get("remedies").get("text").get("zh").asString()).contains("福州市人民政府申请行政复议")
                .contains("行政诉讼");

        var expiredPermit = decided(resident("430102195609150422"), "elderly-card");
        assertThat(expiredPermit.get("decision").asString()).isEqualTo("REJECTED");
        assertThat(outcomes(expiredPermit)).containsEntry("fuzhou-resident", "FAIL");

        var xiamen = decided(resident("350203195810100533"), "elderly-card");
        assertThat(xiamen.get("decision").asString()).isEqualTo("REJECTED");
        assertThat(outcomes(xiamen)).containsEntry("fuzhou-resident", "FAIL");

        var holder = decided(resident("350105196002020617"), "elderly-card");
        assertThat(holder.get("decision").asString()).isEqualTo("REJECTED");
        assertThat(outcomes(holder)).containsEntry("no-card-yet", "FAIL");
    }

    @Test
    void highAgeAllowanceForEachKindOfResident() throws Exception {
        TestCertificates.revokeAll(certificates, "350121194106180720");
        assertThat(decided(resident("350121194106180720"), "high-age-allowance").get("decision").asString())
                .as("85, Minhou").isEqualTo("APPROVED");
        var paid = decided(resident("350181194401090812"), "high-age-allowance");
        assertThat(paid.get("decision").asString()).isEqualTo("REJECTED");
        assertThat(outcomes(paid)).containsEntry("not-receiving-yet", "FAIL");
        var permitOnly = decided(resident("360102195604010318"), "high-age-allowance");
        assertThat(permitOnly.get("decision").asString()).isEqualTo("REJECTED");
        assertThat(outcomes(permitOnly)).containsEntry("aged-80", "FAIL").containsEntry("fuzhou-hukou", "FAIL");
    }

    /** What Youfu granted counts: an approved resident holds the card (or is paid the allowance) when applying again. */
    @Test
    void aResidentYoufuApprovedIsRefusedASecondCardUntilTheFirstIsRevoked() throws Exception {
        var id = "350104196505200111";
        TestCertificates.revokeAll(certificates, id);
        var token = resident(id);
        var first = decided(token, "elderly-card");
        assertThat(first.get("decision").asString()).isEqualTo("APPROVED");

        var again = decided(token, "elderly-card");
        assertThat(again.get("decision").asString()).isEqualTo("REJECTED");
        assertThat(outcomes(again)).containsEntry("no-card-yet", "FAIL").containsEntry("aged-60", "PASS");
        var payload = jdbc.sql("SELECT payload FROM audit.entry WHERE stream = ? AND action = 'application.decided'")
                .param(again.get("reference").asString()).query(String.class).single();
        assertThat(JSON.readTree(payload).get("sources").findValuesAsString("source"))
                .as("the ledger records that Youfu's own certificates were read").contains("youfu-certificates");

        certificates.revoke(first.get("certificate").get("id").asString(), "test: withdrawn", "test");
        assertThat(decided(token, "elderly-card").get("decision").asString()).as("after the revocation")
                .isEqualTo("APPROVED");
    }

    @Test
    void aResidentYoufuGrantedTheAllowanceIsNotGrantedItTwice() throws Exception {
        var id = "350121194106180720";
        TestCertificates.revokeAll(certificates, id);
        var token = resident(id);
        assertThat(decided(token, "high-age-allowance").get("decision").asString()).isEqualTo("APPROVED");
        var again = decided(token, "high-age-allowance");
        assertThat(again.get("decision").asString()).isEqualTo("REJECTED");
        assertThat(outcomes(again)).containsEntry("not-receiving-yet", "FAIL").containsEntry("aged-80", "PASS");
    }

    @Test
    void someoneTheRegistryDoesNotKnowGoesToAnOfficer() throws Exception {
        var token = TestTokens.bearer(context, "350102198001010134", "李明", Role.APPLICANT, "350102198001010134");
        var decision = decided(token, "elderly-card");
        assertThat(decision.get("decision").asString()).isEqualTo("MANUAL_REVIEW");
        assertThat(outcomes(decision)).containsEntry("in-population-registry", "FAIL")
                .containsEntry("fuzhou-resident", "UNKNOWN");
        assertThat(decision.get("manualReview").get("statutoryDeadline").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(decision.get("manualReview").get("department").asString()).isEqualTo("fz-civil-affairs");
        var reference = decision.get("reference").asString();
        // The officer of the deciding department finds it in the queue, with the machine's findings, and approves.
        var officer = TestTokens.bearer(context, "civil-officer", "民政审批员", Role.OFFICER, null, "fz-civil-affairs");
        mvc.perform(get("/api/v1/inbox").header("Authorization", officer))
                .andExpect(jsonPath("$[*].reference").value(hasItem(reference)));
        mvc.perform(get("/api/v1/cases/" + reference).header("Authorization", officer))
                .andExpect(jsonPath("$.state").value("manual-review"))
                .andExpect(jsonPath("$.details.findings[1].outcome").value("FAIL"))
                .andExpect(jsonPath("$.allowedActions[*].action").value(hasItem("approve")));
        mvc.perform(post("/api/v1/cases/" + reference + "/transitions").header("Authorization", officer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"action\":\"approve\",\"comment\":\"户籍证明已核实\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("approved"));
        // Its certificate follows (a durable listener).
        long until = System.currentTimeMillis() + 15_000;
        while (jdbc.sql("SELECT count(*) FROM certificates.certificate WHERE case_reference = ?").param(reference)
                .query(Long.class).single() == 0 && System.currentTimeMillis() < until) {
            Thread.sleep(50);
        }
        mvc.perform(get("/api/v1/certificates").header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].caseReference").value(hasItem(reference)));
    }

    @Test
    void aNameThatDiffersFromTheRegistryGoesToAnOfficer() throws Exception {
        var token = TestTokens.bearer(context, "350104196505200111", "林春升", Role.APPLICANT, "350104196505200111");
        var decision = decided(token, "elderly-card");
        assertThat(decision.get("decision").asString()).isEqualTo("MANUAL_REVIEW");
        assertThat(outcomes(decision)).containsEntry("name-matches", "FAIL");
    }

    @Test
    void whenThePopulationRegistryIsDownNothingIsApprovedAndAllGoToAnOfficer() throws Exception {
        var admin = Api.bearer(mvc, "admin");
        var token = Api.bearer(mvc, "applicant");
        mvc.perform(put("/api/v1/sources/population/availability").header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON).content("{\"available\": false}"))
                .andExpect(status().isOk());
        try {
            for (int i = 0; i < 5; i++) {
                var decision = decided(token, "elderly-card");
                assertThat(decision.get("decision").asString()).isEqualTo("MANUAL_REVIEW");
                assertThat(outcomes(decision)).containsEntry("in-population-registry", "UNKNOWN");
                assertThat(decision.get("reasons").get(1).get("message").get("zh").asString())
                        .contains("数据源暂不可用：人口库");
            }
        } finally {
            mvc.perform(put("/api/v1/sources/population/availability").header("Authorization", admin)
                    .contentType(MediaType.APPLICATION_JSON).content("{\"available\": true}"))
                    .andExpect(status().isOk());
        }
    }

    @Test
    void theDecisionIsOnTheCasesLedgerWithTheSourcesItRestedOn() throws Exception {
        var decision = decided(Api.bearer(mvc, "applicant"), "high-age-allowance");
        var reference = decision.get("reference").asString();
        var payload = jdbc.sql("SELECT payload FROM audit.entry WHERE stream = ? AND action = 'application.decided'")
                .param(reference).query(String.class).single();
        var recorded = JSON.readTree(payload);
        assertThat(recorded.get("decision").asString()).isEqualTo("REJECTED");
        assertThat(recorded.get("policyVersion").asInt()).isEqualTo(2); // the item as corrected in issue 21
        assertThat(recorded.get("sources").findValuesAsString("source")).contains("population", "benefits");
        recorded.get("sources").forEach(s -> assertThat(s.get("sm3").asString()).matches("[0-9a-f]{64}"));
        assertThat(recorded.get("conditions").size()).isEqualTo(7);
        assertThat(payload).doesNotContain("陈有福");
    }

    @Test
    void anIdempotencyKeyReturnsTheFirstAnswer() throws Exception {
        var token = Api.bearer(mvc, "applicant");
        var key = "retry-" + System.nanoTime();
        var first = mvc.perform(post("/api/v1/applications").header("Authorization", token)
                        .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"item\":\"high-age-allowance\",\"form\":{}}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        mvc.perform(post("/api/v1/applications").header("Authorization", token)
                        .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"item\":\"high-age-allowance\",\"form\":{}}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(jsonPath("$.reference").value(JSON.readTree(first).get("reference").asString()));
        assertThat(jdbc.sql("SELECT count(*) FROM cases.case WHERE reference = ?")
                .param(JSON.readTree(first).get("reference").asString()).query(Long.class).single()).isOne();
        mvc.perform(post("/api/v1/applications").header("Authorization", token)
                        .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"item\":\"elderly-card\",\"form\":{}}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:youfu:problem:idempotency-key-reused"));
    }

    @Test
    void badInputIsAProblemAndCreatesNothing() throws Exception {
        var token = Api.bearer(mvc, "applicant");
        long before = jdbc.sql("SELECT count(*) FROM cases.case").query(Long.class).single();
        apply(token, "elderly-card", "{\"phone\":\"12345\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:youfu:problem:invalid-form"))
                .andExpect(jsonPath("$.errors[0].field").value("phone"));
        apply(token, "elderly-card", "{\"shoe_size\":42}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("shoe_size"));
        apply(token, "flying-licence", "{}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("item"));
        mvc.perform(post("/api/v1/applications").header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"form\":{}}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.parameter").value("item"));
        mvc.perform(post("/api/v1/applications").header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"item\": [1, 2]}"))
                .andExpect(status().isBadRequest());
        apply(Api.bearer(mvc, "enterprise"), "elderly-card", "{}").andExpect(status().isForbidden());
        apply(Api.bearer(mvc, "officer"), "elderly-card", "{}").andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/applications").contentType(MediaType.APPLICATION_JSON)
                .content("{\"item\":\"elderly-card\",\"form\":{}}")).andExpect(status().isUnauthorized());
        assertThat(jdbc.sql("SELECT count(*) FROM cases.case").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void residentsOfTheSyntheticCitySignInWithTheirIdNumber() throws Exception {
        mvc.perform(get("/api/v1/auth/me").header("Authorization", resident("350121194106180720")))
                .andExpect(jsonPath("$.displayName").value("郑玉珍"))
                .andExpect(jsonPath("$.roles").value(hasItem("APPLICANT")));
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"350102194807070920\",\"password\":\"youfu-demo\"}"))
                .andExpect(status().isUnauthorized()); // deceased
        mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"350121194106180720\",\"password\":\"wrong\"}"))
                .andExpect(status().isUnauthorized());
    }
}

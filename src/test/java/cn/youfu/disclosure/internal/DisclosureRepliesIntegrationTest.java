package cn.youfu.disclosure.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.youfu.YoufuIntegrationTest;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import cn.youfu.AsOwner;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** Every reply the law types, its signed letter and the remedy it states; verification and tampering. */
@YoufuIntegrationTest
class DisclosureRepliesIntegrationTest {

    /** The schema owner's connections, to change a stored letter as only the owner could. */
    @Autowired
    @FlywayDataSource
    DataSource ownerDataSource;

    /** Each reply type with what it must say. */
    static final Map<String, String> REPLIES = Map.of(
            "already-public", "{\"type\":\"already-public\",\"text\":\"该合同已在政府网站公开\","
                    + "\"location\":\"福州市人民政府门户网站“政府信息公开”栏目\"}",
            "disclosed", "{\"type\":\"disclosed\",\"text\":\"随本告知书提供合同扫描件一份\"}",
            "partially-disclosed", "{\"type\":\"partially-disclosed\",\"text\":\"提供合同正文\","
                    + "\"withheld\":\"报价明细表\",\"grounds\":[\"trade-secret\"]}",
            "not-disclosed", "{\"type\":\"not-disclosed\",\"text\":\"所申请信息为内部讨论记录\","
                    + "\"grounds\":[\"process-information\",\"internal-affairs\"]}",
            "not-held", "{\"type\":\"not-held\",\"text\":\"经检索档案室及业务系统，未制作或获取该信息\"}",
            "not-this-agency", "{\"type\":\"not-this-agency\",\"text\":\"道路养护合同由区政府签订\","
                    + "\"otherAgency\":\"福州市鼓楼区人民政府，电话 0591-87000000\"}",
            "repeat-request", "{\"type\":\"repeat-request\",\"text\":\"已于2026年11月答复相同申请\"}",
            "special-law", "{\"type\":\"special-law\",\"text\":\"不动产登记资料请依《不动产登记资料查询暂行办法》向不动产登记机构查询\"}");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    DisclosureFixture f;

    @BeforeEach
    void people() throws Exception {
        f = new DisclosureFixture(mvc);
    }

    byte[] letter(String token, String ref) throws Exception {
        return mvc.perform(get("/api/v1/disclosure-requests/" + ref + "/reply-letter").header("Authorization", token))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    static String text(byte[] pdf) throws Exception {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", "");
        }
    }

    JsonNode verify(byte[] pdf) throws Exception {
        return DisclosureFixture.JSON.readTree(mvc.perform(post("/api/v1/disclosure/letters/verify")
                        .contentType(MediaType.APPLICATION_PDF).content(pdf))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    @Test
    void everyReplyTypeClosesTheRequestWithASignedLetterStatingItsRemedy() throws Exception {
        for (var reply : REPLIES.entrySet()) {
            var ref = f.submit().get("reference").asString();
            var answer = f.step(f.officer, ref, "reply", reply.getValue(), 201);
            assertThat(answer.get("type").asString()).isEqualTo(reply.getKey());
            assertThat(answer.get("onTime").asBoolean()).isTrue();
            var request = f.get(f.resident, "/api/v1/disclosure-requests/" + ref, 200);
            assertThat(request.get("state").asString()).isEqualTo(reply.getKey());
            assertThat(request.get("closed").asBoolean()).isTrue();

            var pdf = letter(f.resident, ref);
            var words = text(pdf);
            assertThat(words).contains("政府信息公开申请答复告知书", answer.get("letterNumber").asString(), "陈有福", ref);
            boolean withheld = reply.getKey().equals("partially-disclosed") || reply.getKey().equals("not-disclosed");
            assertThat(answer.get("reconsiderationFirst").asBoolean()).isEqualTo(withheld);
            if (withheld) {
                assertThat(words).contains("应当先向福州市人民政府申请行政复议", "第二十三条", "不予公开的法律依据");
            } else {
                assertThat(words).contains("六十日内", "六个月内").doesNotContain("应当先向");
            }
            var check = verify(pdf);
            assertThat(check.get("status").asString()).isEqualTo("VALID");
            assertThat(check.get("letterNumber").asString()).isEqualTo(answer.get("letterNumber").asString());
            assertThat(check.toString()).doesNotContain("陈有福", "350102", "13812345678");
            assertThat(jdbc.sql("SELECT count(*) FROM audit.entry WHERE stream = ? AND action = ?")
                    .params(ref, "disclosure.reply-issued").query(Long.class).single()).isOne();
        }
    }

    @Test
    void aReplyMissingWhatItsTypeNeedsIsRefusedAndChangesNothing() throws Exception {
        var ref = f.submit().get("reference").asString();
        String[][] bad = {
                {"{\"type\":\"maybe\",\"text\":\"x\"}", "type"},
                {"{\"type\":\"not-disclosed\",\"text\":\"内部信息\"}", "grounds"},
                {"{\"type\":\"not-disclosed\",\"text\":\"x\",\"grounds\":[\"secret-ish\"]}", "grounds"},
                {"{\"type\":\"disclosed\",\"text\":\"x\",\"grounds\":[\"privacy\"]}", "grounds"},
                {"{\"type\":\"already-public\",\"text\":\"已公开\"}", "location"},
                {"{\"type\":\"partially-disclosed\",\"text\":\"x\",\"grounds\":[\"privacy\"]}", "withheld"},
                {"{\"type\":\"not-held\",\"text\":\"x\",\"fee\":{\"method\":\"by-item\"}}", "fee"},
                {"{\"type\":\"disclosed\",\"text\":\"x\",\"fee\":{\"method\":\"by-volume\"}}", "fee.pages"},
                {"{\"type\":\"disclosed\"}", "text"},
        };
        for (var b : bad) {
            var problem = f.step(f.officer, ref, "reply", b[0], 400);
            assertThat(problem.get("parameter").asString()).as(b[0]).isEqualTo(b[1]);
        }
        f.step(f.otherOfficer, ref, "reply", REPLIES.get("disclosed"), 404);
        f.step(f.resident, ref, "reply", REPLIES.get("disclosed"), 403);
        f.get(f.resident, "/api/v1/disclosure-requests/" + ref + "/reply", 404);
        assertThat(f.get(f.resident, "/api/v1/disclosure-requests/" + ref, 200).get("state").asString())
                .isEqualTo("received");
        f.step(f.officer, ref, "reply", REPLIES.get("disclosed"), 201);
        f.step(f.officer, ref, "reply", REPLIES.get("not-held"), 409);
    }

    @Test
    void aFeeOnlyWhereTheLawAllowsWithTheRuleRecorded() throws Exception {
        var ref = f.submit().get("reference").asString();
        var answer = f.step(f.officer, ref, "reply", "{\"type\":\"disclosed\",\"text\":\"提供全部档案复印件\","
                + "\"fee\":{\"method\":\"by-volume\",\"pages\":120}}", 201);
        assertThat(answer.get("feeYuan").asInt()).isEqualTo(70 * 10 + 20 * 20);
        assertThat(answer.get("feeRule").asString()).contains("按量计收", "120", "第四十二条");
        assertThat(text(letter(f.resident, ref))).contains("信息处理费1100元");
        var free = f.submit().get("reference").asString();
        var first = f.step(f.officer, free, "reply", "{\"type\":\"disclosed\",\"text\":\"提供\","
                + "\"fee\":{\"method\":\"by-item\"}}", 201);
        int nth = jdbc.sql("SELECT count(*) FROM disclosure.request WHERE applicant = 'applicant' AND "
                + "date_trunc('month', received_on) = date_trunc('month', current_date)").query(Integer.class).single();
        assertThat(first.get("feeYuan").asInt()).isEqualTo(ProcessingFees.byItem(nth).yuan());
    }

    @Test
    void aTamperedLetterFailsVerification() throws Exception {
        var ref = f.submit().get("reference").asString();
        var answer = f.step(f.officer, ref, "reply", REPLIES.get("partially-disclosed"), 201);
        var pdf = letter(f.resident, ref);
        var altered = pdf.clone();
        altered[altered.length / 2] ^= 0x01;
        assertThat(verify(altered).get("status").asString()).isEqualTo("UNKNOWN");
        assertThat(verify(altered).get("valid").asBoolean()).isFalse();

        var id = answer.get("letterId").asString();
        mvc.perform(get("/api/v1/disclosure/letters/" + id + "/verify"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.status")
                        .value("VALID"));
        AsOwner.change(ownerDataSource, "documents.document", "UPDATE documents.document SET content = "
                + "overlay(content PLACING '\\x20'::bytea FROM 200 FOR 1) WHERE sm3 = decode(?, 'hex')",
                answer.get("documentSm3").asString());
        mvc.perform(get("/api/v1/disclosure/letters/" + id + "/verify"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.status")
                        .value("TAMPERED"));
        mvc.perform(get("/api/v1/disclosure-requests/" + ref + "/reply-letter").header("Authorization", f.resident))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/v1/disclosure/letters/not-a-letter/verify"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.status")
                        .value("UNKNOWN"));
    }

    @Test
    void aDisclosureProvidesItsFilesListedOnTheLetterByTheirFingerprints() throws Exception {
        var ref = f.submit().get("reference").asString();
        var content = "五一路道路养护工程施工合同（正文）".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var base64 = java.util.Base64.getEncoder().encodeToString(content);
        var file = "{\"name\":\"施工合同.txt\",\"mediaType\":\"%s\",\"content\":\"%s\"}";
        f.step(f.officer, ref, "reply", "{\"type\":\"not-held\",\"text\":\"x\",\"files\":[" + file.formatted(
                "text/plain", base64) + "]}", 400);
        f.step(f.officer, ref, "reply", "{\"type\":\"disclosed\",\"text\":\"x\",\"files\":[" + file.formatted(
                "application/x-msdownload", base64) + "]}", 400);
        var answer = f.step(f.officer, ref, "reply", "{\"type\":\"disclosed\",\"text\":\"随本告知书提供合同正文\","
                + "\"files\":[" + file.formatted("text/plain", base64) + "]}", 201);
        var sm3 = cn.youfu.platform.Sm3.hex(content);
        assertThat(answer.get("files").get(0).get("sm3").asString()).isEqualTo(sm3);
        assertThat(answer.get("files").get(0).get("name").asString()).isEqualTo("施工合同.txt");
        var downloaded = mvc.perform(get("/api/v1/disclosure-requests/" + ref + "/files/" + sm3)
                        .header("Authorization", f.resident))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(downloaded).isEqualTo(content);
        mvc.perform(get("/api/v1/disclosure-requests/" + ref + "/files/" + sm3).header("Authorization", f.otherOfficer))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/disclosure-requests/" + ref + "/files/" + "0".repeat(64))
                        .header("Authorization", f.resident))
                .andExpect(status().isNotFound());
        assertThat(text(letter(f.resident, ref))).contains("施工合同.txt", sm3);
    }
}

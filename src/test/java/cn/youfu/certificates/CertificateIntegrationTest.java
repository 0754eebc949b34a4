package cn.youfu.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.youfu.Api;
import cn.youfu.AsOwner;
import javax.sql.DataSource;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import cn.youfu.YoufuIntegrationTest;
import cn.youfu.audit.Ledger;
import cn.youfu.audit.LedgerEntry;
import cn.youfu.documents.Documents;
import cn.youfu.platform.LocalizedText;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Electronic certificates end to end: issued through {@link Certificates#issue} in a transaction as the approval
 * engine will, downloaded by the holder and staff only, verified by anyone with the holder masked, and every kind of
 * forgery detected.
 */
@YoufuIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CertificateIntegrationTest {

    static final String APPLICANT_ID = "350102195803120016"; // the demo account "applicant", 陈有福
    static final String APPLICANT_NAME = "陈有福";

    @Autowired
    Certificates certificates;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    @FlywayDataSource
    DataSource ownerDataSource;
    @Autowired
    Documents documents;
    @Autowired
    Ledger ledger;

    IssuedCertificate issued;
    String caseReference;
    byte[] pdf;

    @BeforeAll
    void issueOne() throws Exception {
        caseReference = "FZ-TEST-" + System.nanoTime();
        issued = issue(caseReference, LocalDate.of(2026, 11, 25), LocalDate.of(2031, 11, 24));
        pdf = mvc.perform(get(issued.downloadPath()).header(HttpHeaders.AUTHORIZATION, Api.bearer(mvc, "applicant")))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, containsString(issued.number() + ".pdf")))
                .andReturn().getResponse().getContentAsByteArray();
    }

    IssuedCertificate issue(String reference, LocalDate from, LocalDate until) {
        return issue(reference, from, until, "福州市行政审批局");
    }

    IssuedCertificate issue(String reference, LocalDate from, LocalDate until, String authority) {
        var fields = new LinkedHashMap<String, String>();
        fields.put("经营场所", "福州市鼓楼区五四路 100 号");
        fields.put("主体业态", "食品销售经营者（便利店）");
        return issue(reference, from, until, authority, fields);
    }

    IssuedCertificate issue(String reference, LocalDate from, LocalDate until, String authority,
                            Map<String, String> fields) {
        return transaction.execute(status -> certificates.issue(new IssueCertificate(reference, "FZ-SP-0001",
                new LocalizedText("食品经营许可", "Food business licence"),
                new LocalizedText("食品经营许可证", "Food Business Licence"),
                new Holder(APPLICANT_ID, APPLICANT_NAME), "fz-approval",
                new LocalizedText(authority, "Fuzhou Administrative Approval Bureau"), from, until, fields)));
    }

    @Test
    void thePdfCarriesTheHolderTheNumberAndAQrCodeOfTheVerificationAddress() throws Exception {
        assertThat(issued.number()).matches("FZ-ZS-\\d{4}-\\d{6}");
        assertThat(pdf.length).as("PDF size in bytes").isLessThan(200_000);
        assertThat(documents.find(issued.documentSm3()).orElseThrow().bytes()).isEqualTo(pdf);
        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains(APPLICANT_NAME, issued.number(), "食品经营许可证", "3501**********0016",
                    "福州市鼓楼区五四路 100 号", "福州市行政审批局", "2031-11-24").doesNotContain(APPLICANT_ID);
            var image = new PDFRenderer(document).renderImage(0, 2f);
            int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            var bitmap = new BinaryBitmap(new HybridBinarizer(
                    new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
            var decoded = new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, true,
                    DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE)));
            assertThat(decoded.getText()).isEqualTo("http://localhost:8080/certificates/" + issued.id() + "/verify");
        }
    }

    @Test
    void thePdfEmbedsOnlyTheGlyphsItPrintsAndEveryFixedWordReadsBack() throws Exception {
        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("福州市 · 电子证照", "证书编号", "持证人", "证件号码", "有效期限", "发证机关",
                    "发证日期", "扫码或访问以下地址核验", "数据指纹",
                    "任何改动都会使核验失败", "经营场所", "主体业态", "便利店");
            var resources = document.getPage(0).getResources();
            var font = (org.apache.pdfbox.pdmodel.font.PDType0Font) resources.getFont(
                    resources.getFontNames().iterator().next());
            assertThat(text).containsPattern("\\d{4}年\\d{1,2}月\\d{1,2}日");
            assertThat(font.getName()).as("a subset font's name is tagged").matches("[A-Z]{6}\\+.+");
            var embedded = font.getDescendantFont().getFontDescriptor().getFontFile2().toByteArray();
            assertThat(embedded.length).as("embedded font bytes: the glyphs used, not the 5 MB font")
                    .isLessThan(60_000);
        }
    }

    /** Whatever the issuer's name shifts the footer by, its English sentence wraps between words, not inside one. */
    @ParameterizedTest
    @ValueSource(strings = {"福州市民政局", "福州市行政审批局", "福州市公安局", "福州市人力资源和社会保障局", "福州市卫生健康委员会"})
    void englishWordsAreNotBrokenAcrossLines(String authority) throws Exception {
        var certificate = issue("FZ-TEST-" + System.nanoTime(), LocalDate.of(2026, 11, 25), null, authority);
        try (var document = Loader.loadPDF(documents.find(certificate.documentSm3()).orElseThrow().bytes())) {
            assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " "))
                    .contains("Signed with SM2; any change makes verification fail.", "Fuzhou e-certificate",
                            "Scan or visit to verify", "本证书由" + authority + "依法签发");
        }
    }

    /** Letters and signs the fixed wording lacks (here Q, J, K, Z, #, &, @, %, +) print from the certificate's own font. */
    @Test
    void asciiOutsideTheFixedWordingPrintsAsWritten() throws Exception {
        var written = "Unit 7Q, Jiqing Rd. #12 & K-Zone @ 50% (x+y)";
        var fields = new LinkedHashMap<String, String>();
        fields.put("经营场所", written);
        var certificate = issue("FZ-TEST-" + System.nanoTime(), LocalDate.of(2026, 11, 25), null, "福州市民政局",
                fields);
        try (var document = Loader.loadPDF(documents.find(certificate.documentSm3()).orElseThrow().bytes())) {
            assertThat(new PDFTextStripper().getText(document)).contains(written, certificate.number());
        }
    }

    /** The fixed wording's font is embedded once and put into one certificate after another: each must stand alone. */
    @Test
    void certificatesRenderedOneAfterAnotherAreEachCompleteOnTheirOwn() throws Exception {
        var pdfs = new java.util.ArrayList<byte[]>();
        for (int i = 0; i < 3; i++) {
            var c = issue("FZ-TEST-series-" + i + "-" + System.nanoTime(), LocalDate.of(2026, 11, 25), null);
            pdfs.add(documents.find(c.documentSm3()).orElseThrow().bytes());
        }
        for (var bytes : pdfs) {
            try (var document = Loader.loadPDF(bytes)) {
                assertThat(new PDFTextStripper().getText(document)).contains(APPLICANT_NAME, "福州市 · 电子证照",
                        "证书编号", "持证人", "发证机关", "数据指纹", "任何改动都会使核验失败", "福州市行政审批局");
                var resources = document.getPage(0).getResources();
                for (var name : resources.getFontNames()) {
                    var font = (org.apache.pdfbox.pdmodel.font.PDType0Font) resources.getFont(name);
                    assertThat(font.getDescendantFont().getFontDescriptor().getFontFile2().toByteArray())
                            .as("font %s is embedded in this file", font.getName()).isNotEmpty();
                }
            }
        }
    }

    @Test
    void anyoneCanVerifyWithoutSigningInAndSeesTheHolderMasked() throws Exception {
        String body = mvc.perform(get(issued.verifyPath()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.status").value("VALID"))
                .andExpect(jsonPath("$.number").value(issued.number()))
                .andExpect(jsonPath("$.item").value("食品经营许可"))
                .andExpect(jsonPath("$.holder.name").value("陈*福"))
                .andExpect(jsonPath("$.holder.id").value("3501**********0016"))
                .andExpect(jsonPath("$.validFrom").value("2026-11-25"))
                .andExpect(jsonPath("$.validUntil").value("2031-11-24"))
                .andExpect(jsonPath("$.documentSm3").value(issued.documentSm3()))
                .andExpect(jsonPath("$.reasons").isEmpty())
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain(APPLICANT_ID, APPLICANT_NAME);
    }

    @Test
    void theVerificationPageShowsTheSameMaskedResultInChineseOrEnglish() throws Exception {
        String page = mvc.perform(get("/certificates/" + issued.id() + "/verify"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("此证照真实有效")))
                .andExpect(content().string(containsString("陈*福")))
                .andExpect(content().string(containsString(issued.number())))
                .andExpect(content().string(not(containsString("<script"))))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain(APPLICANT_ID, APPLICANT_NAME);
        mvc.perform(get("/certificates/" + issued.id() + "/verify").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("genuine and in force")))
                .andExpect(content().string(containsString("Food business licence")));
        mvc.perform(get("/certificates/00000000-0000-0000-0000-000000000000/verify"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("未找到此证照")));
    }

    @Test
    void unknownCertificatesAre404Problems() throws Exception {
        for (String id : List.of("00000000-0000-0000-0000-000000000000", "not-an-id")) {
            mvc.perform(get("/api/v1/certificates/" + id + "/verify"))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.type").value("urn:youfu:problem:certificate-not-found"));
        }
    }

    /** Staff read a certificate through its case (CertificateAccessIntegrationTest); this one has no case. */
    @Test
    void theHolderMayDownloadOthersGetTheSame404() throws Exception {
        mvc.perform(get(issued.downloadPath()).header(HttpHeaders.AUTHORIZATION, Api.bearer(mvc, "applicant")))
                .andExpect(status().isOk())
                .andExpect(content().bytes(pdf));
        mvc.perform(get(issued.downloadPath()).header(HttpHeaders.AUTHORIZATION, Api.bearer(mvc, "officer")))
                .andExpect(status().isNotFound());
        mvc.perform(get(issued.downloadPath()).header(HttpHeaders.AUTHORIZATION, Api.bearer(mvc, "enterprise")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:youfu:problem:certificate-not-found"));
        mvc.perform(get("/api/v1/certificates/" + issued.id())
                        .header(HttpHeaders.AUTHORIZATION, Api.bearer(mvc, "enterprise")))
                .andExpect(status().isNotFound());
        mvc.perform(get(issued.downloadPath())).andExpect(status().isUnauthorized());
    }

    @Test
    void theHolderSeesTheirCertificatesInFull() throws Exception {
        String applicant = Api.bearer(mvc, "applicant");
        mvc.perform(get("/api/v1/certificates/" + issued.id()).header(HttpHeaders.AUTHORIZATION, applicant))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.holder.id").value(APPLICANT_ID))
                .andExpect(jsonPath("$.holder.name").value(APPLICANT_NAME))
                .andExpect(jsonPath("$.fields.经营场所").value("福州市鼓楼区五四路 100 号"))
                .andExpect(jsonPath("$.status").value("VALID"));
        mvc.perform(get("/api/v1/certificates").header(HttpHeaders.AUTHORIZATION, applicant))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.number == '" + issued.number() + "')]").exists());
        mvc.perform(get("/api/v1/certificates").header(HttpHeaders.AUTHORIZATION, Api.bearer(mvc, "enterprise")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.number == '" + issued.number() + "')]").doesNotExist());
    }

    @Test
    void theIssueIsOnTheCasesLedgerWithoutPersonalData() {
        var entries = ledger.entries(caseReference);
        assertThat(entries).extracting(LedgerEntry::action).containsExactly("certificate.issued");
        assertThat(entries.get(0).payload()).contains(issued.number(), issued.documentSm3(), "FZ-SP-0001", "sm2-",
                "3501**********0016").doesNotContain(APPLICANT_ID, APPLICANT_NAME);
    }

    @Test
    void alteredPdfBytesVerifyAsTampered() throws Exception {
        var other = issue("FZ-TEST-tamper-" + System.nanoTime(), LocalDate.of(2026, 1, 1), null);
        var sm3 = other.documentSm3();
        byte[] original = JdbcClient.create(ownerDataSource)
                .sql("SELECT content FROM documents.document WHERE sm3 = decode(?, 'hex')").param(sm3)
                .query(byte[].class).single();
        AsOwner.change(ownerDataSource, "documents.document", "UPDATE documents.document SET content = "
                + "overlay(content PLACING '\\x20'::bytea FROM 200 FOR 1) WHERE sm3 = decode(?, 'hex')", sm3);
        try {
            mvc.perform(get(other.verifyPath()))
                    .andExpect(jsonPath("$.valid").value(false))
                    .andExpect(jsonPath("$.status").value("TAMPERED"))
                    .andExpect(jsonPath("$.reasons[0]").value(containsString("SM3")));
            mvc.perform(get(other.downloadPath()).header(HttpHeaders.AUTHORIZATION, Api.bearer(mvc, "applicant")))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.type").value("urn:youfu:problem:certificate-damaged"));
        } finally {
            AsOwner.change(ownerDataSource, "documents.document",
                    "UPDATE documents.document SET content = ? WHERE sm3 = decode(?, 'hex')", original, sm3);
        }
        mvc.perform(get(other.verifyPath())).andExpect(jsonPath("$.status").value("VALID"));
    }

    @Test
    void anAlteredSignatureOrRecordVerifiesAsSignatureInvalid() throws Exception {
        var other = issue("FZ-TEST-signature-" + System.nanoTime(), LocalDate.of(2026, 1, 1), null);
        var row = JdbcClient.create(ownerDataSource)
                .sql("SELECT signature, valid_until, holder_name FROM certificates.certificate WHERE id = ?::uuid")
                .param(other.id()).query().singleRow();
        for (String change : List.of(
                "signature = overlay(signature PLACING '\\x00'::bytea FROM 10 FOR 1)",
                "valid_until = DATE '2099-12-31'",
                "holder_name = '陈有禄'")) {
            AsOwner.change(ownerDataSource, "certificates.certificate",
                    "UPDATE certificates.certificate SET " + change + " WHERE id = ?::uuid", other.id());
            try {
                mvc.perform(get(other.verifyPath()))
                        .andExpect(jsonPath("$.valid").value(false))
                        .andExpect(jsonPath("$.status").value("SIGNATURE_INVALID"));
            } finally {
                AsOwner.change(ownerDataSource, "certificates.certificate", "UPDATE certificates.certificate "
                        + "SET signature = ?, valid_until = ?, holder_name = ? WHERE id = ?::uuid",
                        row.get("signature"), row.get("valid_until"), row.get("holder_name"), other.id());
            }
        }
        mvc.perform(get(other.verifyPath())).andExpect(jsonPath("$.status").value("VALID"));
    }

    @Test
    void aCertificatePastItsLastDayIsExpired() throws Exception {
        var old = issue("FZ-TEST-expired-" + System.nanoTime(), LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31));
        mvc.perform(get(old.verifyPath()).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.status").value("EXPIRED"))
                .andExpect(jsonPath("$.reasons[0]").value("This certificate expired on 2020-12-31."));
    }

    @Test
    void aRevokedCertificateIsRevokedOnItsLedger() throws Exception {
        String reference = "FZ-TEST-revoked-" + System.nanoTime();
        var revoked = issue(reference, LocalDate.of(2026, 1, 1), null);
        Boolean first = transaction.execute(s -> certificates.revoke(revoked.id(), "许可被依法撤销", "officer"));
        assertThat(first).isTrue();
        assertThat(certificates.revoke(revoked.id(), "again", "officer")).isFalse();
        mvc.perform(get(revoked.verifyPath()))
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.status").value("REVOKED"))
                .andExpect(jsonPath("$.reasons[0]").value(containsString("许可被依法撤销")));
        assertThat(ledger.entries(reference)).extracting(LedgerEntry::action)
                .containsExactly("certificate.issued", "certificate.revoked");
    }

    @Test
    void numbersAreUniqueAndARolledBackIssueLeavesNothing() {
        String reference = "FZ-TEST-rollback-" + System.nanoTime();
        var rolledBack = transaction.execute(status -> {
            var c = issue(reference, LocalDate.of(2026, 1, 1), null);
            status.setRollbackOnly();
            return c;
        });
        assertThat(rolledBack.number()).isNotEqualTo(issued.number());
        assertThat(jdbc.sql("SELECT count(*) FROM certificates.certificate WHERE id = ?::uuid")
                .param(rolledBack.id()).query(Integer.class).single()).isZero();
        assertThat(ledger.entries(reference)).isEmpty();
    }
}

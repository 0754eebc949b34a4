package cn.youfu.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The pages as people use them, in a real browser (Debian's Chromium, headless): a resident gets the senior citizen's
 * card and its certificate, a resident who is too young sees every reason, an officer takes a referred case from the
 * inbox, asks for supplementary materials and approves once they come, a supervisor opens the dashboard, a resident
 * applies for the senior bus card with a photo of an ID card and an officer sees what was read on it. Every page
 * passes axe-core without serious or critical violations, fits 360 px, and is saved as a screenshot.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"youfu.db.ephemeral=true", "youfu.mode=demo", "youfu.data-dir=target/test-data"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebJourneysBrowserTest {

    /** 林春生: 61, Cangshan — referred to an officer while the e-licence library is down (fail closed). */
    static final String REFERRED_RESIDENT = "350104196505200111";
    /** 王秀兰: 59, too young for the senior citizen's card. */
    static final String TOO_YOUNG = "350111196708080221";

    /** A committed test photo: the ID card of 莫洋鑫 (made up), not of the demo resident who uploads it. */
    static final java.nio.file.Path ID_CARD_PHOTO = java.nio.file.Path.of(
            "src/test/resources/materials/testset/id-card-001.jpg");
    /** Its ground truth: not a photo, whatever its name says. */
    static final java.nio.file.Path NOT_A_PHOTO = java.nio.file.Path.of(
            "src/test/resources/materials/testset/id-card-001.json");

    static Browser browser;
    static String referredCase;

    @LocalServerPort
    int port;

    @BeforeAll
    static void noBrowserYet() {
        browser = null;
    }

    Browser browser() throws Exception {
        if (browser == null) {
            browser = new Browser(port);
        }
        return browser;
    }

    /** An administrator switches the e-licence library off (a simulated outage) or on again, over the API. */
    void eLicenceLibraryAvailable(boolean available) throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var base = "http://localhost:" + port + "/api/v1";
        var token = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/auth/token"))
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                "{\"username\":\"admin\",\"password\":\"youfu-demo\"}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body()
                .replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
        var answer = http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(base + "/sources/e-licence/availability"))
                        .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"available\":" + available + "}"))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
    }

    @AfterAll
    static void close() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void aResidentAppliesForTheElderlyCardAndDownloadsTheCertificate() throws Exception {
        var b = browser();
        b.open("/");
        b.check("home");
        b.signIn("applicant");
        b.open("/services");
        b.type("#q", "老年人");
        b.find("#results a[href$='/services/elderly-card']");
        b.check("services");
        b.click("#results a[href$='/services/elderly-card']");
        // no law sets the card's time limit: the page says so and gives the promise, in its unit
        assertThat(b.text("main")).contains("谁可以申请", "法定时限", "法律未规定办理时限", "承诺时限", "1 个工作日",
                "《中华人民共和国老年人权益保障法》第二条");
        b.check("item");
        b.click("a[href$='/services/elderly-card/apply']");
        b.check("apply");
        b.type("#f-phone", "13800000000");
        b.click("form button[type=submit].primary");
        assertThat(b.text("h1")).isEqualTo("已批准");
        b.find(".qr svg path");
        b.check("decision-approved");
        var pdf = b.find("a[href*='/certificates/'][href$='/pdf']").getAttribute("href");
        assertThat(b.fetchHead(pdf)).startsWith("200 application/pdf %PDF-");
        b.click("a[href*='/certificates/'][href$='/verify']");
        assertThat(b.text("main")).contains("有效");
        b.check("certificate-verify");
        b.open("/my/cases");
        assertThat(b.text("main")).contains("老年人优待证办理", "已批准");
        b.check("my-cases");
        b.signOut();
    }

    @Test
    @Order(2)
    void aResidentWhoIsRefusedSeesEveryReason() throws Exception {
        var b = browser();
        b.signIn(TOO_YOUNG);
        b.open("/services/elderly-card/apply?lang=en");
        b.click("form button[type=submit].primary");
        assertThat(b.text("h1")).isEqualTo("Refused");
        // the remedy as the case type words it: an officer's review first (the rules alone decided), then
        // reconsideration or litigation
        assertThat(b.text("main")).contains("Not met: The applicant is 60 or over",
                "Basis: 《中华人民共和国老年人权益保障法》第二条", "Ask an officer to review",
                "administrative reconsideration", "within 60 days");
        b.check("decision-refused-en");
        b.open("/my/cases?lang=zh_CN");
        b.signOut();
    }

    @Test
    @Order(3)
    void anOfficerRequestsASupplementThenApproves() throws Exception {
        var b = browser();
        eLicenceLibraryAvailable(false);
        b.signIn(REFERRED_RESIDENT);
        b.open("/services/elderly-card/apply");
        b.click("form button[type=submit].primary");
        eLicenceLibraryAvailable(true);
        assertThat(b.text("h1")).isEqualTo("已转工作人员审核");
        assertThat(b.text("main")).contains("答复期限（法律未规定时限", "福州市民政局");
        b.check("decision-referred");
        referredCase = b.driver().getCurrentUrl().replaceAll(".*/applications/", "");
        b.signOut();

        b.signIn("civil-officer");
        b.open("/officer/inbox");
        // the card's only limit is the 1 working day promised (no law sets one): the case is due soon at once
        assertThat(b.text("table.inbox")).contains(referredCase, "即将到期");
        b.check("inbox");
        b.click("table.inbox a[href$='" + referredCase + "']");
        assertThat(b.text("main")).contains("无法核实", "办理记录", "立案");
        b.check("officer-case");
        // A supplement request needs a reason: the browser will not send it empty, the server would not take it.
        b.type("#comment-request-supplement", "请补充户口簿首页及本人页复印件。");
        b.click("form.action:has(#comment-request-supplement) button");
        assertThat(b.text("main")).contains("待补正材料", "暂停计时", "请补充户口簿首页及本人页复印件。");
        b.signOut();

        b.signIn(REFERRED_RESIDENT);
        b.open("/my/cases/" + referredCase);
        assertThat(b.text("main")).contains("请补充户口簿首页及本人页复印件。");
        b.check("my-case-supplement");
        b.click("form.action input[value=supplement] ~ button");
        assertThat(b.text("main")).contains("人工审核中");
        b.signOut();

        b.signIn("civil-officer");
        b.open("/officer/cases/" + referredCase);
        b.click("form.action input[value=approve] ~ button");
        assertThat(b.text("main")).contains("已批准");
        // The certificate of an officer's approval follows from a durable event listener, a moment later.
        for (int i = 0; i < 20 && !b.text("main").contains("FZ-ZS-"); i++) {
            Thread.sleep(500);
            b.driver().navigate().refresh();
        }
        assertThat(b.text("main")).contains("FZ-ZS-");
        b.check("officer-case-approved");
        b.signOut();
    }

    @Test
    @Order(4)
    void aSupervisorOpensTheDashboard() throws Exception {
        var b = browser();
        b.signIn("supervisor");
        b.open("/supervisor/dashboard");
        b.find(".chart canvas");
        assertThat(b.driver().findElements(org.openqa.selenium.By.cssSelector("table#table-daily tbody tr")))
                .hasSize(DashboardPage.DAYS);
        b.check("dashboard");
        b.signOut();
    }

    @Test
    @Order(5)
    void aResidentUploadsAnIdCardPhotoAndAnOfficerSeesWhatWasRead() throws Exception {
        var b = browser();
        b.signIn("applicant");
        b.open("/services/senior-bus-card/apply");
        assertThat(b.text("label[for=m-id-card-front]")).contains("本人居民身份证人像面照片", "必填");
        assertThat(b.text("#m-id-card-front-hint")).contains("JPEG、PNG 图片或 PDF 文件，不超过 10 MB");
        b.check("apply-materials");
        // A file that is not a photo is refused next to the field, in plain words; the phone number stays.
        b.type("#f-phone", "13800000000");
        b.upload("#m-id-card-front", NOT_A_PHOTO);
        b.click("form button[type=submit].primary");
        assertThat(b.text("#m-id-card-front-error")).contains("请上传 JPEG、PNG 照片或 PDF 文件");
        assertThat(b.find("#m-id-card-front").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(b.find("#f-phone").getAttribute("value")).isEqualTo("13800000000");
        assertThat(b.text(".error-summary")).contains("请上传 JPEG、PNG 照片或 PDF 文件");
        b.check("apply-material-refused");

        // The photo is someone else's card: the platform cannot rest a decision on it, an officer decides.
        b.upload("#m-id-card-front", ID_CARD_PHOTO);
        b.click("form button[type=submit].primary");
        assertThat(b.text("h1")).isEqualTo("已转工作人员审核");
        // no law sets the card's time limit: the page gives the promised one and says so
        assertThat(b.text("main")).contains("您提交的材料", "本人居民身份证人像面照片：作出决定时", "答复期限（法律未规定时限");
        b.check("decision-material-referred");
        var reference = b.driver().getCurrentUrl().replaceAll(".*/applications/", "");
        b.signOut();

        b.signIn("civil-officer");
        b.open("/officer/cases/" + reference);
        // the reading may finish after the decision's wait: the page shows it once it has
        for (int i = 0; i < 60 && b.driver().findElements(org.openqa.selenium.By.cssSelector("table.fields"))
                .isEmpty(); i++) {
            Thread.sleep(500);
            b.driver().navigate().refresh();
        }
        var fields = b.text("table.fields");
        assertThat(fields).contains("公民身份号码", "姓名", "置信度", "核对");
        assertThat(b.text("#timeline-heading ~ ol")).contains("申请人 陈**").doesNotContain("350102195803120016");
        var file = b.find("a[href*='/materials/'][href$='/file']").getAttribute("href");
        assertThat(b.fetchHead(file)).startsWith("200 image/jpeg");
        b.check("officer-case-materials");
        b.open("/officer/cases/" + reference + "?lang=en");
        assertThat(b.text("table.fields")).contains("ID number", "Confidence");
        b.check("officer-case-materials-en");
        b.open("/officer/cases/" + reference + "?lang=zh_CN");
        b.signOut();
    }
}

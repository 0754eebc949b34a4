package cn.youfu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A request for government information in a real browser: the resident asks, the officer asks for a correction, the
 * resident corrects, the officer replies "partially disclosed" and publishes a document proactively, the supervisor
 * sees the on-time rates, the resident reads the reply and downloads the signed letter, which verifies; the public
 * portal and the annual report show nothing personal. Every page passes axe-core,
 * fits 360 px and is saved as a screenshot.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"youfu.db.ephemeral=true", "youfu.mode=demo", "youfu.data-dir=target/test-data"})
class DisclosureJourneyBrowserTest {

    static Browser browser;

    @LocalServerPort
    int port;

    @AfterAll
    static void close() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aResidentAsksCorrectsAndReadsAPartialDisclosure() throws Exception {
        var b = browser = new Browser(port);
        b.signIn("applicant");
        b.open("/disclosure/apply");
        b.check("disclosure-apply");
        b.type("#description", "请公开2026年鼓楼区道路养护工程的施工合同");
        b.type("#phone", "13812345678");
        b.click("form[action$='/disclosure/apply'] button.primary");
        var reference = b.text("h1 .note");
        assertThat(reference).matches("FZ-\\d{4}-\\d{8}");
        assertThat(b.text("#state")).isEqualTo("办理中");
        b.check("disclosure-request-received");
        b.signOut();

        b.signIn("disclosure-officer");
        b.open("/officer/disclosure");
        b.check("disclosure-inbox");
        b.click("a[href$='/disclosure/requests/" + reference + "']");
        b.type("#what", "请写明所需合同对应的路段名称和签订年份");
        b.click("form[action$='/correction-request'] button");
        assertThat(b.text("#state")).isEqualTo("待补正申请");
        b.check("disclosure-request-correction-asked");
        b.signOut();

        b.signIn("applicant");
        b.open("/disclosure/requests/" + reference);
        assertThat(b.text("main")).contains("请写明所需合同对应的路段名称和签订年份");
        b.type("#corrected", "请公开2026年鼓楼区五一路道路养护工程的施工合同");
        b.click("form[action$='/correction'] button");
        assertThat(b.text("#state")).isEqualTo("办理中");
        b.click("a[href$='/clock']");
        assertThat(b.text("main")).contains("收到申请之日，不计入期限");
        b.check("disclosure-clock");
        b.signOut();

        b.signIn("disclosure-officer");
        b.open("/disclosure/requests/" + reference);
        new Select(b.find("#reply-type-select")).selectByValue("partially-disclosed");
        b.type("#reply-text", "随本告知书提供合同正文");
        b.type("#reply-withheld", "合同附件中的报价明细");
        b.find("input[name=grounds][value=trade-secret]").click();
        b.click("form[action$='/reply'] button.primary");
        assertThat(b.text("#reply-type")).isEqualTo("部分公开");
        b.check("disclosure-replied-officer");
        b.open("/officer/disclosure/documents/new");
        b.check("disclosure-publish");
        new Select(b.find("#category")).selectByValue("budgets");
        b.type("#title", "福州市2026年市级部门预算公开说明");
        b.type("#body", "预算编制说明。咨询电话13912345678。");
        b.click("form[action$='/officer/disclosure/documents'] button.primary");
        assertThat(b.text("h1")).isEqualTo("福州市2026年市级部门预算公开说明");
        assertThat(b.text("main")).contains("139****5678").doesNotContain("13912345678");
        b.check("open-document");
        b.signOut();

        b.signIn("supervisor");
        b.open("/supervisor/disclosure");
        assertThat(b.text("main")).contains("福州市人民政府办公厅");
        b.check("disclosure-supervision");
        b.signOut();

        b.signIn("applicant");
        b.open("/disclosure/requests/" + reference);
        assertThat(b.text("#reply-type")).isEqualTo("部分公开");
        assertThat(b.text("#remedy")).contains("应当先向福州市人民政府申请行政复议");
        assertThat(b.fetchHead(b.find("#letter").getAttribute("href"))).startsWith("200 application/pdf %PDF-");
        b.check("disclosure-reply-resident");
        b.click("a[href*='/disclosure/letters/'][href$='/verify']");
        assertThat(b.text("main")).contains("有效").doesNotContain("陈有福", "13812345678");
        b.check("disclosure-letter-verify");
        b.signOut();

        b.open("/open");
        b.check("open-portal");
        b.open("/open/annual-report/" + LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear());
        assertThat(b.text("main")).contains("部分公开").doesNotContain("陈有福", "13812345678", reference);
        b.check("open-annual-report");
    }
}

package cn.youfu.materials.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The extractors on lines as Tesseract returns them (stray marks, labels with spaces), without the OCR. */
class ExtractorsTest {

    /** A page whose lines are the given texts, one word per whitespace-separated token, all at confidence 95. */
    static LabelledLines page(String... lines) {
        var out = new ArrayList<OcrPage.OcrLine>();
        int y = 10;
        for (var line : lines) {
            var words = new ArrayList<OcrPage.OcrWord>();
            int x = 10;
            for (var token : line.split(" ")) {
                words.add(new OcrPage.OcrWord(token, 95, new Rectangle(x, y, 20 * token.length(), 30)));
                x += 20 * token.length() + 10;
            }
            out.add(new OcrPage.OcrLine(words));
            y += 50;
        }
        return new LabelledLines(new OcrPage(out), 1000);
    }

    /** The second reading agrees with whatever was first read. */
    static final MaterialExtractor.Reread NONE = (region, allowed) -> null;

    @Test
    void theIdCardFrontIsReadByItsLabels() {
        var lines = page("姓名 “陈有福", "性别 男 民族 汉", "出生 1958年3月12日", "住址 福建省福州市鼓楼区",
                "五四路88号", "公民身份号码 350102195803120016");
        var e = new IdCardFrontExtractor().extract(lines, NONE);
        assertThat(e.fields().get("name").value()).isEqualTo("陈有福");
        assertThat(e.fields().get("sex").value()).isEqualTo("男");
        assertThat(e.fields().get("ethnicity").value()).isEqualTo("汉");
        assertThat(e.fields().get("birth_date").value()).isEqualTo("1958-03-12");
        assertThat(e.fields().get("birth_date").valid()).isTrue();
        assertThat(e.fields().get("address").value()).isEqualTo("福建省福州市鼓楼区五四路88号");
        assertThat(e.fields().get("id_number").value()).isEqualTo("350102195803120016");
        assertThat(e.labels()).isEqualTo(6);
    }

    @Test
    void aBirthDateOrSexThatContradictsTheNumberIsInvalid() {
        var e = new IdCardFrontExtractor().extract(page("性别 女", "出生 1958年3月13日",
                "公民身份号码 350102195803120016"), NONE);
        assertThat(e.fields().get("sex").valid()).isFalse();
        assertThat(e.fields().get("birth_date").valid()).isFalse();
    }

    @Test
    void theBusinessLicenceIsReadByItsLabels() {
        var lines = page("营业执照", "统一社会信用代码 ”91350100MA2Y0F0U0N", "|，名，称，。 福州有福科技有限公司",
                "类 型 有限责任公司(自然人投资或控股)", "法定代表人 陈有福", "注册资本 壹佰万圆整",
                "成立日期 2015年03月12日", "住 所 福州市鼓楼区五四路88号");
        var e = new BusinessLicenceExtractor().extract(lines, NONE);
        assertIsTheDemoEnterprisesLicence(e);
    }

    private static void assertIsTheDemoEnterprisesLicence(Extraction e) {
        assertThat(e.fields().get("credit_code").value()).isEqualTo("91350100MA2Y0F0U0N");
        assertThat(e.fields().get("name").value()).isEqualTo("福州有福科技有限公司");
        assertThat(e.fields().get("type").value()).isEqualTo("有限责任公司（自然人投资或控股）");
        assertThat(e.fields().get("legal_representative").value()).isEqualTo("陈有福");
        assertThat(e.fields().get("registered_capital").value()).isEqualTo("壹佰万圆整");
        assertThat(e.fields().get("established").value()).isEqualTo("2015-03-12");
        assertThat(e.fields().get("address").value()).isEqualTo("福州市鼓楼区五四路88号");
    }

    @Test
    void theResidencePermitIsReadByItsLabels() {
        var lines = page("福建省居住证", "姓名 王秀英", "性别 女", "公民身份号码 430102195609150422",
                "居住地址 福州市台江区工业路12号", "签发机关 福州市公安局台江分局", "有效期限 2024.05.01-2027.05.01");
        var e = new ResidencePermitExtractor().extract(lines, NONE);
        assertThat(e.fields().get("name").value()).isEqualTo("王秀英");
        assertThat(e.fields().get("id_number").value()).isEqualTo("430102195609150422");
        assertThat(e.fields().get("id_number").valid()).isTrue();
        assertThat(e.fields().get("address").value()).isEqualTo("福州市台江区工业路12号");
        assertThat(e.fields().get("issuer").value()).isEqualTo("福州市公安局台江分局");
        assertThat(e.fields().get("valid_until").value()).isEqualTo("2027-05-01");
        assertThat(List.copyOf(e.fields().keySet())).containsExactlyInAnyOrderElementsOf(ResidencePermitExtractor.FIELDS);
    }

    /** A line of words at given x positions (words as "text@x"), all at confidence 95. */
    static OcrPage.OcrLine line(int y, String... words) {
        var out = new ArrayList<OcrPage.OcrWord>();
        for (var word : words) {
            var parts = word.split("@");
            out.add(new OcrPage.OcrWord(parts[0], 95, new Rectangle(Integer.parseInt(parts[1]), y,
                    26 * parts[0].length(), 28)));
        }
        return new OcrPage.OcrLine(out);
    }

    @Test
    void theTwoColumnLicenceIsReadColumnByColumn() {
        // as Tesseract reads today's licence: each line runs across both columns; the code is under its label
        var lines = new LabelledLines(new OcrPage(List.of(
                line(100, "统一社会信用代码@60", "营业@550", "执照@620"),
                line(140, "91350100MA2Y0F0U0N@60"),
                line(250, "名称@60", "福州有福科技有限公司@210", "注册资本@680", "壹佰万圆整@820"),
                line(300, "类型@60", "有限责任公司（自然人@210", "成立日期@680", "2015年03月12日@820"),
                line(350, "投资或控股）@210", "营业期限@680", "长期@820"),
                line(400, "法定代表人@60", "陈有福@210", "住所@680", "福州市鼓楼区五四路@820"),
                line(450, "经营范围@60", "软件开发；技术进出口@210", "88号@820"),
                line(500, "信息技术咨询服务@210"))), 1200);
        var e = new BusinessLicenceExtractor().extract(lines, NONE);
        assertIsTheDemoEnterprisesLicence(e);
    }

    @Test
    void aValueEndsAtAWideGapEvenWhenTheNextLabelIsMisread() {
        var lines = new LabelledLines(new OcrPage(List.of(
                line(250, "名称@60", "福州有福科技有限公司@210", "注肌资本@680", "壹佰万圆整@820"))), 1200);
        var e = new BusinessLicenceExtractor().extract(lines, NONE);
        assertThat(e.fields().get("name").value()).isEqualTo("福州有福科技有限公司");
    }

    @Test
    void theResidencePermitsAddressGoesOnUnderItself() {
        var lines = new LabelledLines(new OcrPage(List.of(line(100, "姓名@60", "王秀英@200"),
                line(300, "居住地址@60", "福州市台江区工业路12号@200"), line(350, "阳光花园3座101室@200"),
                line(480, "签发机关@60", "福州市公安局台江分局@200"))), 1000);
        var e = new ResidencePermitExtractor().extract(lines, NONE);
        assertThat(e.fields().get("address").value()).isEqualTo("福州市台江区工业路12号阳光花园3座101室");
    }

    @Test
    void twoReadingsOfAPageAreCombinedFieldByFieldAndADisputedValueIsNotSure() {
        var box = new Rectangle(0, 0, 10, 10);
        var plain = Extraction.of(new java.util.LinkedHashMap<>(java.util.Map.of(
                "id_number", new Extraction.Field("350102195803120016", 0.99, true, false, box),
                "name", new Extraction.Field("页", 0.14, true, false, box),
                "sex", new Extraction.Field("男", 0.95, true, false, box))), 4);
        var darker = Extraction.of(new java.util.LinkedHashMap<>(java.util.Map.of(
                "id_number", new Extraction.Field("35010219580312001", 0.99, false, false, box),
                "name", new Extraction.Field("雷娜丽", 0.95, true, false, box),
                "sex", new Extraction.Field("男", 0.9, true, false, box),
                "address", new Extraction.Field("福建省福州市", 0.7, true, false, box))), 6);

        var combined = plain.combinedWith(darker);

        assertThat(combined.labels()).isEqualTo(6);
        assertThat(combined.fields().get("id_number").value()).as("valid before confident")
                .isEqualTo("350102195803120016");
        assertThat(combined.fields().get("name").value()).isEqualTo("雷娜丽");
        assertThat(combined.fields().get("name").confidence()).as("the other reading disputes it")
                .isEqualTo(Extraction.DISPUTED);
        assertThat(combined.fields().get("sex").confidence()).as("both agree").isEqualTo(0.95);
        assertThat(combined.fields().get("address").value()).isEqualTo("福建省福州市");
    }

    @Test
    void aValuesRegionIsAsHighAsItsLineNotAsATallBoxTesseractStretchedOverTheLinesAround() {
        // 法定代表人毛涛艳 as Tesseract boxed it on a licence: 涛 and 艳 52 px high in a line 21 px high
        var line = new OcrPage.OcrLine(List.of(
                new OcrPage.OcrWord("法定代表人", 96, new Rectangle(182, 452, 120, 22)),
                new OcrPage.OcrWord("毛", 86, new Rectangle(315, 452, 30, 21)),
                new OcrPage.OcrWord("涛", 93, new Rectangle(350, 437, 20, 52)),
                new OcrPage.OcrWord("艳", 60, new Rectangle(369, 437, 17, 52)),
                new OcrPage.OcrWord("营业期限", 95, new Rectangle(732, 451, 90, 22))));
        assertThat(line.region(5, 8)).isEqualTo(new Rectangle(315, 452, 71, 21));
        assertThat(line.region(6, 8)).as("only tall words: the line's height")
                .isEqualTo(new Rectangle(350, 451, 36, 23));
        assertThat(line.region(0, 5)).isEqualTo(new Rectangle(182, 452, 120, 22));
    }
}

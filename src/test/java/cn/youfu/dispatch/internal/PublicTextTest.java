package cn.youfu.dispatch.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Citizens' words made fit to publish: the committed list of realistic messages
 * ({@code src/test/resources/dispatch/public-text-cases.yaml}), each with what must go and what must stay, and the
 * spellings of each kind of personal data one by one.
 */
class PublicTextTest {

    record Case(String text, List<String> gone, List<String> kept) {
    }

    @SuppressWarnings("unchecked")
    static List<Case> cases() throws Exception {
        try (var in = PublicTextTest.class.getResourceAsStream("/dispatch/public-text-cases.yaml")) {
            List<Map<String, Object>> raw = new Yaml().load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return raw.stream().map(c -> new Case((String) c.get("text"), strings(c.get("gone")),
                    strings(c.get("kept")))).toList();
        }
    }

    @SuppressWarnings("unchecked")
    static List<String> strings(Object list) {
        return ((List<Object>) list).stream().map(String::valueOf).toList();
    }

    @Test
    void everyMessageOfTheListLosesItsPersonalDataAndKeepsItsSubstance() throws Exception {
        var cases = cases();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(50);
        var failures = new ArrayList<String>();
        for (var c : cases) {
            var masked = PublicText.mask(c.text());
            c.gone().stream().filter(masked::contains)
                    .forEach(g -> failures.add("still shows “" + g + "”: " + masked));
            c.kept().stream().filter(k -> !masked.contains(k))
                    .forEach(k -> failures.add("lost “" + k + "”: " + masked));
        }
        assertThat(failures).withFailMessage("%d problems:%n%s", failures.size(), String.join("\n", failures))
                .isEmpty();
    }

    @Test
    void mobileNumbersInEverySpelling() {
        for (var spelling : List.of("13812345678", "138 1234 5678", "138-1234-5678", "+86 138 1234 5678",
                "+8613812345678", "0086-138-1234-5678", "86-13812345678", "(+86)13812345678")) {
            assertThat(PublicText.mask("电话" + spelling + "。")).as(spelling).doesNotContain("1234").contains("电话");
        }
        assertThat(PublicText.mask("打13812345678")).isEqualTo("打138****5678");
    }

    @Test
    void landlinesWithAndWithoutTheirAreaCode() {
        for (var spelling : List.of("0591-87654321", "0591 8765 4321", "(0591)87654321", "（0591）87654321",
                "059187654321", "+86 591 8765 4321", "0591-8765-4321", "010-62345678", "座机87654321",
                "电话：8765 4321")) {
            assertThat(PublicText.mask("请打" + spelling + "联系")).as(spelling).doesNotContain("8765", "6234")
                    .startsWith("请打").endsWith("联系");
        }
        assertThat(PublicText.mask("拨打12345和110")).isEqualTo("拨打12345和110");
    }

    @Test
    void idNumbersOfEighteenAndFifteenDigits() {
        assertThat(PublicText.mask("身份证350102195803120016")).doesNotContain("19580312", "0016");
        assertThat(PublicText.mask("身份证号35010219580312001X。")).doesNotContain("19580312", "001X");
        assertThat(PublicText.mask("老证350102580312001号")).doesNotContain("580312001");
    }

    @Test
    void licencePlatesOrdinaryAndNewEnergy() {
        for (var plate : List.of("闽A12345", "闽A·12345", "闽A 12345", "闽AD12345", "闽A12345F", "闽A-3B5C7",
                "京N88888", "粤B·D67890")) {
            assertThat(PublicText.mask("车牌" + plate + "的车")).as(plate).doesNotContain(plate.substring(2))
                    .startsWith("车牌").endsWith("的车");
        }
        assertThat(PublicText.mask("闽江边的闽都大厦")).isEqualTo("闽江边的闽都大厦");
    }

    @Test
    void emailAddresses() {
        assertThat(PublicText.mask("邮箱 chen.youfu@example.cn。")).doesNotContain("chen.youfu").contains("@example.cn");
    }

    @Test
    void namesAfterLabelsVerbsAndBeforeHonorifics() {
        assertThat(PublicText.mask("联系人：陈有福")).doesNotContain("陈有福");
        assertThat(PublicText.mask("我叫林秀英，住附近")).doesNotContain("林秀英").contains("住附近");
        assertThat(PublicText.mask("物业的王师傅和李女士")).doesNotContain("王师傅", "李女士").contains("师傅", "女士");
        assertThat(PublicText.mask("欧阳先生说")).doesNotContain("欧阳");
        assertThat(PublicText.mask("一个姓林的男子")).doesNotContain("姓林");
        assertThat(PublicText.mask("小区的老人和小孩")).isEqualTo("小区的老人和小孩");
    }

    @Test
    void nothingIsLostFromTextWithoutPersonalData() {
        var plain = "建议在西湖公园北门增设公交站，2号线屏山站出口到公园要走15分钟。";
        assertThat(PublicText.mask(plain)).isEqualTo(plain);
        assertThat(PublicText.mask(null)).isNull();
    }
}

package cn.youfu.materials.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.youfu.materials.internal.Extraction.Field;
import java.awt.Rectangle;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the readings of a name are judged, with the second and third readings given. */
class NamesTest {

    private static final Field FIRST = new Field("陈有福", 0.7, true, false, new Rectangle(100, 100, 90, 30));

    /** A close-up that reads {@code closeUp} and a plain reread that reads {@code plain} (null: nothing). */
    private static MaterialExtractor.Reread reading(String closeUp, double closeUpConfidence, String plain,
                                                    double plainConfidence) {
        return new MaterialExtractor.Reread() {
            @Override
            public OcrPage.OcrLine line(Rectangle region, String allowed) {
                return plain == null ? null : line(plain, plainConfidence);
            }

            @Override
            public OcrPage.OcrLine closeUp(Rectangle region, String excluded) {
                return closeUp == null ? null : line(closeUp, closeUpConfidence);
            }

            private OcrPage.OcrLine line(String text, double confidence) {
                return new OcrPage.OcrLine(List.of(new OcrPage.OcrWord(text, confidence * 100,
                        new Rectangle(100, 100, 90, 30))));
            }
        };
    }

    @Test
    void surnamesComeFromTheHundredFamilySurnamesAndTodaysCommonForms() {
        assertThat(Names.SURNAMES).contains("赵", "钱", "欧阳", "诸葛", "肖", "付", "闫", "覃");
        assertThat(Names.plausiblePerson("陈有福")).isTrue();
        assertThat(Names.plausiblePerson("欧阳修")).isTrue();
        assertThat(Names.plausiblePerson("省林婷")).isFalse();
        assertThat(Names.plausiblePerson("陈")).isFalse();
        assertThat(Names.plausiblePerson("陈有福1")).isFalse();
    }

    @Test
    void anEnterprisesNameEndsInALegalForm() {
        assertThat(Names.plausibleEnterprise("福州有福科技有限公司")).isTrue();
        assertThat(Names.plausibleEnterprise("福州和榕科技企业（有限合伙）")).isTrue();
        assertThat(Names.plausibleEnterprise("福州有福科技有限公")).isFalse();
    }

    @Test
    void readingsThatAgreeOnAPlausibleNameAreSure() {
        var f = Names.person(FIRST, reading("陈有福", 0.6, "陈有福", 0.5), "姓名");
        assertThat(f.value()).isEqualTo("陈有福");
        assertThat(f.confidence()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void twoReadingsAgreeingAreNotEnoughToBeSure() {
        var f = Names.person(FIRST, reading("陈有福", 0.95, "陈有幅", 0.9), "姓名");
        assertThat(f.value()).isEqualTo("陈有福");
        assertThat(f.confidence()).isLessThan(0.85);
    }

    @Test
    void readingsThatAgreeOnAnImplausibleNameAreNot() {
        var first = new Field("省林婷", 0.95, true, false, FIRST.region());
        var f = Names.person(first, reading("省林婷", 0.95, "省林婷", 0.95), "姓名");
        assertThat(f.value()).isEqualTo("省林婷");
        assertThat(f.confidence()).isLessThan(0.85);
    }

    @Test
    void twoOfThreeDecideButBelowWhatADecisionReliesOn() {
        var f = Names.person(FIRST, reading("陈有幅", 0.9, "陈有幅", 0.9), "姓名");
        assertThat(f.value()).isEqualTo("陈有幅");
        assertThat(f.confidence()).isLessThanOrEqualTo(0.8);
    }

    @Test
    void whenNoneAgreeTheMostConfidentPlausibleReadingIsTakenAndNobodyIsSure() {
        var first = new Field("省林婷", 0.9, true, false, FIRST.region());
        var f = Names.person(first, reading("肖林亭", 0.4, "肖林婷", 0.7), "姓名");
        assertThat(f.value()).isEqualTo("肖林婷");
        assertThat(f.confidence()).isLessThanOrEqualTo(0.5);
    }

    @Test
    void aNameIsNeverInventedOnlyChosen() {
        var first = new Field("省林婷", 0.9, true, false, FIRST.region());
        var f = Names.person(first, reading("吉林婷", 0.4, null, 0), "姓名");
        assertThat(f.value()).isIn("省林婷", "吉林婷");
    }

    @Test
    void theLabelTheRereadingCaughtIsNotPartOfTheName() {
        var f = Names.person(FIRST, reading("姓名陈有福", 0.8, "名陈有福", 0.8), "姓名");
        assertThat(f.value()).isEqualTo("陈有福");
        assertThat(f.confidence()).isGreaterThanOrEqualTo(0.9);
    }
}

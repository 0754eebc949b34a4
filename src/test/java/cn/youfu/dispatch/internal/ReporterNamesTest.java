package cn.youfu.dispatch.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Open311's first and last name made into the one name Youfu keeps. */
class ReporterNamesTest {

    @Test
    void chineseNamesAreFamilyNameFirstWithoutASpace() {
        assertThat(ReporterNames.join("有福", "陈")).isEqualTo("陈有福");
        assertThat(ReporterNames.join("有福", "欧阳")).isEqualTo("欧阳有福");
    }

    @Test
    void otherNamesAreFirstThenLastWithASpace() {
        assertThat(ReporterNames.join("Test", "Person")).isEqualTo("Test Person");
        assertThat(ReporterNames.join("Youfu", "陈")).isEqualTo("Youfu 陈");
        assertThat(ReporterNames.join(" Ann ", " Lee ")).isEqualTo("Ann Lee");
    }

    @Test
    void oneOrNoPart() {
        assertThat(ReporterNames.join("陈有福", "")).isEqualTo("陈有福");
        assertThat(ReporterNames.join(null, "Person")).isEqualTo("Person");
        assertThat(ReporterNames.join(" ", null)).isNull();
    }

    @Test
    void longNamesAreKeptUpToTheLimitThenCut() {
        var eighty = "María Fernanda de los Ángeles Gutiérrez-Castellanos y Santa Cruz de la Vega Ortíz";
        assertThat(ReporterNames.join("María", eighty.substring(6))).isEqualTo(eighty);
        var cut = ReporterNames.join("Ω".repeat(150), null);
        assertThat(cut).hasSize(ReporterNames.MAX_LENGTH).endsWith("Ω…");
        var outsideTheBasicPlane = ReporterNames.join("𠀀".repeat(150), null);
        assertThat(outsideTheBasicPlane.length()).isLessThanOrEqualTo(ReporterNames.MAX_LENGTH);
        assertThat(outsideTheBasicPlane).endsWith("𠀀…");
    }
}

package cn.youfu.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@link CreditCode}: GB 32100 unified social credit codes. */
class CreditCodeIdentifierTest {

    @Test
    void theDemoEnterprisesCodeIsValid() {
        var code = CreditCode.of("91350100MA2Y0F0U0N");
        assertThat(code.division()).isEqualTo("350100");
        assertThat(code.masked()).isEqualTo("91350100******0U0N");
        assertThat(CreditCode.of("91350100ma2y0f0u0n")).isEqualTo(code);
    }

    @Test
    void aWrongCheckCharacterIsRefused() {
        assertThatThrownBy(() -> CreditCode.of("91350100MA2Y0F0U0M"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("check character");
    }

    @Test
    void eachKindOfMistakeIsNamed() {
        assertThatThrownBy(() -> CreditCode.of("91350100MA2Y0F0U0")).hasMessageContaining("18 characters");
        assertThatThrownBy(() -> CreditCode.of("91350100MA2Y0F0I0N")).hasMessageContaining("character 16");
        assertThatThrownBy(() -> CreditCode.of("91A50100MA2Y0F0U0N")).hasMessageContaining("division");
        assertThat(CreditCode.checkCharacter("91350100MA2Y0F0U0")).isEqualTo('N');
    }
}

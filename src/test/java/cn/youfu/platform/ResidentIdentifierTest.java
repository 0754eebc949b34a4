package cn.youfu.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** {@link ResidentId}: GB 11643 numbers. */
class ResidentIdentifierTest {

    @Test
    void theDemoApplicantsNumberIsValidAndReadable() {
        var id = ResidentId.of("350102195803120016");
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1958, 3, 12));
        assertThat(id.division()).isEqualTo("350102");
        assertThat(id.male()).isTrue(); // sequence 001
        assertThat(id.masked()).isEqualTo("3501**********0016");
        assertThat(id.toString()).doesNotContain("19580312");
        assertThat(id.ageOn(LocalDate.of(2026, 11, 25))).isEqualTo(68);
    }

    @Test
    void aWrongCheckCharacterIsRefusedWithTheExpectedOne() {
        assertThatThrownBy(() -> ResidentId.of("350102195803120017"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("check character")
                .hasMessageContaining("'6'");
    }

    @Test
    void aLowerCaseXIsUpperCased() {
        var first17 = "11010519491231002";
        assertThat(ResidentId.checkCharacter(first17)).isEqualTo('X'); // the standard's own example
        assertThat(ResidentId.of(first17 + "x").value()).isEqualTo(first17 + "X");
    }

    @Test
    void eachKindOfMistakeIsNamed() {
        assertThatThrownBy(() -> ResidentId.of("35010219580312001")).hasMessageContaining("18 characters");
        assertThatThrownBy(() -> ResidentId.of(null)).hasMessageContaining("missing");
        assertThatThrownBy(() -> ResidentId.of("3501021958031200A6")).hasMessageContaining("character 17");
        assertThatThrownBy(() -> ResidentId.of(withCheck("35010219580230001"))).hasMessageContaining("not a date");
        assertThatThrownBy(() -> ResidentId.of(withCheck("35010218991231001"))).hasMessageContaining("before 1900");
        var tomorrow = LocalDate.now(PlatformConfiguration.CHINA).plusDays(1);
        assertThatThrownBy(() -> ResidentId.of(withCheck("350102" + tomorrow.toString().replace("-", "") + "001")))
                .hasMessageContaining("in the future");
        assertThatThrownBy(() -> ResidentId.of(withCheck("00010219580312001"))).hasMessageContaining("province");
        assertThat(ResidentId.isValid("350102195803120016")).isTrue();
        assertThat(ResidentId.isValid("350102195803120015")).isFalse();
    }

    @Test
    void anEvenSequenceIsAWoman() {
        assertThat(ResidentId.of(withCheck("35010419650520002")).male()).isFalse();
    }

    static String withCheck(String first17) {
        return first17 + ResidentId.checkCharacter(first17);
    }
}

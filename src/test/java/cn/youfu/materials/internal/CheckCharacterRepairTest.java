package cn.youfu.materials.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CheckCharacterRepairTest {

    @Test
    void aValidNumberIsKeptAsItIs() {
        var r = CheckCharacterRepair.residentId("350102195803120016");
        assertThat(r.valid()).isTrue();
        assertThat(r.changed()).isFalse();
    }

    @Test
    void lettersReadForDigitsArePutRight() {
        var r = CheckCharacterRepair.residentId("35O1O2l958O312OO16");
        assertThat(r.value()).isEqualTo("350102195803120016");
        assertThat(r.valid()).isTrue();
        assertThat(r.changed()).isTrue();
        assertThat(r.guessed()).isFalse();
        assertThat(CheckCharacterRepair.residentId("11010519491231002x").value()).isEqualTo("11010519491231002X");
    }

    @Test
    void aLookAlikeDigitIsGuessedOnlyWhenOneCandidateIsValid() {
        // 8 read for the 3 of 350102...: only one look-alike substitution makes the check character right
        var r = CheckCharacterRepair.residentId("850102195803120016");
        assertThat(r.valid()).isTrue();
        assertThat(r.guessed()).isTrue();
        assertThat(r.value()).isEqualTo("350102195803120016");
    }

    @Test
    void aWrongCheckCharacterThatCannotBeRepairedStaysInvalid() {
        var r = CheckCharacterRepair.residentId("350102195803120017");
        if (r.valid()) {
            assertThat(r.guessed()).as("a valid result can only be a guess").isTrue();
        } else {
            assertThat(r.value()).isEqualTo("350102195803120017");
        }
    }

    @Test
    void creditCodesAreRepairedWithinTheirAlphabet() {
        var r = CheckCharacterRepair.creditCode("9135O1OOMA2YOFOUON");
        assertThat(r.value()).isEqualTo("91350100MA2Y0F0U0N");
        assertThat(r.valid()).isTrue();
        assertThat(r.changed()).isTrue();
    }

    @Test
    void theIdentifierIsFoundInsideALongerRun() {
        var located = CheckCharacterRepair.locate("3350102195803120016", Identifiers.DIGITS,
                CheckCharacterRepair::residentId);
        assertThat(located).isPresent();
        assertThat(located.get().value().value()).isEqualTo("350102195803120016");
        assertThat(located.get().start()).isEqualTo(1);
    }
}

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

    @Test
    void aJsHookReadAsAClosingBracketIsAJWhenTheCheckCharacterSaysSo() {
        // WenQuanYi Micro Hei's J reaches below the line: eng reads it ")", chi_sim "』"
        for (var read : new String[] {"91350111MA2818333)", "91350111MA2818333』", "91350111MA2818333）"}) {
            var r = CheckCharacterRepair.creditCode(read);
            assertThat(r.value()).as(read).isEqualTo("91350111MA2818333J");
            assertThat(r.valid()).isTrue();
            assertThat(r.changed()).isTrue();
        }
        var located = CheckCharacterRepair.locate("代码91350111MA2818333』", CheckCharacterRepair.CREDIT_CODE_AS_READ,
                CheckCharacterRepair::creditCode);
        assertThat(located.get().value().value()).isEqualTo("91350111MA2818333J");
        // a bracket the check character does not confirm is no J
        var unconfirmed = CheckCharacterRepair.creditCode("91350111MA2818332)");
        assertThat(unconfirmed.valid()).isFalse();
        assertThat(unconfirmed.value()).isEqualTo("91350111MA2818332J");
    }

    @Test
    void anIdentifierReadShortIsFoundByItsLongestRun() {
        var text = "91350181MA9691147的R";
        assertThat(CheckCharacterRepair.locate(text, CheckCharacterRepair.CREDIT_CODE_AS_READ,
                CheckCharacterRepair::creditCode)).isEmpty();
        assertThat(CheckCharacterRepair.longestRun(text, CheckCharacterRepair.CREDIT_CODE_AS_READ, 12).get())
                .containsExactly(0, 17);
        assertThat(CheckCharacterRepair.longestRun("R 9135", CheckCharacterRepair.CREDIT_CODE_AS_READ, 12)).isEmpty();
    }
}

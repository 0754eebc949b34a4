package cn.youfu.certificates.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CertificateHolderMaskingTest {

    static final String RESIDENT = "350102195803120016";
    static final String CREDIT_CODE = "91350100MA2Y0F0U0N";

    @Test
    void idNumbersKeepTheirFirstAndLastFourCharacters() {
        assertThat(HolderMasking.id(RESIDENT)).isEqualTo("3501**********0016");
        assertThat(HolderMasking.id(CREDIT_CODE)).isEqualTo("9135**********0U0N");
        assertThat(HolderMasking.id("12345")).isEqualTo("1****");
    }

    @Test
    void personsNamesKeepTheirFirstAndLastCharacter() {
        assertThat(HolderMasking.name("陈有福", RESIDENT)).isEqualTo("陈*福");
        assertThat(HolderMasking.name("陈福", RESIDENT)).isEqualTo("陈*");
        assertThat(HolderMasking.name("欧阳有福", RESIDENT)).isEqualTo("欧**福");
        assertThat(HolderMasking.name("陈", RESIDENT)).isEqualTo("*");
    }

    @Test
    void organisationsNamesArePublic() {
        assertThat(HolderMasking.isCreditCode(CREDIT_CODE)).isTrue();
        assertThat(HolderMasking.name("福州有福科技有限公司", CREDIT_CODE)).isEqualTo("福州有福科技有限公司");
    }

    @Test
    void aDoubtfulIdIsTreatedAsAPersons() {
        assertThat(HolderMasking.isResidentId(RESIDENT)).isTrue();
        assertThat(HolderMasking.isResidentId("350102195803120017")).isFalse();
        // a bad credit code check character: not provably an organisation, so the name is masked
        assertThat(HolderMasking.name("福州有福科技有限公司", "91350100MA2Y0F0U0A")).isEqualTo("福********司");
        assertThat(HolderMasking.name("陈有福", "350102195803120017")).isEqualTo("陈*福");
    }
}

package cn.youfu.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link DivisionCodes}: the GB/T 2260 list shipped with Youfu. */
class DivisionCodeIdentifierTest {

    final DivisionCodes codes = DivisionCodes.standard();

    @Test
    void knowsFuzhouAndItsDistricts() {
        assertThat(codes.exists("350102")).isTrue();
        assertThat(codes.name("350102")).contains("鼓楼区");
        assertThat(codes.fullName("350102")).contains("福建省福州市鼓楼区");
        assertThat(codes.fullName("110101")).contains("北京市东城区");
        assertThat(codes.name(DivisionCodes.FUZHOU)).contains("福州市");
        assertThat(codes.isFuzhou("350181")).isTrue();
        assertThat(codes.isFuzhou("350203")).isFalse();
        assertThat(codes.counties("3501")).hasSize(13).contains("350102", "350128", "350181");
    }

    @Test
    void refusesWhatIsNotOnTheList() {
        assertThat(codes.exists("350199")).isFalse();
        assertThat(codes.exists("3501")).isFalse();
        assertThat(codes.exists(null)).isFalse();
        assertThat(codes.isFuzhou("350199")).isFalse();
        assertThat(codes.name("999999")).isEmpty();
        assertThat(codes.size()).isGreaterThan(3000);
        assertThat(codes.counties("13")).noneMatch(c -> c.charAt(4) == '7');
    }
}

package cn.youfu.dispatch.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Where a request is, as far as the public may know: the street, and a point on a grid of about 200 m. */
class PublicPlaceTest {

    @Test
    void anAddressStopsAtItsStreet() {
        assertThat(PublicPlace.street("福州市台江区五一中路 88 号")).isEqualTo("福州市台江区五一中路");
        assertThat(PublicPlace.street("鼓楼区五四路128号恒力城3号楼1502室")).isEqualTo("鼓楼区五四路");
        assertThat(PublicPlace.street("仓山区首山路金山碧水小区12栋2单元301")).isEqualTo("仓山区首山路");
        assertThat(PublicPlace.street("福州市鼓楼区温泉街道五四北路二十三号")).isEqualTo("福州市鼓楼区温泉街道五四北路");
        assertThat(PublicPlace.street("晋安区岳峰镇竹屿路6号东二环泰禾广场B区1号楼")).isEqualTo("晋安区岳峰镇竹屿路");
        assertThat(PublicPlace.street("仓山区浦上大道272号")).isEqualTo("仓山区浦上大道");
        assertThat(PublicPlace.street("鼓楼区南后街衣锦坊12号")).isEqualTo("鼓楼区南后街衣锦坊");
        assertThat(PublicPlace.street("晋安区福新中路与塔头路交叉口")).isEqualTo("晋安区福新中路与塔头路");
    }

    @Test
    void withoutAStreetItStopsAtTheDistrictTownOrVillage() {
        assertThat(PublicPlace.street("台江区三捷河边第5间")).isEqualTo("台江区");
        assertThat(PublicPlace.street("闽侯县上街镇")).isEqualTo("闽侯县上街镇");
        assertThat(PublicPlace.street("仓山区城门镇胪雷村18号")).isEqualTo("仓山区城门镇胪雷村");
        assertThat(PublicPlace.street("鼓楼区温泉街道")).isEqualTo("鼓楼区温泉街道");
        assertThat(PublicPlace.street("福州市")).isEqualTo("福州市");
        assertThat(PublicPlace.street("金山碧水12栋")).isNull();
        assertThat(PublicPlace.street("仓山区金山碧水小区12栋")).isEqualTo("仓山区");
        assertThat(PublicPlace.street(" ")).isNull();
        assertThat(PublicPlace.street(null)).isNull();
    }

    @Test
    void anAddressInLatinLettersLosesItsNumbers() {
        assertThat(PublicPlace.street("No. 88 Wuyi Middle Road, Taijiang District"))
                .isEqualTo("Wuyi Middle Road, Taijiang District");
        assertThat(PublicPlace.street("Flat 1502, Building 3, Wusi Road")).isEqualTo("Wusi Road");
    }

    @Test
    void aCoordinateIsTheNearestPointOfTheGrid() {
        var step = new BigDecimal("0.002");
        assertThat(PublicPlace.onGrid(26.08537, step)).isEqualTo(26.086);
        assertThat(PublicPlace.onGrid(119.3149, step)).isEqualTo(119.314);
        assertThat(PublicPlace.onGrid(26.0809, step)).isEqualTo(26.08);
        assertThat(PublicPlace.onGrid(-0.0011, step)).isEqualTo(-0.002);
        for (double value = 26.0; value < 26.01; value += 0.000137) {
            assertThat(Math.abs(PublicPlace.onGrid(value, step) - value)).isLessThanOrEqualTo(0.001 + 1e-12);
        }
    }
}

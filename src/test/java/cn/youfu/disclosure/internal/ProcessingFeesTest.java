package cn.youfu.disclosure.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** 国办函〔2020〕109号's schedule, at each band's edges. */
class ProcessingFeesTest {

    @Test
    void byItemTheMonthsFirstTenAreFreeThenHundredYuanThenOneHundredMorePerTen() {
        assertThat(ProcessingFees.byItem(1).yuan()).isZero();
        assertThat(ProcessingFees.byItem(10).yuan()).isZero();
        assertThat(ProcessingFees.byItem(11).yuan()).isEqualTo(100);
        assertThat(ProcessingFees.byItem(30).yuan()).isEqualTo(100);
        assertThat(ProcessingFees.byItem(31).yuan()).isEqualTo(200);
        assertThat(ProcessingFees.byItem(40).yuan()).isEqualTo(200);
        assertThat(ProcessingFees.byItem(41).yuan()).isEqualTo(300);
        assertThatThrownBy(() -> ProcessingFees.byItem(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void byVolumeThirtyPagesFreeThenTenTwentyFortyYuanAPage() {
        assertThat(ProcessingFees.byVolume(30).yuan()).isZero();
        assertThat(ProcessingFees.byVolume(31).yuan()).isEqualTo(10);
        assertThat(ProcessingFees.byVolume(100).yuan()).isEqualTo(700);            // 70 × 10
        assertThat(ProcessingFees.byVolume(101).yuan()).isEqualTo(720);            // + 20
        assertThat(ProcessingFees.byVolume(200).yuan()).isEqualTo(700 + 2000);     // + 100 × 20
        assertThat(ProcessingFees.byVolume(201).yuan()).isEqualTo(2700 + 40);
        assertThat(ProcessingFees.byVolume(250).method()).isEqualTo(ProcessingFees.Method.BY_VOLUME);
    }
}

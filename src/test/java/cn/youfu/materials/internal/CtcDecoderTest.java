package cn.youfu.materials.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Greedy CTC decoding: repeats collapse, the blank separates, each character keeps its best step and its span. */
class CtcDecoderTest {

    static final CtcDecoder DECODER = new CtcDecoder(List.of("", "0", "O", "张", "1"));

    /** One row per step, the probabilities of the classes blank, 0, O, 张, 1. */
    static float[] steps(float[]... rows) {
        var out = new float[rows.length * 5];
        for (int t = 0; t < rows.length; t++) {
            System.arraycopy(rows[t], 0, out, t * 5, 5);
        }
        return out;
    }

    @Test
    void repeatsCollapseAndTheBlankSeparatesADoubledCharacter() {
        var p = steps(new float[] {0, 0, 0, 0.7f, 0}, new float[] {0, 0, 0, 0.9f, 0}, new float[] {0.9f, 0, 0, 0, 0},
                new float[] {0, 0, 0, 0, 0.8f}, new float[] {0.9f, 0, 0, 0, 0}, new float[] {0, 0, 0, 0, 0.6f});
        var glyphs = DECODER.decode(p, 6, null);
        assertThat(glyphs).extracting(CtcDecoder.Glyph::text).containsExactly("张", "1", "1");
        assertThat(glyphs.get(0).probability()).isCloseTo(0.9, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(glyphs.get(0).first()).isZero();
        assertThat(glyphs.get(0).last()).isEqualTo(1);
    }

    @Test
    void aFilterReadsTheLikeliestAllowedCharacterAtItsOwnProbability() {
        var p = steps(new float[] {0.1f, 0.3f, 0.6f, 0, 0});
        assertThat(DECODER.decode(p, 1, null).get(0).text()).isEqualTo("O");
        var digits = DECODER.decode(p, 1, DECODER.only("0123456789X"));
        assertThat(digits.get(0).text()).isEqualTo("0");
        assertThat(digits.get(0).probability()).isCloseTo(0.3, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(DECODER.decode(p, 1, DECODER.except("O0")).stream().map(CtcDecoder.Glyph::text)).isEmpty();
    }
}

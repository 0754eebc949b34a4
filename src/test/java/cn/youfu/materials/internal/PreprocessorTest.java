package cn.youfu.materials.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class PreprocessorTest {

    @Test
    void theDarkerPageKeepsThePaperWhiteAndTurnsLightGreyPrintDark() {
        var image = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setPixels(0, 0, 3, 1, new int[] {255, 200, 0});
        var toSource = AffineTransform.getScaleInstance(2, 2);

        var darker = new Preprocessor.Prepared(image, toSource).darker();

        var levels = darker.image().getRaster().getPixels(0, 0, 3, 1, (int[]) null);
        assertThat(levels[0]).isEqualTo(255);
        assertThat(levels[1]).isBetween(115, 130); // 255 × (200/255)³ ≈ 123
        assertThat(levels[2]).isZero();
        assertThat(darker.toSource()).isEqualTo(toSource);
        assertThat(image.getRaster().getPixels(0, 0, 3, 1, (int[]) null)).containsExactly(255, 200, 0);
    }
}

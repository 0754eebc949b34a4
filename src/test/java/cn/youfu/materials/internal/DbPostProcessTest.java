package cn.youfu.materials.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Comparator;
import org.junit.jupiter.api.Test;

/** The DB detector's probability map turned into boxes: regions, their rectangles, the unclip, the rejects. */
class DbPostProcessTest {

    static final int W = 300;
    static final int H = 120;

    private static void fill(float[] map, double[] points, float p) {
        for (int i = 0; i < points.length; i += 2) {
            int x = (int) Math.round(points[i]);
            int y = (int) Math.round(points[i + 1]);
            if (x >= 0 && y >= 0 && x < W && y < H) {
                map[y * W + x] = p;
            }
        }
    }

    @Test
    void eachConfidentRegionBecomesItsRectangleGrownByTheUnclipDistance() {
        var map = new float[W * H];
        fill(map, TextBoxTest.rectangle(120, 16, 0), 0.9f); // centred at (200, 100)
        var shifted = TextBoxTest.rectangle(60, 12, 6);
        for (int i = 0; i < shifted.length; i += 2) {
            shifted[i] -= 130;
            shifted[i + 1] -= 60;
        }
        fill(map, shifted, 0.8f);
        var boxes = DbPostProcess.PADDLE.boxes(map, W, H).stream()
                .sorted(Comparator.comparingDouble(TextBox::cx)).toList();
        assertThat(boxes).hasSize(2);
        var line = boxes.get(1);
        // unclip: area × 1.5 / perimeter = 119 × 15 × 1.5 / 268 ≈ 10 on each side
        double d = 119.0 * 15 * 1.5 / (2 * (119 + 15));
        assertThat(line.length()).isCloseTo(119 + 2 * d, within(1.0));
        assertThat(line.height()).isCloseTo(15 + 2 * d, within(1.0));
        assertThat(line.angle()).isCloseTo(0, within(0.01));
        assertThat(Math.toDegrees(boxes.get(0).angle())).isCloseTo(6, within(1.0));
    }

    @Test
    void faintRegionsAndSpecksAreNotText() {
        var map = new float[W * H];
        fill(map, TextBoxTest.rectangle(120, 16, 0), 0.45f); // above the pixel threshold, below the box threshold
        map[10 * W + 10] = 0.99f; // a speck
        assertThat(DbPostProcess.PADDLE.boxes(map, W, H)).isEmpty();
    }
}

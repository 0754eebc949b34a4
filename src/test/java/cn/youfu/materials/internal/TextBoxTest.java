package cn.youfu.materials.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.geom.AffineTransform;
import org.junit.jupiter.api.Test;

/** The geometry of text lines: the rectangle of least area around a region, its corners, turning and levelling. */
class TextBoxTest {

    /** The points of a filled {@code length} × {@code height} rectangle turned by {@code degrees} about (200, 100). */
    static double[] rectangle(int length, int height, double degrees) {
        var t = AffineTransform.getRotateInstance(Math.toRadians(degrees), 200, 100);
        var points = new double[2 * length * height];
        int at = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < length; x++) {
                points[at++] = 200 - length / 2.0 + x;
                points[at++] = 100 - height / 2.0 + y;
            }
        }
        t.transform(points, 0, points, 0, length * height);
        return points;
    }

    @Test
    void theLeastRectangleAroundATiltedLineHasItsDirectionAndSize() {
        var box = TextBox.enclosing(rectangle(120, 20, 8));
        assertThat(Math.toDegrees(box.angle())).isCloseTo(8, within(0.5));
        assertThat(box.length()).isCloseTo(119, within(1.5));
        assertThat(box.height()).isCloseTo(19, within(1.5));
        assertThat(box.cx()).isCloseTo(199.5, within(1.0));
        assertThat(box.cy()).isCloseTo(99.5, within(1.0));
    }

    @Test
    void aLineStandingUpIsMeasuredAlongItsLongerSide() {
        var box = TextBox.enclosing(rectangle(120, 20, 90));
        assertThat(box.length()).isGreaterThan(box.height());
        assertThat(Math.abs(Math.toDegrees(box.angle()))).isCloseTo(90, within(0.5));
    }

    @Test
    void cornersRunFromTopLeftClockwise() {
        var corners = new TextBox(100, 50, 80, 20, 0).corners();
        assertThat(corners[0].x).isEqualTo(60);
        assertThat(corners[0].y).isEqualTo(40);
        assertThat(corners[1].x).isEqualTo(140);
        assertThat(corners[2].y).isEqualTo(60);
        assertThat(corners[3].x).isEqualTo(60);
    }

    @Test
    void aBoxIsLevelledOntoTheAxisNearerTheHorizontal() {
        var standing = TextBox.of(100, 50, 30, 34, 0); // a single character, measured taller than wide
        assertThat(Math.abs(Math.toDegrees(standing.angle()))).isCloseTo(90, within(1e-9));
        var level = UprightPage.level(standing);
        assertThat(level.angle()).isCloseTo(0, within(1e-9));
        assertThat(level.length()).isEqualTo(30);
        assertThat(level.height()).isEqualTo(34);
    }

    @Test
    void turningABoxTurnsItsDirection() {
        var box = new TextBox(100, 50, 80, 20, Math.toRadians(10));
        var turned = box.transformed(AffineTransform.getRotateInstance(Math.toRadians(-10)));
        assertThat(turned.angle()).isCloseTo(0, within(1e-9));
        assertThat(turned.length()).isCloseTo(80, within(1e-9));
    }

    @Test
    void anotherPaperAtAnotherAngleDoesNotTiltTheDocumentsLines() {
        var boxes = new java.util.ArrayList<TextBox>();
        for (int i = 0; i < 8; i++) {
            boxes.add(new TextBox(0, i * 40, 300, 24, Math.toRadians(-5)));
        }
        for (int i = 0; i < 6; i++) {
            boxes.add(new TextBox(500, i * 30, 250, 18, Math.toRadians(18))); // a printed note beside the card
        }
        assertThat(Math.toDegrees(UprightPage.lineDirection(boxes))).isCloseTo(-5, within(0.1));
    }

    @Test
    void theLinesDirectionIsTheLengthWeightedMeanOfTheLongBoxes() {
        var boxes = java.util.List.of(new TextBox(0, 0, 300, 20, Math.toRadians(87)),
                new TextBox(0, 0, 200, 20, Math.toRadians(-89)), new TextBox(0, 0, 30, 28, 0));
        // 87° and -89° (91°) lie across the vertical: (300 × 87 + 200 × 91) / 500 = 88.6; the square box has no say
        assertThat(Math.toDegrees(UprightPage.lineDirection(boxes))).isCloseTo(88.6, within(0.1));
    }
}

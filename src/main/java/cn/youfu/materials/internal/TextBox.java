package cn.youfu.materials.internal;

import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A rotated rectangle around a line of text: its centre, its extent along and across the line, and the direction of
 * the line. {@code length} is the longer side, {@code angle} (radians, in (-π/2, π/2], y downwards) its direction,
 * so a box says nothing about which end of the line comes first: that is the page's orientation.
 */
record TextBox(double cx, double cy, double length, double height, double angle) {

    /** The box with its longer side as {@code length} and its angle in (-π/2, π/2]. */
    static TextBox of(double cx, double cy, double w, double h, double angle) {
        if (h > w) {
            return of(cx, cy, h, w, angle + Math.PI / 2);
        }
        double a = angle;
        while (a > Math.PI / 2) {
            a -= Math.PI;
        }
        while (a <= -Math.PI / 2) {
            a += Math.PI;
        }
        return new TextBox(cx, cy, w, h, a);
    }

    /**
     * The corners, first the one where reading starts when the line runs left to right along {@code angle}: top
     * left, top right, bottom right, bottom left (y downwards).
     */
    Point2D.Double[] corners() {
        double ux = Math.cos(angle);
        double uy = Math.sin(angle);
        double vx = -uy;
        double vy = ux;
        double l = length / 2;
        double h = height / 2;
        return new Point2D.Double[] {
                new Point2D.Double(cx - ux * l - vx * h, cy - uy * l - vy * h),
                new Point2D.Double(cx + ux * l - vx * h, cy + uy * l - vy * h),
                new Point2D.Double(cx + ux * l + vx * h, cy + uy * l + vy * h),
                new Point2D.Double(cx - ux * l + vx * h, cy - uy * l + vy * h)};
    }

    /** The same box on a page transformed by {@code t} (a rotation, a scale and a shift). */
    TextBox transformed(AffineTransform t) {
        var c = t.transform(new Point2D.Double(cx, cy), null);
        var end = t.transform(new Point2D.Double(cx + Math.cos(angle), cy + Math.sin(angle)), null);
        double scale = Math.sqrt(Math.abs(t.getDeterminant()));
        return of(c.getX(), c.getY(), length * scale, height * scale,
                Math.atan2(end.getY() - c.getY(), end.getX() - c.getX()));
    }

    /** The box grown by {@code d} on every side (the DB detector's "unclip" of a rectangle). */
    TextBox grown(double d) {
        return new TextBox(cx, cy, length + 2 * d, height + 2 * d, angle);
    }

    /** The axis-parallel bounds of the box. */
    java.awt.Rectangle bounds() {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (var p : corners()) {
            minX = Math.min(minX, p.x);
            minY = Math.min(minY, p.y);
            maxX = Math.max(maxX, p.x);
            maxY = Math.max(maxY, p.y);
        }
        return new java.awt.Rectangle((int) Math.floor(minX), (int) Math.floor(minY),
                (int) Math.ceil(maxX - Math.floor(minX)), (int) Math.ceil(maxY - Math.floor(minY)));
    }

    /**
     * The rectangle of least area around {@code points} (x, y pairs): the convex hull's edges in turn give the
     * rectangle's direction (rotating calipers).
     */
    static TextBox enclosing(double[] points) {
        var hull = hull(points);
        if (hull.size() == 1) {
            return new TextBox(hull.get(0)[0], hull.get(0)[1], 1, 1, 0);
        }
        TextBox best = null;
        double bestArea = Double.MAX_VALUE;
        for (int i = 0; i < hull.size(); i++) {
            var a = hull.get(i);
            var b = hull.get((i + 1) % hull.size());
            double angle = Math.atan2(b[1] - a[1], b[0] - a[0]);
            double ux = Math.cos(angle);
            double uy = Math.sin(angle);
            double minU = Double.MAX_VALUE;
            double maxU = -Double.MAX_VALUE;
            double minV = Double.MAX_VALUE;
            double maxV = -Double.MAX_VALUE;
            for (var p : hull) {
                double u = p[0] * ux + p[1] * uy;
                double v = -p[0] * uy + p[1] * ux;
                minU = Math.min(minU, u);
                maxU = Math.max(maxU, u);
                minV = Math.min(minV, v);
                maxV = Math.max(maxV, v);
            }
            double area = (maxU - minU) * (maxV - minV);
            if (area < bestArea) {
                bestArea = area;
                double mu = (minU + maxU) / 2;
                double mv = (minV + maxV) / 2;
                best = of(mu * ux - mv * uy, mu * uy + mv * ux, Math.max(1, maxU - minU), Math.max(1, maxV - minV),
                        angle);
            }
        }
        return best;
    }

    /** The convex hull of the points (Andrew's monotone chain), counter-clockwise, without repeats. */
    static List<double[]> hull(double[] points) {
        int n = points.length / 2;
        var sorted = new double[n][];
        for (int i = 0; i < n; i++) {
            sorted[i] = new double[] {points[2 * i], points[2 * i + 1]};
        }
        Arrays.sort(sorted, Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1]));
        var hull = new ArrayList<double[]>();
        for (int pass = 0; pass < 2; pass++) {
            int start = hull.size();
            for (int k = 0; k < n; k++) {
                var p = sorted[pass == 0 ? k : n - 1 - k];
                while (hull.size() >= start + 2 && cross(hull.get(hull.size() - 2), hull.get(hull.size() - 1), p) <= 0) {
                    hull.remove(hull.size() - 1);
                }
                hull.add(p);
            }
            hull.remove(hull.size() - 1);
        }
        return hull.isEmpty() ? List.of(sorted[0]) : hull;
    }

    private static double cross(double[] o, double[] a, double[] b) {
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
    }
}

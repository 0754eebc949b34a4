package cn.youfu.dispatch.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which of Fuzhou's 13 county-level divisions (GB/T 2260 codes) a point or an address is in — approximately.
 *
 * <p>A point belongs to the division whose seat (government office, WGS84, rounded to about 100 m from public maps)
 * is nearest, if it lies inside Fuzhou's bounding box (25.2–26.8° N, 118.0–120.6° E). Near boundaries, and in the
 * crowded centre where four district seats are within 5 km, this can name a neighbour: the dispatcher corrects it.
 * Real boundaries (polygons) would replace this table without changing its callers. An address names its division
 * when it contains the division's name.
 *
 * <p>Grids (网格) are a fixed-size index: cells of {@code cellMetres} square counted from 25° N, 118° E, named
 * {@code <row>-<column>}.
 */
final class Districts {

    record District(String code, String name, Location seat) {
    }

    static final List<District> FUZHOU = List.of(
            new District("350102", "鼓楼区", new Location(26.0823, 119.2980)),
            new District("350103", "台江区", new Location(26.0528, 119.3145)),
            new District("350104", "仓山区", new Location(26.0468, 119.2732)),
            new District("350105", "马尾区", new Location(25.9892, 119.4555)),
            new District("350111", "晋安区", new Location(26.0820, 119.3285)),
            new District("350112", "长乐区", new Location(25.9630, 119.5232)),
            new District("350121", "闽侯县", new Location(26.1500, 119.1313)),
            new District("350122", "连江县", new Location(26.1973, 119.5395)),
            new District("350123", "罗源县", new Location(26.4897, 119.5497)),
            new District("350124", "闽清县", new Location(26.2212, 118.8636)),
            new District("350125", "永泰县", new Location(25.8665, 118.9324)),
            new District("350128", "平潭县", new Location(25.4989, 119.7904)),
            new District("350181", "福清市", new Location(25.7210, 119.3842)));

    private static final double ORIGIN_LAT = 25.0;
    private static final double ORIGIN_LON = 118.0;
    private static final double METRES_PER_DEGREE = 111_320.0;

    private Districts() {
    }

    static boolean inFuzhou(Location point) {
        return point.latitude() >= 25.2 && point.latitude() <= 26.8 && point.longitude() >= 118.0
                && point.longitude() <= 120.6;
    }

    static Optional<District> at(Location point) {
        if (point == null || !inFuzhou(point)) {
            return Optional.empty();
        }
        return FUZHOU.stream().min(Comparator.comparingDouble(d -> d.seat().metresTo(point)));
    }

    static Optional<District> named(String address) {
        if (address == null) {
            return Optional.empty();
        }
        return FUZHOU.stream().filter(d -> address.contains(d.name())).findFirst();
    }

    /** The grid cell of a point in Fuzhou, e.g. {@code 120-261}; empty outside Fuzhou. */
    static Optional<String> grid(Location point, int cellMetres) {
        if (point == null || !inFuzhou(point)) {
            return Optional.empty();
        }
        double cellLat = cellMetres / METRES_PER_DEGREE;
        double cellLon = cellMetres / (METRES_PER_DEGREE * Math.cos(Math.toRadians(26.0)));
        long row = (long) Math.floor((point.latitude() - ORIGIN_LAT) / cellLat);
        long column = (long) Math.floor((point.longitude() - ORIGIN_LON) / cellLon);
        return Optional.of(row + "-" + column);
    }
}

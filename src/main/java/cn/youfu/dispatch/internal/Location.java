package cn.youfu.dispatch.internal;

import cn.youfu.platform.InvalidParameterException;

/**
 * A point on the earth in WGS84 (what Youfu stores), converted from GCJ-02 when it comes from a Chinese map app.
 *
 * <p>GCJ-02 (国测局坐标, "Mars coordinates") is WGS84 shifted by the published obfuscation formula (the Krasovsky 1940
 * ellipsoid, a = 6378245 m, ee = 0.00669342162296594323), as given in the open-source eviltransform
 * (github.com/googollee/eviltransform, MIT) and coordtransform (github.com/wandergis/coordtransform) libraries. The
 * inverse has no closed form: it is found by fixed-point iteration until the forward transform of the answer lands
 * within a millimetre of the given point (a few steps), not by the single-step approximation that is off by metres.
 * Outside mainland China there is no shift.
 */
record Location(double latitude, double longitude) {

    private static final double A = 6378245.0;
    private static final double EE = 0.00669342162296594323;
    private static final double EARTH_RADIUS = 6371008.8;

    Location {
        if (!(latitude >= -90 && latitude <= 90)) {
            throw InvalidParameterException.outOfRange("lat", latitude, -90, 90);
        }
        if (!(longitude >= -180 && longitude <= 180)) {
            throw InvalidParameterException.outOfRange("long", longitude, -180, 180);
        }
    }

    /** The WGS84 point whose GCJ-02 image is {@code (lat, lon)}. */
    static Location fromGcj02(double lat, double lon) {
        var given = new Location(lat, lon);
        if (outsideChina(lat, lon)) {
            return given;
        }
        double wgsLat = lat;
        double wgsLon = lon;
        for (int i = 0; i < 30; i++) {
            var image = toGcj02(wgsLat, wgsLon);
            double dLat = image[0] - lat;
            double dLon = image[1] - lon;
            wgsLat -= dLat;
            wgsLon -= dLon;
            if (Math.abs(dLat) < 1e-9 && Math.abs(dLon) < 1e-9) {
                break;
            }
        }
        return new Location(wgsLat, wgsLon);
    }

    /** The forward transform WGS84 → GCJ-02: {latitude, longitude}. */
    static double[] toGcj02(double lat, double lon) {
        if (outsideChina(lat, lon)) {
            return new double[] {lat, lon};
        }
        double dLat = transformLat(lon - 105.0, lat - 35.0);
        double dLon = transformLon(lon - 105.0, lat - 35.0);
        double radLat = lat / 180.0 * Math.PI;
        double magic = Math.sin(radLat);
        magic = 1 - EE * magic * magic;
        double sqrtMagic = Math.sqrt(magic);
        dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
        dLon = (dLon * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new double[] {lat + dLat, lon + dLon};
    }

    static boolean outsideChina(double lat, double lon) {
        return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
    }

    private static double transformLat(double x, double y) {
        double r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        r += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        r += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return r;
    }

    private static double transformLon(double x, double y) {
        double r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        r += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        r += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return r;
    }

    /** Great-circle distance in metres (haversine on a sphere of the earth's mean radius). */
    double metresTo(Location other) {
        double p1 = Math.toRadians(latitude);
        double p2 = Math.toRadians(other.latitude);
        double dp = p2 - p1;
        double dl = Math.toRadians(other.longitude - longitude);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}

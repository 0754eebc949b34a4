package cn.youfu.dispatch.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * Where a citizen's event is, as far as the public may know: the address up to its street, and the point moved to the
 * nearest node of a grid. A house number, a building, a staircase or a flat identifies a household; a street and a
 * cell of about 200 m do not.
 *
 * <p>A Chinese address is cut at its first house-level part — a number in digits, or one in Chinese numerals followed
 * by 号, 栋, 楼, 室 and the like — and what comes before keeps its words up to the last road (路, 街, 巷, 弄, 大道, 坊);
 * without a road, up to the last district, town, sub-district or village (区, 县, 市, 镇, 乡, 街道, 村). An address in
 * Latin letters loses every part that holds a digit or names a flat, building or floor. What is left is null when
 * nothing public remains (a housing estate's name alone is not published).
 */
final class PublicPlace {

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern HOUSE_LEVEL = Pattern.compile(
            "[0-9０-９#＃]|[零〇一二三四五六七八九十百两]+(?:号|栋|幢|座|单元|层|楼|室|户|弄)|第");
    /** A road's last character, unless it begins the name of an area (上街镇, 温泉街道). */
    private static final Pattern ROAD = Pattern.compile("(?:大道|路|街|巷|弄|坊)(?![道镇乡村区县市])");
    /** An area's last character; 小区 is a housing estate, not an area. */
    private static final Pattern AREA = Pattern.compile("(?:街道|(?<!小)区|县|市|镇|乡|村)");
    private static final Pattern LATIN_HOUSE_LEVEL = Pattern.compile(
            "(?i)^(?:no\\.?|#|flat|apt\\.?|apartment|room|rm\\.?|unit|building|bldg\\.?|block|floor|fl\\.?)$");

    private PublicPlace() {
    }

    /** The address to its street (see the class); null for null, blank or nothing public. */
    static String street(String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        var text = address.strip().replaceAll("\\s+", " ");
        return HAN.matcher(text).find() ? chinese(text) : latin(text);
    }

    private static String chinese(String address) {
        var house = HOUSE_LEVEL.matcher(address);
        var before = (house.find() ? address.substring(0, house.start()) : address).strip();
        int road = lastEnd(ROAD.matcher(before));
        if (road > 0) {
            return before.substring(0, road);
        }
        int area = lastEnd(AREA.matcher(before));
        return area > 0 ? before.substring(0, area) : null;
    }

    private static int lastEnd(java.util.regex.Matcher matcher) {
        int end = -1;
        while (matcher.find()) {
            end = matcher.end();
        }
        return end;
    }

    /** Comma-separated parts; a part that holds a digit or a word for a flat, building or floor is dropped. */
    private static String latin(String address) {
        var kept = new StringBuilder();
        for (var part : address.split(",")) {
            var words = new StringBuilder();
            for (var word : part.strip().split(" ")) {
                if (!word.matches(".*\\d.*") && !LATIN_HOUSE_LEVEL.matcher(word).matches()) {
                    words.append(words.isEmpty() ? "" : " ").append(word);
                }
            }
            boolean houseLevel = part.matches(".*\\d.*") && words.toString().split(" ").length < 2;
            if (!words.isEmpty() && !houseLevel) {
                kept.append(kept.isEmpty() ? "" : ", ").append(words);
            }
        }
        return kept.isEmpty() ? null : kept.toString();
    }

    /** The grid's node nearest to {@code degrees} (half-way values go away from zero), to the grid's precision. */
    static double onGrid(double degrees, BigDecimal step) {
        var cells = BigDecimal.valueOf(degrees).divide(step, 0, RoundingMode.HALF_UP);
        return cells.multiply(step).doubleValue();
    }
}

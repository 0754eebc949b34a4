package cn.youfu.dispatch.internal;

import java.util.regex.Pattern;

/**
 * The one name Youfu keeps for a reporter from the separate first and last name an Open311 client sends. A Chinese
 * name is written family name first without a space (陈 + 有福 → 陈有福) when both parts are Chinese; any other is
 * "first last" (Test + Person → Test Person). The specification sets no length; Youfu keeps up to
 * {@link #MAX_LENGTH} characters and cuts a longer name there (ending it with …).
 */
final class ReporterNames {

    /** The longest name kept, in UTF-16 characters (as {@link DispatchService} counts them). */
    static final int MAX_LENGTH = DispatchService.MAX_NAME;

    private static final Pattern CHINESE = Pattern.compile("[\\p{IsHan}·]+");

    private ReporterNames() {
    }

    /** The name, or null when both parts are blank. */
    static String join(String first, String last) {
        var given = first == null ? "" : first.strip();
        var family = last == null ? "" : last.strip();
        String name;
        if (given.isEmpty() || family.isEmpty()) {
            name = given + family;
        } else if (CHINESE.matcher(given).matches() && CHINESE.matcher(family).matches()) {
            name = family + given;
        } else {
            name = given + " " + family;
        }
        return name.isEmpty() ? null : cut(name);
    }

    /** The name, or as much of it as fits with … after it, never splitting a character. */
    private static String cut(String name) {
        if (name.length() <= MAX_LENGTH) {
            return name;
        }
        int end = 0;
        while (end + Character.charCount(name.codePointAt(end)) <= MAX_LENGTH - 1) {
            end += Character.charCount(name.codePointAt(end));
        }
        return name.substring(0, end) + "…";
    }
}

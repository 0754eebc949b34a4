package cn.youfu.platform;

/** What the identifier records share. */
final class Identifiers {

    private Identifiers() {
    }

    /** {@code value} with all but the first {@code keepStart} and last {@code keepEnd} characters as {@code *}. */
    /** Whether making the identifier succeeds; never throws. */
    static boolean valid(Runnable make) {
        try {
            make.run();
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String mask(String value, int keepStart, int keepEnd) {
        return value.substring(0, keepStart) + "*".repeat(value.length() - keepStart - keepEnd)
                + value.substring(value.length() - keepEnd);
    }
}

package cn.youfu.certificates.internal;

import java.util.regex.Pattern;

/**
 * Masks holders for public display (Personal Information Protection Law). An ID number keeps its first 4 and last 4
 * characters ({@code 3501**********0016}); a private person's name keeps its first and last character
 * ({@code 陈*福}, two characters: {@code 陈*}). An organisation's name is public and shown in full; a holder counts
 * as an organisation only when its id is a valid unified social credit code and not a valid resident ID number, so
 * that a doubtful id is treated as a person's.
 */
final class HolderMasking {

    private static final Pattern RESIDENT_ID = Pattern.compile("\\d{17}[\\dX]");
    private static final int[] RESIDENT_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String RESIDENT_CHECK = "10X98765432";
    private static final String CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] CREDIT_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private HolderMasking() {
    }

    static String id(String id) {
        int n = id.length();
        if (n <= 8) {
            return id.charAt(0) + "*".repeat(n - 1);
        }
        return id.substring(0, 4) + "*".repeat(n - 8) + id.substring(n - 4);
    }

    static String name(String name, String holderId) {
        if (isOrganisation(holderId)) {
            return name;
        }
        int[] chars = name.codePoints().toArray();
        if (chars.length <= 1) {
            return "*";
        }
        if (chars.length == 2) {
            return new String(chars, 0, 1) + "*";
        }
        return new String(chars, 0, 1) + "*".repeat(chars.length - 2) + new String(chars, chars.length - 1, 1);
    }

    static boolean isOrganisation(String id) {
        return isCreditCode(id) && !isResidentId(id);
    }

    /** GB 11643-1999: 17 digits and an ISO 7064 MOD 11-2 check character. */
    static boolean isResidentId(String id) {
        if (id == null || !RESIDENT_ID.matcher(id).matches()) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * RESIDENT_WEIGHTS[i];
        }
        return RESIDENT_CHECK.charAt(sum % 11) == id.charAt(17);
    }

    /** GB 32100-2015: 18 characters of {@code 0-9A-HJ-NPQRTUWXY}, the last a MOD 31 check character. */
    static boolean isCreditCode(String id) {
        if (id == null || id.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 18; i++) {
            int value = CREDIT_CHARS.indexOf(id.charAt(i));
            if (value < 0) {
                return false;
            }
            if (i < 17) {
                sum += value * CREDIT_WEIGHTS[i];
            } else {
                return value == (31 - sum % 31) % 31;
            }
        }
        return false;
    }
}

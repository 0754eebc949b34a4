package cn.youfu.platform;

import java.util.Locale;

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015) of an enterprise or other organisation: 18 characters
 * from {@value #ALPHABET} — registration authority, organisation type, 6-digit division code of the registering
 * authority, 9-character organisation code — ending in a MOD 31 check character. Only well-formed codes can be made;
 * lower case is upper-cased.
 *
 * @param value the 18 characters
 */
public record CreditCode(String value) {

    /** The 31 characters a code is written in (no I, O, S, V, Z). */
    public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    /** @throws IllegalArgumentException naming what is wrong: length, a character, the division or the check */
    public CreditCode {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the unified social credit code is missing");
        }
        value = value.strip().toUpperCase(Locale.ROOT);
        if (value.length() != 18) {
            throw new IllegalArgumentException("a unified social credit code has 18 characters, this one has "
                    + value.length());
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(value.charAt(i)) < 0) {
                throw new IllegalArgumentException("character " + (i + 1) + " of a unified social credit code may "
                        + "not be '" + value.charAt(i) + "' (allowed: " + ALPHABET + ")");
            }
        }
        if (!value.substring(2, 8).chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("characters 3 to 8 of a unified social credit code are a division "
                    + "code of 6 digits, found " + value.substring(2, 8));
        }
        char expected = checkCharacter(value.substring(0, 17));
        if (value.charAt(17) != expected) {
            throw new IllegalArgumentException("the check character is '" + value.charAt(17)
                    + "' but the first 17 characters give '" + expected + "'");
        }
    }

    public static CreditCode of(String value) {
        return new CreditCode(value);
    }

    /** Whether {@code value} is a valid code; never throws. */
    public static boolean isValid(String value) {
        return Identifiers.valid(() -> new CreditCode(value));
    }

    /**
     * The MOD 31 check character of the first 17 characters.
     *
     * @throws IllegalArgumentException when {@code first17} is not 17 characters of the alphabet
     */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != 17) {
            throw new IllegalArgumentException("the check character is computed from 17 characters");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int n = ALPHABET.indexOf(first17.charAt(i));
            if (n < 0) {
                throw new IllegalArgumentException("'" + first17.charAt(i) + "' is not in " + ALPHABET);
            }
            sum += n * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    /** The division code of the registering authority (characters 3 to 8). */
    public String division() {
        return value.substring(2, 8);
    }

    /** The first 8 and last 4 characters, the rest as {@code *}: {@code 91350100******0U0N}. */
    public String masked() {
        return Identifiers.mask(value, 8, 4);
    }
}

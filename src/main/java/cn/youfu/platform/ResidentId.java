package cn.youfu.platform;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;

/**
 * A resident identity number (居民身份证号码, GB 11643-1999): a 6-digit division code, an 8-digit birth date, a
 * 3-digit sequence (odd for men, even for women) and an ISO 7064 MOD 11-2 check character ({@code 0}–{@code 9} or
 * {@code X}). Only well-formed numbers can be made; a lower-case {@code x} is upper-cased.
 *
 * <p>{@link #toString()} is the masked form, so that a number written to a log does not expose the person; use
 * {@link #value()} for the full number.
 *
 * @param value the 18 characters, check character upper case
 */
public record ResidentId(String value) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";
    private static final DateTimeFormatter BIRTH_DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    /**
     * @throws IllegalArgumentException naming what is wrong: length, characters, division, birth date (impossible,
     *                                  before 1900 or in the future, China Standard Time) or check character
     */
    public ResidentId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the resident ID number is missing");
        }
        value = value.strip().toUpperCase(Locale.ROOT);
        if (value.length() != 18) {
            throw new IllegalArgumentException("a resident ID number has 18 characters, this one has "
                    + value.length());
        }
        for (int i = 0; i < 17; i++) {
            if (!isDigit(value.charAt(i))) {
                throw new IllegalArgumentException("character " + (i + 1) + " of a resident ID number must be a "
                        + "digit, found '" + value.charAt(i) + "'");
            }
        }
        int province = Integer.parseInt(value.substring(0, 2));
        if (province < 11 || province > 82) {
            throw new IllegalArgumentException("the division code " + value.substring(0, 6)
                    + " does not start with a province code (11 to 82)");
        }
        LocalDate birth;
        try {
            birth = LocalDate.parse(value.substring(6, 14), BIRTH_DATE);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("the birth date " + value.substring(6, 14) + " is not a date");
        }
        if (birth.isBefore(EARLIEST_BIRTH)) {
            throw new IllegalArgumentException("the birth date " + birth + " is before 1900");
        }
        if (birth.isAfter(LocalDate.now(PlatformConfiguration.CHINA))) {
            throw new IllegalArgumentException("the birth date " + birth + " is in the future");
        }
        char expected = checkCharacter(value.substring(0, 17));
        if (value.charAt(17) != expected) {
            throw new IllegalArgumentException("the check character is '" + value.charAt(17)
                    + "' but the first 17 digits give '" + expected + "'");
        }
    }

    /** The number, validated; see the constructor for what is refused. */
    public static ResidentId of(String value) {
        return new ResidentId(value);
    }

    /** Whether {@code value} is a valid number; never throws. */
    public static boolean isValid(String value) {
        return Identifiers.valid(() -> new ResidentId(value));
    }

    /**
     * The ISO 7064 MOD 11-2 check character of the first 17 digits.
     *
     * @throws IllegalArgumentException when {@code first17} is not 17 digits
     */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != 17 || !first17.chars().allMatch(c -> isDigit((char) c))) {
            throw new IllegalArgumentException("the check character is computed from 17 digits");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    /** The division code where the number was issued (6 digits; not necessarily the current household registration). */
    public String division() {
        return value.substring(0, 6);
    }

    public LocalDate birthDate() {
        return LocalDate.parse(value.substring(6, 14), BIRTH_DATE);
    }

    /** True for an odd sequence number (men), false for an even one (women). */
    public boolean male() {
        return (value.charAt(16) - '0') % 2 == 1;
    }

    /** Age in whole years on {@code date}. */
    public int ageOn(LocalDate date) {
        return java.time.Period.between(birthDate(), date).getYears();
    }

    /** First 4 and last 4 characters, the rest as {@code *}: {@code 3501**********0016}. */
    public String masked() {
        return Identifiers.mask(value, 4, 4);
    }

    /** The masked form (never the full number). */
    @Override
    public String toString() {
        return masked();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}

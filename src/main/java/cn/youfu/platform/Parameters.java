package cn.youfu.platform;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads request parameters given as text, so that every wrong value is a 400 problem naming the parameter and what
 * was expected, never a generic conversion error.
 */
public final class Parameters {

    private Parameters() {
    }

    /** An ISO date ({@code yyyy-MM-dd}) between {@code earliest} and {@code latest}. */
    public static LocalDate date(String name, String value, LocalDate earliest, LocalDate latest) {
        if (value == null || value.isBlank()) {
            throw InvalidParameterException.missing(name);
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw InvalidParameterException.notADate(name, value);
        }
        if (date.isBefore(earliest) || date.isAfter(latest)) {
            throw InvalidParameterException.outOfRange(name, value, earliest, latest);
        }
        return date;
    }

    /** A whole number in {@code min..max}; {@code otherwise} when absent. */
    public static int integer(String name, String value, int min, int max, Integer otherwise) {
        if (value == null || value.isBlank()) {
            if (otherwise == null) {
                throw InvalidParameterException.missing(name);
            }
            return otherwise;
        }
        int n;
        try {
            n = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw InvalidParameterException.malformed(name, value, "number");
        }
        if (n < min || n > max) {
            throw InvalidParameterException.outOfRange(name, value, min, max);
        }
        return n;
    }

    /** {@code true} or {@code false}; null when absent. */
    public static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw InvalidParameterException.malformed(name, value, "boolean");
        };
    }

    /** One of the given words; {@code otherwise} when absent. */
    public static String oneOf(String name, String value, String otherwise, String... allowed) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        var word = value.trim();
        if (Arrays.asList(allowed).contains(word)) {
            return word;
        }
        throw InvalidParameterException.because(name, "one-of", value, String.join(", ", allowed));
    }

    /** Free text, stripped; null when absent or blank; refused when longer than {@code max} characters. */
    public static String text(String name, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        var text = value.strip();
        if (text.length() > max) {
            throw InvalidParameterException.outOfRange(name, text.length() + " characters", 1, max);
        }
        return text;
    }

    /** Free text as {@link #text}, which must be given. */
    public static String requiredText(String name, String value, int max) {
        var text = text(name, value, max);
        if (text == null) {
            throw InvalidParameterException.missing(name);
        }
        return text;
    }
}

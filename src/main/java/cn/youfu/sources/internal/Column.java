package cn.youfu.sources.internal;

import cn.youfu.platform.CreditCode;
import cn.youfu.platform.DivisionCodes;
import cn.youfu.platform.ResidentId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One column of a source: its name (the CSV and JSON contract), what its values must be, and whether a value is
 * required. {@link #parse} turns an uploaded text into the value stored, or says in plain English what is wrong.
 */
record Column(String name, Kind kind, boolean required, Set<String> choices) {

    enum Kind {
        TEXT, TOKEN, CHOICE, RESIDENT_ID, CREDIT_CODE, SUBJECT_ID, DATE, BOOLEAN, DIVISION, COUNT, AMOUNT
    }

    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern TOKEN = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

    static Column required(String name, Kind kind) {
        return new Column(name, kind, true, Set.of());
    }

    static Column optional(String name, Kind kind) {
        return new Column(name, kind, false, Set.of());
    }

    static Column choice(String name, boolean required, String... choices) {
        return new Column(name, Kind.CHOICE, required, Set.of(choices));
    }

    /**
     * The value to store (null for an empty optional value): dates as {@link LocalDate}, booleans, whole numbers,
     * amounts as {@link BigDecimal}, identifiers normalised (upper case), other texts trimmed.
     *
     * @throws IllegalArgumentException with the reason
     */
    Object parse(String raw, DivisionCodes divisions) {
        var text = raw == null ? "" : raw.strip();
        if (text.isEmpty()) {
            if (required) {
                throw new IllegalArgumentException("a value is required");
            }
            return null;
        }
        return switch (kind) {
            case TEXT -> text;
            case TOKEN -> {
                if (!TOKEN.matcher(text).matches()) {
                    throw new IllegalArgumentException("'" + text + "' is not a lower-case word with hyphens "
                            + "(e.g. elderly-card)");
                }
                yield text;
            }
            case CHOICE -> {
                if (!choices.contains(text)) {
                    throw new IllegalArgumentException("'" + text + "' is not one of " + String.join(", ",
                            choices.stream().sorted().toList()));
                }
                yield text;
            }
            case RESIDENT_ID -> ResidentId.of(text).value();
            case CREDIT_CODE -> CreditCode.of(text).value();
            case SUBJECT_ID -> subject(text);
            case DATE -> date(text);
            case BOOLEAN -> switch (text) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException("'" + text + "' is not true or false");
            };
            case DIVISION -> {
                if (!divisions.exists(text)) {
                    throw new IllegalArgumentException("'" + text + "' is not a division code on the GB/T 2260 list");
                }
                yield text;
            }
            case COUNT -> {
                try {
                    int n = Integer.parseInt(text);
                    if (n < 0) {
                        throw new NumberFormatException();
                    }
                    yield n;
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + text + "' is not a whole number of 0 or more");
                }
            }
            case AMOUNT -> {
                try {
                    var amount = new BigDecimal(text);
                    if (amount.signum() < 0 || amount.scale() > 2) {
                        throw new NumberFormatException();
                    }
                    yield amount;
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + text + "' is not an amount of 0 or more with at most "
                            + "2 decimals");
                }
            }
        };
    }

    private static String subject(String text) {
        if (text.length() == 18 && ResidentId.isValid(text)) {
            return ResidentId.of(text).value();
        }
        if (CreditCode.isValid(text)) {
            return CreditCode.of(text).value();
        }
        throw new IllegalArgumentException("'" + text + "' is neither a valid resident ID number nor a valid "
                + "unified social credit code");
    }

    private static LocalDate date(String text) {
        LocalDate date;
        try {
            date = LocalDate.parse(text, ISO_DATE);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date in the form yyyy-MM-dd");
        }
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            throw new IllegalArgumentException("the date " + text + " is outside 1900-01-01 to 2199-12-31");
        }
        return date;
    }
}

package cn.youfu.materials.internal;

import cn.youfu.platform.CreditCode;
import cn.youfu.platform.ResidentId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Repairs the usual OCR confusions in identifiers with the help of their check characters: letters read where only
 * digits may stand (O→0, I/l→1, B→8, S→5, Z→2, …), then, if the check still fails, each single substitution of a
 * look-alike (8↔3, 1↔7, 0↔8, …) — kept only when exactly one candidate is valid. A repair is reported, so that the
 * caller lowers its confidence.
 */
final class CheckCharacterRepair {

    /** A value and how it was obtained. */
    record Repaired(String value, boolean valid, boolean changed, boolean guessed) {
    }

    /** Closing brackets, as the hook of a J is read (eng reads ")", chi_sim "』"). */
    private static final String J_HOOKS = ")）]」』";

    private static final Map<Character, Character> LETTER_AS_DIGIT = Map.ofEntries(Map.entry('O', '0'),
            Map.entry('o', '0'), Map.entry('D', '0'), Map.entry('Q', '0'), Map.entry('U', '0'), Map.entry('I', '1'),
            Map.entry('l', '1'), Map.entry('i', '1'), Map.entry('|', '1'), Map.entry('L', '1'), Map.entry('T', '7'),
            Map.entry('Z', '2'), Map.entry('z', '2'), Map.entry('S', '5'), Map.entry('s', '5'), Map.entry('B', '8'),
            Map.entry('G', '6'), Map.entry('b', '6'), Map.entry('g', '9'), Map.entry('q', '9'), Map.entry('A', '4'));

    /**
     * The characters a unified social credit code is read as: its alphabet, and the closing brackets that the hook of
     * a J (in a sans-serif face, its stem reaching below the line) is read as. {@link #creditCode} takes them for J.
     */
    static final String CREDIT_CODE_AS_READ = CreditCode.ALPHABET + J_HOOKS;

    /** Characters OCR mistakes for one another. */
    private static final Map<Character, String> LOOK_ALIKES = Map.ofEntries(Map.entry('0', "869DQU"),
            Map.entry('1', "7I4"), Map.entry('2', "7Z"), Map.entry('3', "8B9"), Map.entry('4', "1A9"),
            Map.entry('5', "6S9"), Map.entry('6', "5850G"), Map.entry('7', "12T"), Map.entry('8', "3B906"),
            Map.entry('9', "8045"), Map.entry('X', "K4Y"), Map.entry('B', "83"), Map.entry('D', "0"),
            Map.entry('Q', "0"), Map.entry('U', "0"), Map.entry('G', "6"), Map.entry('T', "7"), Map.entry('Y', "X"),
            Map.entry('K', "X"), Map.entry('A', "4"), Map.entry('M', "N"), Map.entry('N', "M"));

    private CheckCharacterRepair() {
    }

    /** A resident ID number from the characters read (spaces and punctuation already removed). */
    static Repaired residentId(String read) {
        if (read == null) {
            return new Repaired(null, false, false, false);
        }
        var chars = read.toCharArray();
        boolean changed = false;
        for (int i = 0; i < chars.length; i++) {
            boolean last = i == 17;
            char c = chars[i];
            if (last && (c == 'x' || c == 'K' || c == 'k' || c == 'Y')) {
                chars[i] = 'X';
                changed |= c != 'x';
            } else if (!Character.isDigit(c) && !(last && c == 'X') && LETTER_AS_DIGIT.containsKey(c)) {
                chars[i] = LETTER_AS_DIGIT.get(c);
                changed = true;
            }
        }
        return finish(new String(chars), changed, ResidentId::isValid);
    }

    /** A unified social credit code from the characters read. */
    static Repaired creditCode(String read) {
        if (read == null) {
            return new Repaired(null, false, false, false);
        }
        var chars = read.toUpperCase(Locale.ROOT).toCharArray();
        boolean changed = !new String(chars).equals(read);
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            boolean digitsOnly = i >= 2 && i < 8; // the registering authority's division code
            char fixed = switch (c) {
                case 'O' -> '0';
                case 'I' -> '1';
                case 'S' -> '5';
                case 'Z' -> '2';
                case 'V' -> 'U';
                default -> J_HOOKS.indexOf(c) >= 0 ? 'J'
                        : digitsOnly && LETTER_AS_DIGIT.containsKey(c) ? LETTER_AS_DIGIT.get(c) : c;
            };
            if (fixed != c) {
                chars[i] = fixed;
                changed = true;
            }
        }
        return finish(new String(chars), changed, CreditCode::isValid);
    }

    private static Repaired finish(String value, boolean changed, Predicate<String> valid) {
        if (valid.test(value)) {
            return new Repaired(value, true, changed, false);
        }
        if (value.length() != 18) {
            return new Repaired(value, false, changed, false);
        }
        List<String> candidates = new ArrayList<>();
        for (int i = 0; i < value.length(); i++) {
            var alikes = LOOK_ALIKES.get(value.charAt(i));
            if (alikes == null) {
                continue;
            }
            for (char alike : alikes.toCharArray()) {
                var candidate = value.substring(0, i) + alike + value.substring(i + 1);
                if (valid.test(candidate)) {
                    candidates.add(candidate);
                }
            }
        }
        var only = candidates.stream().distinct().toList();
        return only.size() == 1 ? new Repaired(only.get(0), true, true, true)
                : new Repaired(value, false, changed, false);
    }

    /**
     * The identifier in {@code text}: among the runs of at least 18 characters that may be in one (its alphabet or a
     * letter mistaken for a digit), the 18 that are (or can be repaired into) a valid one, else the first 18.
     *
     * @return the start index of the identifier in {@code text} and its repaired value; empty when no run is long
     *         enough
     */
    static Optional<Located> locate(String text, String alphabet, java.util.function.Function<String, Repaired> repair) {
        Located first = null;
        for (var run : runs(text, alphabet)) {
            for (int from = run[0]; from + 18 <= run[1]; from++) {
                var repaired = repair.apply(text.substring(from, from + 18));
                var located = new Located(from, repaired);
                if (repaired.valid() && !repaired.guessed()) {
                    return Optional.of(located);
                }
                if (first == null || (repaired.valid() && !first.value().valid())) {
                    first = located;
                }
            }
        }
        return Optional.ofNullable(first);
    }

    /** Whether {@code c} may be in an identifier of {@code alphabet}: in it, or a letter mistaken for a digit. */
    private static boolean mayBeIn(char c, String alphabet) {
        return alphabet.indexOf(Character.toUpperCase(c)) >= 0 || LETTER_AS_DIGIT.containsKey(c);
    }

    /**
     * The longest run of characters that may be in an identifier ({@link #locate}'s runs), of at least {@code min}
     * characters: where an identifier read short (a character lost) stands.
     *
     * @return its start and end index in {@code text}; empty when no run is that long
     */
    static Optional<int[]> longestRun(String text, String alphabet, int min) {
        return runs(text, alphabet).stream().filter(run -> run[1] - run[0] >= min)
                .max(java.util.Comparator.comparingInt(run -> run[1] - run[0]));
    }

    /** The runs of characters that may be in an identifier of {@code alphabet}: start and end index in {@code text}. */
    private static List<int[]> runs(String text, String alphabet) {
        var runs = new ArrayList<int[]>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean in = i < text.length() && mayBeIn(text.charAt(i), alphabet);
            if (in && start < 0) {
                start = i;
            } else if (!in && start >= 0) {
                runs.add(new int[] {start, i});
                start = -1;
            }
        }
        return runs;
    }

    /** An identifier found at {@code start} of a text. */
    record Located(int start, Repaired value) {
    }
}

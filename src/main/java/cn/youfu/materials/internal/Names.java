package cn.youfu.materials.internal;

import cn.youfu.materials.internal.Extraction.Field;
import java.awt.Rectangle;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Names — of a person (姓名, 法定代表人) or of an enterprise (名称) — read three times and judged by how the
 * readings agree: the page's reading, a close-up of the name's line (darkened, enlarged, read alone with the characters
 * a name cannot hold excluded) and the crop darkened, read as one line. The majority decides. Whether a reading is a plausible name — a person's starts with a known surname
 * ({@code materials/surnames.txt}: 百家姓 and today's common forms), an enterprise's ends in a legal form (有限公司,
 * 合伙企业, …) — only chooses among what was read and lowers the confidence of an implausible one; it never changes
 * a character.
 *
 * <p>Confidence: all three agree on a plausible name: at least 0.9; two of three agree: at most 0.8; none agree: at
 * most 0.5 — below the 0.85 that decisions rely on, so a name any reading disputes goes to a person. (Two readings
 * agreeing on a wrong character was the commonest confident error; the third reading costs about 0.1 s.)
 */
final class Names {

    /** Characters a person's name never holds: digits, Latin letters, punctuation (the middle dot · is kept). */
    static final String NOT_IN_PERSON_NAME = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
            + "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~，。、；：？！“”‘’（）《》【】…—|";

    /** Characters an enterprise's name never holds: punctuation other than brackets. */
    static final String NOT_IN_ENTERPRISE_NAME = "!\"#$%&'*+,-./:;<=>?@[\\]^_`{|}~，。、；：？！“”‘’《》【】…—|";

    /** How an enterprise's name ends: its legal form (公司法, 合伙企业法, 个人独资企业法) or a shop's usual word. */
    static final List<String> ENTERPRISE_ENDINGS = List.of("有限公司", "有限责任公司", "股份有限公司", "分公司",
            "集团", "合伙企业", "（有限合伙）", "（普通合伙）", "（特殊普通合伙）", "个人独资企业", "个体工商户", "商行",
            "经营部", "门市部", "工作室", "事务所", "合作社", "中心", "商店", "店", "厂", "部", "馆", "社");

    static final Set<String> SURNAMES = surnames();

    private Names() {
    }

    private static Set<String> surnames() {
        try (InputStream in = Names.class.getResourceAsStream("/materials/surnames.txt")) {
            var text = new String(Objects.requireNonNull(in, "materials/surnames.txt").readAllBytes(),
                    StandardCharsets.UTF_8);
            var set = new HashSet<String>();
            for (var line : text.split("\n")) {
                if (!line.startsWith("#")) {
                    for (var s : line.strip().split("\\s+")) {
                        if (!s.isEmpty()) {
                            set.add(s);
                        }
                    }
                }
            }
            return Set.copyOf(set);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Two to four Chinese characters (or more with a middle dot) starting with a listed surname. */
    static boolean plausiblePerson(String name) {
        if (name == null || name.length() < 2 || (name.length() > 4 && name.indexOf('·') < 0)) {
            return false;
        }
        if (!name.codePoints().allMatch(c -> c == '·' || Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            return false;
        }
        return SURNAMES.contains(name.substring(0, 1)) || SURNAMES.contains(name.substring(0, 2));
    }

    /** At least four characters, ending in a legal form or a shop's usual word. */
    static boolean plausibleEnterprise(String name) {
        return name != null && name.length() >= 4 && ENTERPRISE_ENDINGS.stream().anyMatch(name::endsWith);
    }

    /** A person's name after {@code label}, judged as the class says. */
    static Field person(Field first, MaterialExtractor.Reread reread, String label) {
        return read(first, reread, label, NOT_IN_PERSON_NAME,
                c -> c == '·' || Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN, Names::plausiblePerson);
    }

    /** An enterprise's name after {@code label}, judged as the class says. */
    static Field enterprise(Field first, MaterialExtractor.Reread reread, String label) {
        return read(first, reread, label, NOT_IN_ENTERPRISE_NAME, c -> NOT_IN_ENTERPRISE_NAME.indexOf(c) < 0,
                Names::plausibleEnterprise);
    }

    private static Field read(Field read, MaterialExtractor.Reread reread, String label, String excluded,
                              java.util.function.IntPredicate kept,
                              Predicate<String> plausible) {
        if (read == null || read.region() == null) {
            return read;
        }
        // stray marks of the photo's edge or the line's end (崔晨霞. 吕秀S) are no part of a name
        var first = new Field(keep(read.value(), kept), read.confidence(), read.valid(), read.repaired(),
                read.region());
        var r = first.region();
        int pad = Math.max(4, r.height / 4);
        // one character's width more on the right: the page's reading may have lost the last one; half a
        // character more on the left: it may have cut off the first one's left part (福 read as 冒 from its 畐)
        var region = new Rectangle(r.x - pad - r.height / 2, r.y - pad, r.width + 2 * pad + r.height * 3 / 2,
                r.height + 2 * pad);
        var closeUp = text(reread.closeUp(region, excluded), label, first.value(), kept);
        var plain = text(reread.line(region, null), label, first.value(), kept);
        if (first.value().equals(closeUp.text) && first.value().equals(plain.text)) {
            if (!reread.independent()) {
                // the same model agreeing with itself: as sure as its least sure reading
                double c = Math.min(first.confidence(), Math.min(closeUp.confidence, plain.confidence));
                return first.withConfidence(plausible.test(first.value()) ? c : Math.min(0.8, c));
            }
            double c = Math.max(first.confidence(), Math.max(closeUp.confidence, plain.confidence));
            return first.withConfidence(plausible.test(first.value()) ? Math.max(0.9, c) : Math.min(0.8, c));
        }
        var readings = new ArrayList<Reading>();
        readings.add(new Reading(first.value(), first.confidence()));
        readings.add(closeUp);
        readings.add(plain);
        for (int i = 0; i < readings.size(); i++) {
            for (int j = i + 1; j < readings.size(); j++) {
                var a = readings.get(i);
                if (!a.text.isEmpty() && a.text.equals(readings.get(j).text)) {
                    double c = Math.min(0.8, Math.max(a.confidence, readings.get(j).confidence));
                    return new Field(a.text, plausible.test(a.text) ? c : Math.min(0.6, c), first.valid(),
                            first.repaired(), first.region());
                }
            }
        }
        // no two agree: the most confident plausible one, else the page's
        var chosen = readings.stream().filter(c -> plausible.test(c.text))
                .max(java.util.Comparator.comparingDouble(Reading::confidence)).orElse(readings.get(0));
        return new Field(chosen.text, Math.min(0.5, chosen.confidence), first.valid(), first.repaired(),
                first.region());
    }

    private record Reading(String text, double confidence) {
    }

    private static String keep(String text, java.util.function.IntPredicate kept) {
        var out = new StringBuilder();
        text.codePoints().filter(kept).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** A reading's text without stray marks and without the label (or its last characters) it may have caught. */
    private static Reading text(OcrPage.OcrLine line, String label, String first, java.util.function.IntPredicate kept) {
        if (line == null) {
            return new Reading("", 0);
        }
        var text = keep(LabelledLines.clean(line.text()), kept);
        for (int k = 0; k < label.length(); k++) {
            var tail = label.substring(k);
            if (text.startsWith(tail) && !first.startsWith(tail) && text.length() > tail.length()) {
                text = text.substring(tail.length());
                break;
            }
        }
        return new Reading(text, line.confidence(0, Integer.MAX_VALUE));
    }
}

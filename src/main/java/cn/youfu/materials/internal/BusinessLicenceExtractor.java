package cn.youfu.materials.internal;

import cn.youfu.materials.internal.Extraction.Field;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 营业执照: the business licence (and its 副本). Labels 统一社会信用代码, 名称, 类型, 法定代表人 (or 经营者, 负责人,
 * 执行事务合伙人, 投资人 by the kind of business), 注册资本 (or 出资额), 成立日期 (or 注册日期), 住所 (or 经营场所).
 */
final class BusinessLicenceExtractor extends MaterialExtractor {

    static final String CODE = "business-licence";
    static final List<String> FIELDS = List.of("name", "credit_code", "legal_representative", "type", "address",
            "registered_capital", "established");

    private static final Map<String, String[]> LABELS = Map.of(
            "name", new String[] {"名称"},
            "type", new String[] {"类型"},
            "legal_representative", new String[] {"法定代表人", "执行事务合伙人", "经营者", "负责人", "投资人"},
            "registered_capital", new String[] {"注册资本", "出资总额", "出资额"},
            "established", new String[] {"成立日期", "注册日期"},
            "address", new String[] {"住所", "主要经营场所", "经营场所"});

    /** Every label printed on a licence: a value ends where another label begins (two columns read as one line). */
    private static final List<String> ALL_LABELS = List.of("统一社会信用代码", "名称", "类型", "法定代表人",
            "执行事务合伙人", "经营者", "负责人", "投资人", "注册资本", "出资总额", "出资额", "成立日期", "注册日期",
            "营业期限", "合伙期限", "经营期限", "住所", "主要经营场所", "经营场所", "经营范围", "登记机关");

    /** The characters the credit code is read as (its alphabet and what a J's hook is read as). */
    private static final String CODE_AS_READ = CheckCharacterRepair.CREDIT_CODE_AS_READ;

    BusinessLicenceExtractor() {
        super(CODE, FIELDS);
    }

    @Override
    List<String> names() {
        return List.of("name", "legal_representative");
    }

    @Override
    Extraction extract(LabelledLines lines, Reread reread) {
        var fields = new LinkedHashMap<String, Field>();
        int labels = 0;
        var code = lines.find(0, "统一社会信用代码", "社会信用代码", "信用代码");
        if (code.isPresent()) {
            labels++;
            var value = Identifiers.read(lines, code.get().line(), code.get().after(), CODE_AS_READ,
                    CheckCharacterRepair::creditCode, reread);
            if (value == null && code.get().line() + 1 < lines.lines().size()) {
                // today's licence prints the code under its label
                value = Identifiers.read(lines, code.get().line() + 1, 0, CODE_AS_READ,
                        CheckCharacterRepair::creditCode, reread);
            }
            if (value != null) {
                fields.put("credit_code", value);
            }
        }
        if (fields.get("credit_code") == null || !fields.get("credit_code").valid()) {
            // printed small at the top left, beside the title, the code may be lost in the page's reading: that
            // corner again (the left 60 % and upper 40 % of a landscape page; the title and QR code beside it only
            // confuse the reading)
            var found = Identifiers.search(reread.block(new java.awt.Rectangle(0, 0, lines.width() * 3 / 5,
                    lines.width() * 3 / 10), CODE_AS_READ), CODE_AS_READ, CheckCharacterRepair::creditCode);
            if (found != null) {
                fields.put("credit_code", found);
            }
        }
        int from = code.map(f -> f.line() + 1).orElse(0);
        for (var field : FIELDS) {
            var names = LABELS.get(field);
            if (names == null) {
                continue;
            }
            var found = lines.find(from, names).or(() -> lines.findAnywhere(from, names));
            if (found.isEmpty()) {
                continue;
            }
            labels++;
            var value = untilNextLabel(lines, found.get());
            if (value == null) {
                continue;
            }
            value = switch (field) {
                case "established" -> Dates.chinese(value);
                case "name" -> Names.enterprise(Names.plausibleEnterprise(value.value()) ? value
                        : continued(lines, found.get().line(), value), reread, "名称");
                case "legal_representative" -> Names.person(value, reread, names[0]);
                case "address", "type" -> continued(lines, found.get().line(), value);
                default -> value;
            };
            fields.put(field, value);
        }
        var ordered = new LinkedHashMap<String, Field>();
        FIELDS.stream().filter(fields::containsKey).forEach(f -> ordered.put(f, fields.get(f)));
        return Extraction.of(ordered, labels);
    }

    /**
     * The value after a label, up to the next label on the same line or a gap as wide as three characters, whichever
     * comes first: the other column's text.
     */
    private static Field untilNextLabel(LabelledLines lines, LabelledLines.Found found) {
        var text = lines.lines().get(found.line()).text();
        int end = lines.gap(found.line(), found.after(), 3);
        for (var label : ALL_LABELS) {
            int at = text.indexOf(label, found.after() + 1);
            if (at > 0 && at < end) {
                end = at;
            }
        }
        return lines.field(found.line(), found.after(), end);
    }

    /**
     * Whether a label (or, of a label of four characters or more, all but its last) ends less than six characters
     * before {@code at} or overlaps it: the line holds another field of the same column. (Three-character labels are
     * matched whole: 投资人 cut short is the 投资 of a type's 自然人投资或控股.)
     */
    private static boolean labelledNear(String text, int at) {
        for (var label : ALL_LABELS) {
            for (var form : label.length() >= 4 ? List.of(label, label.substring(0, label.length() - 1))
                    : List.of(label)) {
                int found = text.indexOf(form);
                if (found >= 0 && found + form.length() > at - 6 && found < at + 2) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A value with its next lines printed under it in the same column (up to two), each up to a gap or a label; a line
     * whose text in the column follows a label of its own holds another field.
     */
    private static Field continued(LabelledLines lines, int line, Field value) {
        if (value.region() == null) {
            return value;
        }
        for (int i = line + 1; i < lines.lines().size() && i <= line + 2; i++) {
            int start = lines.columnStart(i, value.region().x);
            if (start < 0) {
                break;
            }
            var next = lines.field(i, start, lines.gap(i, start, 3));
            if (next == null || labelledNear(lines.lines().get(i).text(), start)
                    || ALL_LABELS.stream().anyMatch(next.value()::contains)) {
                break;
            }
            value = LabelledLines.join(value, next);
        }
        return value;
    }
}

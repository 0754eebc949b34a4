package cn.youfu.materials.internal;

import cn.youfu.materials.internal.Extraction.Field;
import cn.youfu.platform.CreditCode;
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

    BusinessLicenceExtractor() {
        super(CODE, FIELDS);
    }

    @Override
    Extraction extract(LabelledLines lines, Reread reread) {
        var fields = new LinkedHashMap<String, Field>();
        int labels = 0;
        var code = lines.find(0, "统一社会信用代码", "社会信用代码", "信用代码");
        if (code.isPresent()) {
            labels++;
            var value = Identifiers.read(lines, code.get().line(), code.get().after(), CreditCode.ALPHABET,
                    CheckCharacterRepair::creditCode, reread);
            if (value != null) {
                fields.put("credit_code", value);
            }
        }
        int from = code.map(f -> f.line() + 1).orElse(0);
        for (var field : FIELDS) {
            var names = LABELS.get(field);
            if (names == null) {
                continue;
            }
            var found = lines.find(from, names);
            if (found.isEmpty()) {
                continue;
            }
            labels++;
            var value = lines.after(found.get());
            if (value == null) {
                continue;
            }
            value = switch (field) {
                case "established" -> Dates.chinese(value);
                default -> value;
            };
            fields.put(field, value);
        }
        var ordered = new LinkedHashMap<String, Field>();
        FIELDS.stream().filter(fields::containsKey).forEach(f -> ordered.put(f, fields.get(f)));
        return Extraction.of(ordered, labels);
    }
}

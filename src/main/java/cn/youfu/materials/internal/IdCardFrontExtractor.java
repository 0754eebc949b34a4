package cn.youfu.materials.internal;

import java.util.List;

/**
 * 居民身份证（人像面）: the side of the resident ID card with the photograph. Labels 姓名, 性别, 民族, 出生, 住址,
 * 公民身份号码. The birth date and sex are checked against the ID number, which carries both.
 */
final class IdCardFrontExtractor extends MaterialExtractor {

    static final String CODE = "id-card-front";
    static final List<String> FIELDS = List.of("name", "sex", "ethnicity", "birth_date", "address", "id_number");

    IdCardFrontExtractor() {
        super(CODE, FIELDS);
    }

    @Override
    Extraction extract(LabelledLines lines, Reread reread) {
        var found = new Extraction.Builder(lines);
        var number = found.read("id_number", f -> residentNumber(lines, f.line(), f.after(), reread),
                "公民身份号码", "身份号码", "公民身份");
        if (number.isEmpty()) {
            for (int i = lines.lines().size() - 1; i >= 0; i--) {
                if (CheckCharacterRepair.locate(lines.lines().get(i).text(), Identifiers.DIGITS,
                        CheckCharacterRepair::residentId).filter(l -> l.value().valid()).isPresent()) {
                    found.put("id_number", residentNumber(lines, i, 0, reread));
                    break;
                }
            }
        }
        var resident = found.resident();
        int numberLine = number.map(LabelledLines.Found::line).orElse(lines.lines().size());
        if (found.read("name", f -> Names.person(lines.after(f), reread, "姓名"), "姓名").isEmpty()) {
            // 姓 misread: the name is on one of the two lines above 性别, after a 名 at its start
            var sex = lines.find(0, "性别", "民族");
            for (int i = sex.map(f -> f.line() - 1).orElse(-1); i >= 0 && i >= sex.get().line() - 2; i--) {
                int at = lines.lines().get(i).text().indexOf('名');
                if (at >= 0 && at <= 2) {
                    found.put("name", Names.person(lines.field(i, at + 1, Integer.MAX_VALUE), reread, "姓名"));
                    break;
                }
            }
        }
        found.read("sex", f -> sex(lines, f, resident), "性别");
        found.read("ethnicity", lines::after, "民族");
        found.read("birth_date", f -> {
            var value = lines.after(f);
            if (value == null) {
                return null;
            }
            var date = Dates.chinese(value);
            return date.valid() && resident != null && !resident.birthDate().toString().equals(date.value())
                    ? date.invalid() : date;
        }, "出生");
        found.read("address", f -> {
            var value = lines.after(f);
            for (int i = f.line() + 1; value != null && i < numberLine && i < f.line() + 4; i++) {
                if (lines.startsNear(i, value.region().x)) {
                    value = LabelledLines.join(value, lines.field(i, 0, Integer.MAX_VALUE));
                }
            }
            return value;
        }, "住址");
        return found.build();
    }
}

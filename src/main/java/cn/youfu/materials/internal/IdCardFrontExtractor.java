package cn.youfu.materials.internal;

import cn.youfu.materials.internal.Extraction.Field;
import cn.youfu.platform.ResidentId;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * 居民身份证（人像面）: the side of the resident ID card with the photograph. Labels 姓名, 性别, 民族, 出生, 住址,
 * 公民身份号码. The birth date and sex are checked against the ID number, which carries both.
 */
final class IdCardFrontExtractor implements MaterialExtractor {

    static final String CODE = "id-card-front";
    static final List<String> FIELDS = List.of("name", "sex", "ethnicity", "birth_date", "address", "id_number");

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public List<String> fields() {
        return FIELDS;
    }

    @Override
    public Extraction extract(LabelledLines lines, Reread reread) {
        var fields = new LinkedHashMap<String, Field>();
        int labels = 0;
        var number = lines.find(0, "公民身份号码", "身份号码", "公民身份");
        Field id = null;
        if (number.isPresent()) {
            labels++;
            id = Identifiers.read(lines, number.get().line(), number.get().after(), Identifiers.DIGITS,
                    CheckCharacterRepair::residentId, reread);
        } else {
            for (int i = lines.lines().size() - 1; i >= 0 && id == null; i--) {
                if (CheckCharacterRepair.locate(lines.lines().get(i).text(), Identifiers.DIGITS,
                        CheckCharacterRepair::residentId).filter(l -> l.value().valid()).isPresent()) {
                    id = Identifiers.read(lines, i, 0, Identifiers.DIGITS, CheckCharacterRepair::residentId, reread);
                }
            }
        }
        var resident = id != null && id.valid() ? ResidentId.of(id.value()) : null;
        int numberLine = number.map(LabelledLines.Found::line).orElse(lines.lines().size());

        var name = lines.find(0, "姓名");
        if (name.isPresent()) {
            labels++;
            Extraction.put(fields, "name", LabelledLines.confirm(lines.after(name.get()), reread, null, "姓名"));
        }
        var sex = lines.find(0, "性别");
        if (sex.isPresent()) {
            labels++;
            var value = lines.field(sex.get().line(), sex.get().after(), sex.get().after() + 1);
            if (value != null) {
                boolean known = value.value().equals("男") || value.value().equals("女");
                boolean agrees = resident == null || value.value().equals(resident.male() ? "男" : "女");
                Extraction.put(fields, "sex", known && agrees ? value : value.invalid());
            }
        }
        var ethnicity = lines.find(0, "民族");
        if (ethnicity.isPresent()) {
            labels++;
            Extraction.put(fields, "ethnicity", lines.after(ethnicity.get()));
        }
        var birth = lines.find(0, "出生");
        if (birth.isPresent()) {
            labels++;
            var value = lines.after(birth.get());
            if (value != null) {
                var date = Dates.chinese(value);
                Extraction.put(fields, "birth_date", date.valid() && resident != null
                        && !resident.birthDate().toString().equals(date.value()) ? date.invalid() : date);
            }
        }
        var address = lines.find(0, "住址");
        if (address.isPresent()) {
            labels++;
            var value = lines.after(address.get());
            if (value != null) {
                for (int i = address.get().line() + 1; i < numberLine && i < address.get().line() + 4; i++) {
                    if (lines.startsNear(i, value.region().x)) {
                        var more = lines.field(i, 0, Integer.MAX_VALUE);
                        value = LabelledLines.join(value, more);
                    }
                }
                Extraction.put(fields, "address", value);
            }
        }
        Extraction.put(fields, "id_number", id);
        return Extraction.of(fields, labels);
    }
}

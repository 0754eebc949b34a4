package cn.youfu.materials.internal;

import cn.youfu.materials.internal.Extraction.Field;
import cn.youfu.platform.ResidentId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Pattern;

/**
 * 居住证: the residence permit of a person living in a city other than that of their household registration. The
 * elderly-card policy accepts a valid Fuzhou permit in place of a Fuzhou household, so the item that reads an ID card
 * photo reads the permit too. Labels 姓名, 性别, 公民身份号码, 居住地址 (or 住址), 签发机关, 有效期限; the validity
 * is read as its end date ({@code valid_until}, ISO).
 */
final class ResidencePermitExtractor implements MaterialExtractor {

    static final String CODE = "residence-permit";
    static final List<String> FIELDS = List.of("name", "sex", "id_number", "address", "issuer", "valid_until");

    private static final Pattern DATE = Pattern.compile("\\d{4}\\D{0,3}\\d{1,2}\\D{0,3}\\d{1,2}");

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
        var number = lines.find(0, "公民身份号码", "身份号码");
        ResidentId resident = null;
        if (number.isPresent()) {
            labels++;
            var id = Identifiers.read(lines, number.get().line(), number.get().after(), Identifiers.DIGITS,
                    CheckCharacterRepair::residentId, reread);
            Extraction.put(fields, "id_number", id);
            resident = id != null && id.valid() ? ResidentId.of(id.value()) : null;
        }
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
                boolean agrees = resident == null || value.value().equals(resident.male() ? "男" : "女");
                Extraction.put(fields, "sex", (value.value().equals("男") || value.value().equals("女")) && agrees
                        ? value : value.invalid());
            }
        }
        var address = lines.find(0, "居住地址", "住址");
        if (address.isPresent()) {
            labels++;
            Extraction.put(fields, "address", lines.after(address.get()));
        }
        var issuer = lines.find(0, "签发机关");
        if (issuer.isPresent()) {
            labels++;
            Extraction.put(fields, "issuer", lines.after(issuer.get()));
        }
        var validity = lines.find(0, "有效期限");
        if (validity.isPresent()) {
            labels++;
            var value = lines.after(validity.get());
            if (value != null) {
                // 2024.05.01-2027.05.01: the end is the last date on the line
                var m = DATE.matcher(value.value());
                String last = null;
                while (m.find()) {
                    last = m.group();
                }
                Extraction.put(fields, "valid_until", last == null ? value.invalid()
                        : Dates.chinese(new Field(last, value.confidence(), true, false, value.region())));
            }
        }
        return Extraction.of(fields, labels);
    }
}

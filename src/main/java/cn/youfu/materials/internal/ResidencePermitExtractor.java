package cn.youfu.materials.internal;

import cn.youfu.materials.internal.Extraction.Field;
import java.util.List;
import java.util.regex.Pattern;

/**
 * 居住证: the residence permit of a person living in a city other than that of their household registration. The
 * elderly-card policy accepts a valid Fuzhou permit in place of a Fuzhou household, so the item that reads an ID card
 * photo reads the permit too. Labels 姓名, 性别, 公民身份号码, 居住地址 (or 住址), 签发机关, 有效期限; the validity
 * is read as its end date ({@code valid_until}, ISO).
 */
final class ResidencePermitExtractor extends MaterialExtractor {

    static final String CODE = "residence-permit";
    static final List<String> FIELDS = List.of("name", "sex", "id_number", "address", "issuer", "valid_until");

    private static final Pattern DATE = Pattern.compile("\\d{4}\\D{0,3}\\d{1,2}\\D{0,3}\\d{1,2}");

    ResidencePermitExtractor() {
        super(CODE, FIELDS);
    }

    @Override
    Extraction extract(LabelledLines lines, Reread reread) {
        var found = new Extraction.Builder(lines);
        found.read("id_number", f -> residentNumber(lines, f.line(), f.after(), reread), "公民身份号码", "身份号码");
        var resident = found.resident();
        found.read("name", f -> Names.person(lines.after(f), reread, "姓名"), "姓名");
        found.read("sex", f -> sex(lines, f, resident), "性别");
        found.read("address", f -> {
            var value = lines.after(f);
            // a long address goes on under itself, up to the next label
            for (int i = f.line() + 1; value != null && i < f.line() + 3 && i < lines.lines().size(); i++) {
                if (!lines.startsNear(i, value.region().x)) {
                    break;
                }
                value = LabelledLines.join(value, lines.field(i, 0, Integer.MAX_VALUE));
            }
            return value;
        }, "居住地址", "住址");
        found.read("issuer", lines::after, "签发机关");
        found.read("valid_until", f -> {
            var value = lines.after(f);
            if (value == null) {
                return null;
            }
            // 2024.05.01-2027.05.01: the end is the last date on the line
            var m = DATE.matcher(value.value());
            String last = null;
            while (m.find()) {
                last = m.group();
            }
            return last == null ? value.invalid()
                    : Dates.chinese(new Field(last, value.confidence(), true, false, value.region()));
        }, "有效期限");
        return found.build();
    }
}

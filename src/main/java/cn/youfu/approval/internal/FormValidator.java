package cn.youfu.approval.internal;

import cn.youfu.catalog.ServiceItem;
import cn.youfu.catalog.ServiceItem.FormField;
import cn.youfu.platform.CreditCode;
import cn.youfu.platform.ResidentId;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks an application's form against its item's fields; every problem is reported at once, field by field. */
final class FormValidator {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}");

    /** A field and what is wrong with it, as a message code ({@code form.<code>}) with arguments. */
    record FieldError(String field, String code, Object... arguments) {
    }

    /** The form's values as the policy reads them, or the errors. */
    record Result(Map<String, Object> values, List<FieldError> errors) {
    }

    private FormValidator() {
    }

    static Result validate(ServiceItem item, Map<String, Object> form) {
        var given = form == null ? Map.<String, Object>of() : form;
        var errors = new ArrayList<FieldError>();
        var values = new LinkedHashMap<String, Object>();
        var known = item.form().stream().map(FormField::name).toList();
        given.keySet().stream().filter(name -> !known.contains(name)).sorted()
                .forEach(name -> errors.add(new FieldError(name, "unknown", String.join(", ", known))));
        for (var field : item.form()) {
            var raw = given.get(field.name());
            if (raw == null || (raw instanceof String s && s.isBlank())) {
                if (field.required()) {
                    errors.add(new FieldError(field.name(), "required"));
                }
                continue;
            }
            try {
                values.put(field.name(), value(field, raw));
            } catch (IllegalArgumentException wrong) {
                errors.add(new FieldError(field.name(), wrong.getMessage(), String.valueOf(raw)));
            }
        }
        return new Result(values, errors);
    }

    /** The value in the type its field declares; {@link IllegalArgumentException} with the message code if wrong. */
    private static Object value(FormField field, Object raw) {
        var text = String.valueOf(raw).strip();
        return switch (field.type()) {
            case TEXT -> {
                if (!(raw instanceof String) || text.length() > field.maxLength()) {
                    throw new IllegalArgumentException("text");
                }
                yield text;
            }
            case PHONE -> {
                if (!MOBILE.matcher(text).matches() && !LANDLINE.matcher(text).matches()) {
                    throw new IllegalArgumentException("phone");
                }
                yield text;
            }
            case DATE -> {
                try {
                    yield LocalDate.parse(text).toString();
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("date");
                }
            }
            case NUMBER -> {
                if (!(raw instanceof Number) && !text.matches("-?\\d{1,15}")) {
                    throw new IllegalArgumentException("number");
                }
                yield raw instanceof Number n ? n.longValue() : Long.parseLong(text);
            }
            case BOOLEAN -> {
                if (!(raw instanceof Boolean) && !text.equals("true") && !text.equals("false")) {
                    throw new IllegalArgumentException("boolean");
                }
                yield Boolean.parseBoolean(text);
            }
            case ID_NUMBER -> {
                if (!ResidentId.isValid(text)) {
                    throw new IllegalArgumentException("id-number");
                }
                yield ResidentId.of(text).value();
            }
            case CREDIT_CODE -> {
                if (!CreditCode.isValid(text)) {
                    throw new IllegalArgumentException("credit-code");
                }
                yield CreditCode.of(text).value();
            }
            case CHOICE -> {
                if (!field.options().contains(text)) {
                    throw new IllegalArgumentException("choice");
                }
                yield text;
            }
        };
    }
}

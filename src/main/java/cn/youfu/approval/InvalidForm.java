package cn.youfu.approval;

import cn.youfu.platform.ProblemException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * One or more fields of an application form are wrong (400, {@code invalid-form}); nothing was decided or recorded.
 * {@link #fieldErrors()} says what is wrong with each, in the request's language.
 */
public final class InvalidForm extends ProblemException {

    private final Map<String, String> fieldErrors;

    /** @param errors each wrong field with its message, in the form's order */
    public InvalidForm(String item, List<Map<String, String>> errors) {
        super(HttpStatus.BAD_REQUEST, "invalid-form", new Object[] {item, errors.size()},
                Map.of("item", item, "errors", errors));
        var byField = new LinkedHashMap<String, String>();
        errors.forEach(e -> byField.merge(e.get("field"), e.get("message"), (a, b) -> a + " " + b));
        this.fieldErrors = Map.copyOf(byField);
    }

    /** Field name → what is wrong with it. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}

package cn.youfu.platform;

import java.util.Map;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;

/** A request parameter is missing or wrong: 400, naming the parameter and why. */
public final class InvalidParameterException extends ProblemException {

    private InvalidParameterException(String parameter, String reasonCode, Object... reasonArguments) {
        super(HttpStatus.BAD_REQUEST, "invalid-parameter",
                new Object[] {parameter, new DefaultMessageSourceResolvable(new String[] {"reason." + reasonCode},
                        reasonArguments, reasonCode)},
                Map.of("parameter", parameter));
    }

    /** The parameter was not given. */
    public static InvalidParameterException missing(String parameter) {
        return new InvalidParameterException(parameter, "required");
    }

    /** The value is not an ISO date ({@code yyyy-MM-dd}). */
    public static InvalidParameterException notADate(String parameter, Object value) {
        return new InvalidParameterException(parameter, "iso-date", String.valueOf(value));
    }

    /** The value does not have the expected form, e.g. a whole number. */
    public static InvalidParameterException malformed(String parameter, Object value, String expectedForm) {
        return new InvalidParameterException(parameter, "form." + expectedForm, String.valueOf(value));
    }

    /** The value lies outside {@code min..max}. */
    public static InvalidParameterException outOfRange(String parameter, Object value, Object min, Object max) {
        return new InvalidParameterException(parameter, "range", String.valueOf(min), String.valueOf(max),
                String.valueOf(value));
    }

    /** The value breaks a rule stated by a reason code in the bundles ({@code reason.<code>}). */
    public static InvalidParameterException because(String parameter, String reasonCode, Object... arguments) {
        return new InvalidParameterException(parameter, reasonCode, arguments);
    }
}

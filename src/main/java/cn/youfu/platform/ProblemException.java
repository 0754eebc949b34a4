package cn.youfu.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A failure a person can act on. It becomes an RFC 9457 problem detail: {@code type} is
 * {@code urn:youfu:problem:<code>}, {@code title} and {@code detail} come from the message bundles
 * ({@code problem.<code>.title}, {@code problem.<code>.detail} with {@link #arguments()}), and
 * {@link #properties()} are added as extension members. Subclasses name the failure and offer factory methods.
 */
public abstract class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final Object[] arguments;
    private final Map<String, Object> properties;

    protected ProblemException(HttpStatus status, String code, Object[] arguments, Map<String, Object> properties) {
        super(code + " " + java.util.Arrays.toString(arguments));
        this.status = status;
        this.code = code;
        this.arguments = arguments.clone();
        this.properties = new LinkedHashMap<>(properties);
    }

    public HttpStatus status() {
        return status;
    }

    /** The problem's short name, e.g. {@code invalid-parameter}. */
    public String code() {
        return code;
    }

    /** Arguments of the detail message; a {@link org.springframework.context.MessageSourceResolvable} is resolved too. */
    public Object[] arguments() {
        return arguments.clone();
    }

    public Map<String, Object> properties() {
        return Map.copyOf(properties);
    }
}

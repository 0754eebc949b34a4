package cn.youfu.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds RFC 9457 problem details whose title and detail come from the message bundles in the request's language
 * (Chinese unless the client asks for English), and writes them where no controller is involved (security filters).
 */
@Component
public class Problems {

    /** A problem property (seconds) that is also sent as the {@code Retry-After} header. */
    public static final String RETRY_AFTER = "retryAfterSeconds";

    /** The media type of a problem body. */
    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private final MessageSource messages;
    private final JsonMapper json;
    private final ObjectProvider<LocaleResolver> locales;

    Problems(MessageSource messages, JsonMapper json, ObjectProvider<LocaleResolver> locales) {
        this.messages = messages;
        this.json = json;
        this.locales = locales;
    }

    public ProblemDetail of(ProblemException problem, HttpServletRequest request) {
        return create(problem.status(), problem.code(), problem.arguments(), problem.properties(), request);
    }

    /**
     * A problem named {@code code}: {@code type} {@code urn:youfu:problem:<code>}, title and detail from
     * {@code problem.<code>.title} and {@code problem.<code>.detail}, and the given extension members.
     */
    public ProblemDetail create(HttpStatus status, String code, Object[] arguments, Map<String, Object> properties,
                                HttpServletRequest request) {
        Locale locale = locale(request);
        var problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create("urn:youfu:problem:" + code));
        problem.setTitle(messages.getMessage("problem." + code + ".title", null, status.getReasonPhrase(), locale));
        problem.setDetail(messages.getMessage("problem." + code + ".detail", arguments, code, locale));
        if (request != null) {
            try {
                problem.setInstance(URI.create(request.getRequestURI()));
            } catch (IllegalArgumentException notAUri) {
                // A hostile address (e.g. a malformed percent escape) is no instance to name; the problem stands.
            }
        }
        properties.forEach(problem::setProperty);
        return problem;
    }

    /**
     * The request's language as the pages and controllers read it (the application's {@link LocaleResolver}: Chinese
     * unless the client asks for English), also where no controller is involved: in a security filter the locale
     * context holds only the servlet's guess from {@code Accept-Language}, the server's own language when absent.
     */
    private Locale locale(HttpServletRequest request) {
        var resolver = request == null ? null : locales.getIfAvailable();
        return resolver == null ? LocaleContextHolder.getLocale() : resolver.resolveLocale(request);
    }

    /** Writes a problem to a response that no controller produced, with {@code Retry-After} if it says when. */
    public void write(ProblemDetail problem, HttpServletResponse response) throws IOException {
        response.setStatus(problem.getStatus());
        var properties = problem.getProperties();
        if (properties != null && properties.get(RETRY_AFTER) != null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, properties.get(RETRY_AFTER).toString());
        }
        response.setContentType(PROBLEM_JSON.toString());
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}

package cn.youfu.dispatch.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Under {@code /open311} every error is the specification's error list, whoever refused: an unknown path (404), a
 * method (405, its {@code Allow} kept), a media type (415), a bearer token (401), the firewall, or anything else that
 * answered an RFC 9457 problem — or nothing — before an Open311 controller could. Such an answer is rewritten as
 * {@code [{"code", "description"}]} or {@code <errors>}, by the path's extension, in UTF-8 that its content type
 * declares; the description is the problem's detail, else a generic one in the request's language. The Open311
 * controllers' own errors ({@link Open311Advice}) pass as they are.
 */
class Open311Errors extends OncePerRequestFilter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Open311Writer writer;
    private final MessageSource messages;
    private final LocaleResolver locales;

    Open311Errors(Open311Writer writer, MessageSource messages, LocaleResolver locales) {
        this.writer = writer;
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.equals("/open311") && !path.startsWith("/open311/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var answer = new ErrorsKept(response);
        try {
            chain.doFilter(request, answer);
            if (answer.getStatus() >= 400 && !geoReport(answer.getContentType())) {
                rewrite(request, answer);
            }
        } finally {
            answer.copyBodyToResponse();
        }
    }

    /** Whether the answer already is a GeoReport error: JSON or XML, not a problem. */
    private static boolean geoReport(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            var type = MediaType.parseMediaType(contentType);
            return type.equalsTypeAndSubtype(MediaType.APPLICATION_JSON)
                    || type.equalsTypeAndSubtype(MediaType.APPLICATION_XML);
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
    }

    private void rewrite(HttpServletRequest request, ErrorsKept answer) throws IOException {
        var format = Open311Format.ofPath(request.getRequestURI());
        var description = detail(answer.getContentAsByteArray());
        if (description == null) {
            var status = HttpStatus.resolve(answer.getStatus());
            description = messages.getMessage("dispatch.open311.error.http", new Object[] {answer.getStatus(),
                    status == null ? "" : status.getReasonPhrase()}, locales.resolveLocale(request));
        }
        answer.resetBuffer();
        answer.setContentType(format.type().toString());
        answer.getOutputStream().write(writer.errors(format, answer.getStatus(), description));
    }

    /** A problem's {@code detail}, or null when the body is none. */
    private static String detail(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            var detail = JSON.readTree(body).path("detail").asString("");
            return detail.isBlank() ? null : detail;
        } catch (RuntimeException notAProblem) {
            return null;
        }
    }

    /**
     * Keeps the answer until the filter has looked at it; an error sent with {@code sendError} becomes a status, so
     * that the container does not answer it with a page of its own.
     */
    private static final class ErrorsKept extends ContentCachingResponseWrapper {

        ErrorsKept(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendError(int status) {
            resetBuffer();
            setStatus(status);
        }

        @Override
        public void sendError(int status, String message) {
            resetBuffer();
            setStatus(status);
        }
    }
}

package cn.youfu.platform.web;

import cn.youfu.platform.InvalidParameterException;
import cn.youfu.platform.ProblemException;
import cn.youfu.platform.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.sql.SQLException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.util.ClassUtils;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every error leaves as an RFC 9457 problem detail in the request's language; nothing leaks a stack trace.
 * Unexpected failures are logged with a reference the person can quote.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    /** SQLSTATE character_not_in_repertoire: PostgreSQL's answer to U+0000 or an invalid byte sequence. */
    private static final String UNACCEPTABLE_CHARACTER = "22021";

    private final Problems problems;

    ProblemDetailsAdvice(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> onProblem(ProblemException problem, HttpServletRequest request) {
        var retryAfter = problem.properties().get(Problems.RETRY_AFTER);
        if (retryAfter != null) {
            return ResponseEntity.status(problem.status()).header(HttpHeaders.RETRY_AFTER, retryAfter.toString())
                    .contentType(Problems.PROBLEM_JSON).body(problems.of(problem, request));
        }
        return respond(problems.of(problem, request));
    }

    /** Method security refused: 401 when nobody is signed in, 403 when the signed-in role may not. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> onAccessDenied(AccessDeniedException denied, HttpServletRequest request) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .contentType(Problems.PROBLEM_JSON)
                    .body(simple(HttpStatus.UNAUTHORIZED, "unauthenticated", request));
        }
        return respond(simple(HttpStatus.FORBIDDEN, "forbidden", request));
    }

    /**
     * The firewall refused a parameter name when the handler read it (names are checked lazily; paths are checked
     * before any filter, by {@link RejectedRequests}).
     */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> onRejected(RequestRejectedException rejected, HttpServletRequest request) {
        return refuse("rejected-request", rejected.getMessage(), request);
    }

    /**
     * The server could not decode a query or form parameter (e.g. {@code ?x=%ZZ}: Tomcat parses parameters lazily,
     * when something first reads one, and refuses the request then).
     */
    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    ResponseEntity<ProblemDetail> onUndecodableParameter(RuntimeException undecodable, HttpServletRequest request) {
        return refuse("undecodable-parameter", undecodable.getMessage(), request);
    }

    /**
     * PostgreSQL refused a character of the request's text (SQLSTATE 22021, e.g. U+0000, which no text column can
     * hold or be compared with): the client's input, not our failure. The statement failed, so nothing was written.
     */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<ProblemDetail> onDataAccess(DataAccessException failure, HttpServletRequest request) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNACCEPTABLE_CHARACTER.equals(sql.getSQLState())) {
                return refuse("invalid-character", sql.getMessage(), request);
            }
        }
        return onUnexpected(failure, request);
    }

    /**
     * The servlet container could not read a multipart body (no boundary, truncated, malformed). A body over the
     * size limit is answered by {@link ResponseEntityExceptionHandler} (413) and never reaches this handler.
     */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> onUnreadableMultipart(MultipartException unreadable, HttpServletRequest request) {
        return refuse("unreadable-multipart", unreadable.getMessage(), request);
    }

    /** A 400 problem of {@code type} for input the client must correct; logged (not as an error) with {@code why}. */
    private ResponseEntity<ProblemDetail> refuse(String type, String why, HttpServletRequest request) {
        log.info("Request refused ({}) on {} {}: {}", type, request.getMethod(), request.getRequestURI(), why);
        return respond(simple(HttpStatus.BAD_REQUEST, type, request));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> onUnexpected(Exception failure, HttpServletRequest request) {
        var reference = UUID.randomUUID().toString();
        log.error("Unexpected failure {} on {} {}", reference, request.getMethod(), request.getRequestURI(), failure);
        var problem = problems.create(HttpStatus.INTERNAL_SERVER_ERROR, "internal", new Object[] {reference},
                Map.of("reference", reference), request);
        return respond(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return body(problems.of(InvalidParameterException.missing(ex.getParameterName()),
                servlet(request)));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        Class<?> required = ex.getRequiredType();
        var problem = required == LocalDate.class
                ? InvalidParameterException.notADate(name, ex.getValue())
                : InvalidParameterException.malformed(name, ex.getValue(), required != null
                        && Number.class.isAssignableFrom(ClassUtils.resolvePrimitiveIfNecessary(required))
                        ? "number" : "value");
        return body(problems.of(problem, servlet(request)));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
                var field = field(jackson);
                var expected = cause instanceof MismatchedInputException mismatch ? kind(mismatch.getTargetType())
                        : "value";
                return body(problems.create(HttpStatus.BAD_REQUEST, "unreadable-field", new Object[] {field,
                        new DefaultMessageSourceResolvable(new String[] {"kind." + expected}, expected)},
                        Map.of("field", field), servlet(request)));
            }
        }
        return body(simple(HttpStatus.BAD_REQUEST, "unreadable-body", servlet(request)));
    }

    /** The JSON path of the field Jackson could not read, e.g. {@code form.phone} or {@code photos[0]}. */
    private static String field(JacksonException failure) {
        var path = new StringBuilder();
        for (var reference : failure.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        var printable = path.toString().replaceAll("\\p{C}", "?");
        return printable.length() <= 100 ? printable : printable.substring(0, 100) + "…";
    }

    /** What the field should have been, in the words of the bundles' {@code kind.*} messages. */
    private static String kind(Class<?> target) {
        if (target == null) {
            return "value";
        }
        var type = ClassUtils.resolvePrimitiveIfNecessary(target);
        if (CharSequence.class.isAssignableFrom(type) || type.isEnum()) {
            return "text";
        }
        if (Number.class.isAssignableFrom(type)) {
            return "number";
        }
        if (type == Boolean.class) {
            return "boolean";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord() || !type.getName().startsWith("java.")) {
            return "object";
        }
        return "value";
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return body(simple(HttpStatus.NOT_FOUND, "not-found", servlet(request)));
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var problem = problems.create(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
                new Object[] {ex.getMethod(), String.join(", ", ex.getSupportedMethods() == null
                        ? new String[0] : ex.getSupportedMethods())}, Map.of(), servlet(request));
        var response = body(problem);
        return ResponseEntity.status(response.getStatusCode()).headers(ex.getHeaders())
                .contentType(Problems.PROBLEM_JSON).body(response.getBody());
    }

    /** Whatever else Spring MVC reports keeps its status, with a body from our bundles' generic messages. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail detail && detail.getType() != null
                && detail.getType().toString().startsWith("urn:youfu:")) {
            return super.handleExceptionInternal(ex, body, headers, statusCode, request);
        }
        var status = HttpStatus.resolve(statusCode.value());
        var problem = simple(status == null ? HttpStatus.BAD_REQUEST : status,
                statusCode.is4xxClientError() ? "bad-request" : "internal-http", servlet(request));
        return super.handleExceptionInternal(ex, problem, headers, statusCode, request);
    }

    private ProblemDetail simple(HttpStatus status, String code, HttpServletRequest request) {
        return problems.create(status, code, new Object[] {request == null ? "" : request.getRequestURI()}, Map.of(),
                request);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(Problems.PROBLEM_JSON).body(problem);
    }

    private static ResponseEntity<Object> body(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(Problems.PROBLEM_JSON).body(problem);
    }

    private static HttpServletRequest servlet(WebRequest request) {
        return request instanceof NativeWebRequest nativeRequest
                ? nativeRequest.getNativeRequest(HttpServletRequest.class) : null;
    }
}

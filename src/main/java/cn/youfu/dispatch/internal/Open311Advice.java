package cn.youfu.dispatch.internal;

import cn.youfu.platform.ProblemException;
import cn.youfu.platform.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * What every Open311 method shares: the one jurisdiction ({@code jurisdiction_id} may be left out; another one is not
 * found), and refusals as the specification's errors — Open311's own and the platform's problems alike — in the
 * format of the path's extension, in the request's language.
 */
@RestControllerAdvice(assignableTypes = {Open311Controller.class, Open311UpdatesController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class Open311Advice {

    private final Open311Settings settings;
    private final Open311Writer writer;
    private final Problems problems;
    private final MessageSource messages;

    Open311Advice(Open311Settings settings, Open311Writer writer, Problems problems, MessageSource messages) {
        this.settings = settings;
        this.writer = writer;
        this.problems = problems;
        this.messages = messages;
    }

    @ModelAttribute
    void jurisdiction(@RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
        if (jurisdiction != null && !jurisdiction.isBlank()
                && !jurisdiction.strip().equalsIgnoreCase(settings.jurisdictionId())) {
            throw Open311Exception.notFound("jurisdiction", jurisdiction.strip(), settings.jurisdictionId());
        }
    }

    @ExceptionHandler(Open311Exception.class)
    ResponseEntity<byte[]> onOpen311(Open311Exception refusal, HttpServletRequest request) {
        var description = messages.getMessage(refusal.messageCode(), refusal.arguments(),
                LocaleContextHolder.getLocale());
        var answer = ResponseEntity.status(refusal.status());
        if (refusal.retryAfterSeconds() > 0) {
            answer.header(HttpHeaders.RETRY_AFTER, String.valueOf(refusal.retryAfterSeconds()));
        }
        return errors(answer, refusal.status(), description, request);
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<byte[]> onProblem(ProblemException problem, HttpServletRequest request) {
        return errors(ResponseEntity.status(problem.status()), problem.status(),
                problems.of(problem, request).getDetail(), request);
    }

    private ResponseEntity<byte[]> errors(ResponseEntity.BodyBuilder answer, HttpStatus status, String description,
                                          HttpServletRequest request) {
        var format = Open311Format.ofPath(request.getRequestURI());
        return answer.contentType(format.type()).body(writer.errors(format, status.value(), description));
    }
}

package cn.youfu.web;

import cn.youfu.platform.ProblemException;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A page that cannot be shown: it answers the same problem (and message) as the API would. */
final class PageProblem extends ProblemException {

    private PageProblem(HttpStatus status, String code, Object... arguments) {
        super(status, code, arguments, Map.of());
    }

    static PageProblem itemNotFound(String code) {
        return new PageProblem(HttpStatus.NOT_FOUND, "page-item-not-found", code);
    }

    static PageProblem materialNotFound(String id) {
        return new PageProblem(HttpStatus.NOT_FOUND, "material-not-found", id);
    }

    static PageProblem certificateNotFound(String id) {
        return new PageProblem(HttpStatus.NOT_FOUND, "certificate-not-found", id);
    }

    static PageProblem documentNotFound(String id) {
        return new PageProblem(HttpStatus.NOT_FOUND, "disclosure-document-not-found", id);
    }
}

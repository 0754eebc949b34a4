package cn.youfu.web;

import cn.youfu.identity.CurrentUser;
import cn.youfu.identity.Role;
import cn.youfu.platform.ProblemException;
import cn.youfu.platform.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page knows (who is signed in, the page's own address for the language switch) and how pages fail: the
 * anonymous are sent to the sign-in form and brought back after it; other refusals are a page with the same words
 * as the API's problem details.
 */
@ControllerAdvice(basePackages = "cn.youfu.web")
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageAdvice {

    private final Problems problems;
    private final RequestCache requests = new HttpSessionRequestCache();

    PageAdvice(Problems problems) {
        this.problems = problems;
    }

    /** The signed-in person (demo form or the identity platform's sign-in), or null. */
    static CurrentUser viewer() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()) {
            return null;
        }
        try {
            return CurrentUser.of(authentication);
        } catch (IllegalArgumentException notAPageSignIn) {
            return null;
        }
    }

    @ModelAttribute
    void common(Model model, HttpServletRequest request) {
        var viewer = viewer();
        model.addAttribute("viewer", viewer);
        model.addAttribute("canApply", viewer != null && (viewer.has(Role.APPLICANT) || viewer.has(Role.ENTERPRISE)));
        model.addAttribute("isStaff", viewer != null && (viewer.has(Role.OFFICER) || viewer.has(Role.REVIEWER)
                || viewer.has(Role.SUPERVISOR) || viewer.has(Role.ADMIN)));
        model.addAttribute("isSupervisor", viewer != null && (viewer.has(Role.SUPERVISOR) || viewer.has(Role.ADMIN)));
        model.addAttribute("en", "en".equals(org.springframework.context.i18n.LocaleContextHolder.getLocale()
                .getLanguage()));
        model.addAttribute("currentPath", request.getRequestURI().substring(request.getContextPath().length()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    String denied(HttpServletRequest request, HttpServletResponse response, Model model) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            if ("GET".equals(request.getMethod())) {
                requests.saveRequest(request, response);
            }
            return "redirect:/login";
        }
        return page(problems.create(HttpStatus.FORBIDDEN, "forbidden", new Object[0], Map.of(), request), request,
                response, model);
    }

    @ExceptionHandler(ProblemException.class)
    String problem(ProblemException problem, HttpServletRequest request, HttpServletResponse response, Model model) {
        return page(problems.of(problem, request), request, response, model);
    }

    private String page(ProblemDetail problem, HttpServletRequest request, HttpServletResponse response,
                        Model model) {
        common(model, request);
        response.setStatus(problem.getStatus());
        model.addAttribute("problem", problem);
        return "error-page";
    }
}

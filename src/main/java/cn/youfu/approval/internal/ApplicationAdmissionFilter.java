package cn.youfu.approval.internal;

import cn.youfu.platform.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Admits {@code POST /api/v1/applications} before anything is spent on it: the token is checked, the body read and
 * the application decided only once it holds one of the {@link Admission} permits. So when more arrive than Youfu
 * decides, those waiting cost nothing but a parked thread, the few being decided have the processors to themselves,
 * and one refused as busy (503 with Retry-After) has cost nothing. It runs after the locale is known (for the
 * problem's language) and before Spring Security.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1)
class ApplicationAdmissionFilter extends OncePerRequestFilter {

    private static final String PATH = "/api/v1/applications";

    private final Admission admission;
    private final Problems problems;

    ApplicationAdmissionFilter(Admission admission, Problems problems) {
        this.admission = admission;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // Decoded, as the controller's mapping sees it: /api/v1/%61pplications is the same address.
        return !"POST".equals(request.getMethod())
                || !PATH.equals(UrlPathHelper.defaultInstance.getPathWithinApplication(request));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!admission.enter()) {
            problems.write(problems.of(ApprovalProblems.busy(1), request), response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            admission.leave();
        }
    }
}

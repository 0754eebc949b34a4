package cn.youfu.platform.web;

import cn.youfu.platform.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An {@code Accept} header that is not a list of media types ({@code garbage}, {@code application/json;q=abc}, an
 * unknown charset) makes content negotiation fail twice: for the answer, and again for the error about it, which
 * then leaves with a bare 406 or 415 and no body. It is refused first, as a 400 problem naming the header. It runs
 * just inside the outermost place, which is left to a filter that rewrites errors into a protocol's own format.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class UnreadableAcceptHeader extends OncePerRequestFilter {

    private final Problems problems;

    UnreadableAcceptHeader(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (var accept : Collections.list(request.getHeaders(HttpHeaders.ACCEPT))) {
            try {
                MediaType.parseMediaTypes(accept);
            } catch (IllegalArgumentException unreadable) {
                var shown = accept.length() <= 100 ? accept : accept.substring(0, 100) + "…";
                problems.write(problems.create(HttpStatus.BAD_REQUEST, "unreadable-accept", new Object[] {shown},
                        Map.of(), request), response);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}

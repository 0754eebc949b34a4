package cn.youfu.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * An application form posted with more than the servlet's multipart ceiling ({@code spring.servlet.multipart}) cannot
 * be parsed: none of its fields can be read, not even its CSRF token, and the resident would get an error page. This
 * filter, before Spring Security, sends the resident back to the form instead (303 See Other), which then says next
 * to the file input that the file is too large, in the same words as the materials module's own limit (see
 * {@link ServicePages}). The other fields are lost with the body. Only the pages' application forms
 * ({@code POST /services/{code}/apply}) of a signed-in session, judged by their Content-Length; the API keeps its
 * 413 problem detail.
 */
class OversizedUploads extends OncePerRequestFilter {

    /** The flash attribute the form finds after the redirect. */
    static final String TOO_LARGE = "uploadTooLarge";
    private static final Pattern APPLY = Pattern.compile("/services/[A-Za-z0-9-]+/apply");
    /** The body is read and dropped (so the browser sees the answer, not a reset) up to this many ceilings. */
    private static final long DRAINED_CEILINGS = 2;

    private final long ceiling;

    /** @param ceiling the largest multipart request the servlet parses, in bytes */
    OversizedUploads(long ceiling) {
        this.ceiling = ceiling;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        long length = request.getContentLengthLong();
        if (!"POST".equals(request.getMethod()) || length <= ceiling || !APPLY.matcher(path).matches()
                || request.getSession(false) == null) {
            chain.doFilter(request, response);
            return;
        }
        if (length <= DRAINED_CEILINGS * ceiling) {
            request.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        }
        var form = request.getContextPath() + path;
        var flash = new FlashMap();
        flash.put(TOO_LARGE, Boolean.TRUE);
        flash.setTargetRequestPath(form);
        new SessionFlashMapManager().saveOutputFlashMap(flash, request, response);
        response.setStatus(HttpStatus.SEE_OTHER.value());
        response.setHeader(HttpHeaders.LOCATION, form);
    }
}

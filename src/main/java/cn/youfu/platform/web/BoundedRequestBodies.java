package cn.youfu.platform.web;

import cn.youfu.platform.ProblemException;
import cn.youfu.platform.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds what reading a request body may cost: a body declared larger than {@code maxSize} is refused before a byte
 * of it is read (413), one that grows beyond it while being read is refused then (413), and one that is still
 * arriving {@code readTimeout} after its first read is refused (408). So a client that announces a large body and
 * sends it a byte at a time holds a request thread for at most the timeout (plus one socket read) and never more:
 * it holds nothing else, because nothing that is scarce (the approval's admission, a database connection) is taken
 * before the body has been read.
 *
 * <p>JSON bodies are bounded here: every API request but uploads. Multipart uploads have the servlet's own
 * multipart limits, a registry's CSV upload its module's ({@code youfu.sources.upload}), and form-encoded bodies are
 * read by the servlet container itself (Tomcat's {@code maxPostSize}, 2 MB).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
@EnableConfigurationProperties(BoundedRequestBodies.Settings.class)
class BoundedRequestBodies extends OncePerRequestFilter {

    /**
     * @param maxSize     the largest request body read through the input stream
     * @param readTimeout how long, from the first read, a body may take to arrive in full
     */
    @ConfigurationProperties("youfu.web.request-body")
    record Settings(@DefaultValue("1MB") DataSize maxSize, @DefaultValue("10s") Duration readTimeout) {
    }

    private final Settings settings;
    private final Problems problems;

    BoundedRequestBodies(Settings settings, Problems problems) {
        this.settings = settings;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        var type = request.getContentType();
        if (type == null) {
            return false;
        }
        try {
            var media = MediaType.parseMediaType(type);
            return !media.isCompatibleWith(MediaType.APPLICATION_JSON) && !media.getSubtype().endsWith("+json");
        } catch (InvalidMediaTypeException unreadable) {
            return false; // bounded; the handler answers the unreadable type as it would have
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = settings.maxSize().toBytes();
        if (request.getContentLengthLong() > limit) {
            response.setHeader("Connection", "close"); // the body is not read, so the connection cannot be reused
            problems.write(problems.of(tooLarge(limit), request), response);
            return;
        }
        chain.doFilter(new Bounded(request, limit, settings.readTimeout().toNanos()), response);
    }

    /** A body refused for its size or its slowness; nothing of the request was done. */
    static final class BodyRefused extends ProblemException {

        private BodyRefused(HttpStatus status, String code, Object[] arguments, Map<String, Object> properties) {
            super(status, code, arguments, properties);
        }
    }

    private static BodyRefused tooLarge(long limit) {
        return new BodyRefused(HttpStatus.PAYLOAD_TOO_LARGE, "body-too-large", new Object[] {limit / 1024},
                Map.of("maxBytes", limit));
    }

    private static BodyRefused tooSlow(long timeoutNanos) {
        return new BodyRefused(HttpStatus.REQUEST_TIMEOUT, "body-too-slow",
                new Object[] {Duration.ofNanos(timeoutNanos).toSeconds()}, Map.of());
    }

    /** The request with its input stream counted and timed. */
    private static final class Bounded extends HttpServletRequestWrapper {

        private final long limit;
        private final long timeoutNanos;
        private ServletInputStream stream;

        Bounded(HttpServletRequest request, long limit, long timeoutNanos) {
            super(request);
            this.limit = limit;
            this.timeoutNanos = timeoutNanos;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new BoundedStream(super.getInputStream(), limit, timeoutNanos);
            }
            return stream;
        }
    }

    /**
     * Fails the read that goes past the size limit or the deadline with the {@link ProblemException} to answer;
     * it is unchecked, so the JSON reader lets it through to the problem handler unchanged.
     */
    private static final class BoundedStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private final long timeoutNanos;
        private long read;
        private long deadline;
        private boolean begun;

        BoundedStream(ServletInputStream in, long limit, long timeoutNanos) {
            this.in = in;
            this.limit = limit;
            this.timeoutNanos = timeoutNanos;
        }

        @Override
        public int read() throws IOException {
            check();
            int b = in.read();
            return counted(b < 0 ? -1 : 1) < 0 ? -1 : b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            check();
            return counted(in.read(buffer, offset, length));
        }

        private void check() {
            long now = System.nanoTime();
            if (!begun) {
                begun = true;
                deadline = now + timeoutNanos;
            } else if (now - deadline > 0) {
                throw tooSlow(timeoutNanos);
            }
        }

        private int counted(int n) {
            if (n > 0) {
                read += n;
                if (read > limit) {
                    throw tooLarge(limit);
                }
            }
            return n;
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}

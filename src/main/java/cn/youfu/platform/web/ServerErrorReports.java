package cn.youfu.platform.web;

import cn.youfu.platform.Problems;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;

/**
 * What Tomcat refuses before Spring sees the request — a malformed request line or percent escape, an encoded slash,
 * headers over the size limit — is answered by Tomcat's error report valve, by default with a small HTML page. This
 * valve answers a problem detail instead, like every other refusal: {@code server-refused} with the status Tomcat
 * chose (4xx), or {@code internal} with a reference that is logged (5xx). Chinese unless the request asks for
 * English.
 */
@Configuration(proxyBeanMethods = false)
class ServerErrorReports {

    private static final Logger log = LoggerFactory.getLogger(ServerErrorReports.class);

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports(Problems problems) {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                // the host adds a valve of this class only when it has none: it finds ours
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
                host.getPipeline().addValve(new ProblemReportValve(problems));
            }
        });
    }

    /** Tomcat's error report as a problem detail (public: the host looks its class up by name). */
    public static final class ProblemReportValve extends ErrorReportValve {

        private final Problems problems;

        ProblemReportValve(Problems problems) {
            this.problems = problems;
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            var ioAllowed = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (status < 400 || response.getContentWritten() > 0 || !ioAllowed.get()) {
                return;
            }
            var english = request.getHeader("Accept-Language") != null
                    && "en".equals(request.getLocale().getLanguage());
            LocaleContextHolder.setLocale(english ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE);
            try {
                var resolved = HttpStatus.resolve(status);
                var problem = status >= 500 || resolved == null ? internal(throwable)
                        : problems.create(resolved, "server-refused", null, Map.of(), null);
                problem.setStatus(status);
                problems.write(problem, response.getResponse());
            } catch (IOException | RuntimeException e) {
                log.debug("Could not write the problem for a refused request", e);
            } finally {
                LocaleContextHolder.resetLocaleContext();
            }
        }

        private org.springframework.http.ProblemDetail internal(Throwable throwable) {
            var reference = UUID.randomUUID().toString();
            log.error("Server error {} reported by Tomcat", reference, throwable);
            return problems.create(HttpStatus.INTERNAL_SERVER_ERROR, "internal", new Object[] {reference},
                    Map.of("reference", reference), null);
        }
    }
}

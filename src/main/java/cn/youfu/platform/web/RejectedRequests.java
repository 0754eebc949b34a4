package cn.youfu.platform.web;

import cn.youfu.platform.Problems;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Spring Security's firewall refuses addresses that could be read two ways (an encoded slash or percent sign,
 * {@code ..}, a semicolon, a control character) before any controller runs; by default it answers a bare 400
 * without a body. This answers the same 400 as a problem detail, like every other refusal.
 */
@Configuration(proxyBeanMethods = false)
class RejectedRequests {

    private static final Logger log = LoggerFactory.getLogger(RejectedRequests.class);

    @Bean
    RequestRejectedHandler problemRequestRejectedHandler(Problems problems) {
        return (request, response, rejected) -> {
            log.info("Request refused on {} {}: {}", request.getMethod(), request.getRequestURI(),
                    rejected.getMessage());
            problems.write(problems.create(HttpStatus.BAD_REQUEST, "rejected-request",
                    new Object[] {request.getRequestURI()}, Map.of(), request), response);
        };
    }
}

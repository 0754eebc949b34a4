package cn.youfu.platform;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    /** China Standard Time: the zone every statutory date and deadline is counted in. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** The one clock every module reads time from; tests replace it. */
    @Bean
    Clock clock() {
        return Clock.system(CHINA);
    }
}

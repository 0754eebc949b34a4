package cn.youfu.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DivisionCodesConfiguration {

    @Bean
    DivisionCodes divisionCodes() {
        return DivisionCodes.standard();
    }
}

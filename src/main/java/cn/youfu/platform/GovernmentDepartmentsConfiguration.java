package cn.youfu.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class GovernmentDepartmentsConfiguration {

    @Bean
    GovernmentDepartments governmentDepartments() {
        return GovernmentDepartments.standard();
    }
}

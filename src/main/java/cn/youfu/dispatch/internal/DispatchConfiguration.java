package cn.youfu.dispatch.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DispatchSettings.class)
class DispatchConfiguration {

    @Bean
    Topics dispatchTopics() {
        return Topics.load();
    }
}

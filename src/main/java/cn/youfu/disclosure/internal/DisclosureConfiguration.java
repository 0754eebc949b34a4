package cn.youfu.disclosure.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DisclosureSettings.class)
class DisclosureConfiguration {
}

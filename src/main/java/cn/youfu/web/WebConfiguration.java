package cn.youfu.web;

import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Language: Chinese unless the browser or the person asks otherwise. {@code ?lang=en} switches and is remembered
 * in a cookie; without the cookie the Accept-Language header decides (API clients included). Application forms
 * over the servlet's multipart ceiling go back to the form ({@link OversizedUploads}).
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver() {
        var resolver = new CookieLocaleResolver("youfu-lang");
        resolver.setDefaultLocaleFunction(request -> request.getHeader("Accept-Language") == null
                ? Locale.SIMPLIFIED_CHINESE : request.getLocale());
        return resolver;
    }

    /** Before Spring Security (order -100), whose CSRF check would otherwise fail on a body it cannot parse. */
    @Bean
    FilterRegistrationBean<OversizedUploads> oversizedUploads(
            @Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFileSize,
            @Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize maxRequestSize) {
        var registration = new FilterRegistrationBean<>(new OversizedUploads(
                Math.min(maxFileSize.toBytes(), maxRequestSize.toBytes())));
        registration.setOrder(-101);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }
}

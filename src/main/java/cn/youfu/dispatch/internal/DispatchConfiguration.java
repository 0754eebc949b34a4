package cn.youfu.dispatch.internal;

import cn.youfu.platform.YoufuSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({DispatchSettings.class, Open311Settings.class})
class DispatchConfiguration {

    /** Demo mode's key for reporters' contacts when none is configured: public, so never for real data. */
    static final String DEMO_CONTACT_KEY = "59f0fc0e5ee1a7d2c3b4a5968778695a";

    /** Outermost, so that whatever refuses a request under /open311 answers in Open311's error format. */
    @Bean
    FilterRegistrationBean<Open311Errors> open311Errors(Open311Writer writer, MessageSource messages,
                                                         LocaleResolver locales) {
        var registration = new FilterRegistrationBean<>(new Open311Errors(writer, messages, locales));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    Topics dispatchTopics() {
        return Topics.load();
    }

    @Bean
    ContactCipher dispatchContactCipher(DispatchSettings settings, YoufuSettings youfu) {
        var key = settings.contactKey();
        if (key != null) {
            if (!ContactCipher.valid(key)) {
                throw new InvalidConfigurationPropertyValueException("youfu.dispatch.contact-key", "(hidden)",
                        "YOUFU_DISPATCH_CONTACT_KEY must be an SM4 key of 32 hexadecimal digits (128 bits), e.g. "
                                + "from openssl rand -hex 16.");
            }
            return new ContactCipher(key);
        }
        if (youfu.demo()) {
            return new ContactCipher(DEMO_CONTACT_KEY);
        }
        throw new InvalidConfigurationPropertyValueException("youfu.dispatch.contact-key", null,
                "YOUFU_MODE=production needs YOUFU_DISPATCH_CONTACT_KEY, the SM4 key (32 hexadecimal digits, e.g. "
                        + "from openssl rand -hex 16) that encrypts reporters' contact details in the database.");
    }
}

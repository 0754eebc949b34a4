package cn.youfu.cases.internal;

import cn.youfu.platform.LocalizedText;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The people's government that hears a reconsideration of a department's acts (行政复议法 Art. 24: the government at
 * the department's own level): {@code government.<department>} in the message bundles, else the city's.
 */
@Component
class Governments {

    private final MessageSource messages;

    Governments(MessageSource messages) {
        this.messages = messages;
    }

    LocalizedText of(String department) {
        return new LocalizedText(name(department, Locale.SIMPLIFIED_CHINESE), name(department, Locale.ENGLISH));
    }

    private String name(String department, Locale locale) {
        var city = messages.getMessage("government.default", null, locale);
        return department == null ? city : messages.getMessage("government." + department, null, city, locale);
    }
}

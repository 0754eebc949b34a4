package cn.youfu.cases.internal;

import cn.youfu.platform.GovernmentDepartments;
import cn.youfu.platform.LocalizedText;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The people's government that hears a reconsideration of a department's acts (行政复议法 Art. 24: the government at
 * the department's own level): the department's as {@link GovernmentDepartments} lists it, else the city's
 * ({@code government.default} in the message bundles).
 */
@Component
class Governments {

    private final GovernmentDepartments departments;
    private final MessageSource messages;

    Governments(GovernmentDepartments departments, MessageSource messages) {
        this.departments = departments;
        this.messages = messages;
    }

    LocalizedText of(String department) {
        return departments.find(department).map(GovernmentDepartments.Department::government)
                .orElseGet(() -> new LocalizedText(messages.getMessage("government.default", null,
                        Locale.SIMPLIFIED_CHINESE), messages.getMessage("government.default", null, Locale.ENGLISH)));
    }
}

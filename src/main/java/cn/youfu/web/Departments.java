package cn.youfu.web;

import cn.youfu.catalog.Catalog;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Departments by name, for the pages (cases carry only a department's code, e.g. {@code fz-civil-affairs}). The
 * catalogue names the departments that decide its items; the message bundles ({@code department.<code>}) name the
 * others cases are sent to (the 12345 centre, the departments of the dispatch routing table). A code named nowhere
 * is shown as it is.
 */
@Component
class Departments {

    private final Catalog catalog;
    private final MessageSource messages;

    Departments(Catalog catalog, MessageSource messages) {
        this.catalog = catalog;
        this.messages = messages;
    }

    /** The department's name in {@code locale}; its code when no one names it; null for null. */
    String name(String code, Locale locale) {
        if (code == null) {
            return null;
        }
        return catalog.items().stream().filter(i -> code.equals(i.department())).findFirst()
                .map(i -> i.departmentName().in(locale))
                .orElseGet(() -> messages.getMessage("department." + code, null, code, locale));
    }
}

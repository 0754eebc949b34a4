package cn.youfu.web;

import cn.youfu.catalog.Catalog;
import cn.youfu.platform.GovernmentDepartments;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Departments by name, for the pages (cases carry only a department's code, e.g. {@code fz-civil-affairs}). The list
 * of government departments names the city's and the districts' and counties' bodies items are decided by
 * ({@code gl-market-regulation}); the catalogue names the departments of its items; the message bundles
 * ({@code department.<code>}) name the others cases are sent to (the departments of the dispatch routing table). A
 * code named nowhere is shown as it is.
 */
@Component
class Departments {

    private final GovernmentDepartments departments;
    private final Catalog catalog;
    private final MessageSource messages;

    Departments(GovernmentDepartments departments, Catalog catalog, MessageSource messages) {
        this.departments = departments;
        this.catalog = catalog;
        this.messages = messages;
    }

    /** The department's name in {@code locale}; its code when no one names it; null for null. */
    String name(String code, Locale locale) {
        if (code == null) {
            return null;
        }
        return departments.find(code).map(d -> d.name().in(locale))
                .or(() -> catalog.items().stream().filter(i -> code.equals(i.department())).findFirst()
                        .map(i -> i.departmentName().in(locale)))
                .orElseGet(() -> messages.getMessage("department." + code, null, code, locale));
    }
}

package cn.youfu.approval.internal;

import cn.youfu.catalog.Facts;
import cn.youfu.catalog.ServiceItem;
import cn.youfu.platform.GovernmentDepartments;
import cn.youfu.platform.LocalizedText;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Sends an application to the body that issues its item where the matter belongs: the city's department for an item
 * issued at city level; for one issued by the districts and counties, the department of the item's kind of the
 * applicant's district (a resident's household, else their valid Fuzhou residence permit; an enterprise's
 * registration) or of the district a form field names. When the district cannot be told, or has no such body, the
 * city's department decides, as it would forward it.
 */
@Component
class Routing {

    private static final String FUZHOU_COUNTIES = "3501";

    private final GovernmentDepartments departments;

    Routing(GovernmentDepartments departments) {
        this.departments = departments;
    }

    /** The code of the department that decides the application. */
    String department(ServiceItem item, Map<String, Object> facts) {
        var issued = item.issuedBy();
        if (issued.level() == ServiceItem.Level.CITY) {
            return item.department();
        }
        var district = issued.districtFrom() != null ? text(map(facts.get(Facts.FORM)), issued.districtFrom())
                : district(facts);
        return district == null ? item.department()
                : departments.of(issued.kind(), district).map(GovernmentDepartments.Department::code)
                        .orElse(item.department());
    }

    /** The department's name: as the list of government departments has it, else as the item names its own. */
    LocalizedText name(String department, ServiceItem item) {
        return departments.find(department).map(GovernmentDepartments.Department::name)
                .orElse(item.departmentName());
    }

    /** The Fuzhou district or county the applicant belongs to, or null. */
    static String district(Map<String, Object> facts) {
        var enterprise = map(facts.get(Facts.ENTERPRISE));
        if (enterprise != null) {
            return inFuzhou(text(enterprise, "division"));
        }
        var person = map(facts.get(Facts.PERSON));
        if (person == null) {
            return null;
        }
        var hukou = inFuzhou(text(person, "hukou_division"));
        if (hukou != null) {
            return hukou;
        }
        var expiry = text(person, "residence_permit_expiry");
        var today = String.valueOf(facts.get(Facts.TODAY));
        return expiry != null && expiry.compareTo(today) >= 0 ? inFuzhou(text(person, "residence_permit_division"))
                : null;
    }

    /** A division of one of Fuzhou's districts and counties; null for any other (or the city's own, 350100). */
    private static String inFuzhou(String division) {
        return division != null && division.startsWith(FUZHOU_COUNTIES) && !division.endsWith("00") ? division
                : null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    }

    private static String text(Map<String, Object> record, String key) {
        return record == null || !(record.get(key) instanceof String text) || text.isBlank() ? null : text;
    }
}

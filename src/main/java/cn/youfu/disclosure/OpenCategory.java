package cn.youfu.disclosure;

import java.util.Arrays;
import java.util.Optional;

/**
 * The categories of information an agency publishes proactively (政府信息公开条例 Art. 20), in the article's order;
 * names in the bundles ({@code disclosure.category.<code>}).
 */
public enum OpenCategory {
    RULES("rules", 1),
    ORGANISATION("organisation", 2),
    PLANS("plans", 3),
    STATISTICS("statistics", 4),
    LICENSING("licensing", 5),
    PENALTIES("penalties", 6),
    BUDGETS("budgets", 7),
    FEES("fees", 8),
    PROCUREMENT("procurement", 9),
    MAJOR_PROJECTS("major-projects", 10),
    PUBLIC_SERVICES("public-services", 11),
    EMERGENCIES("emergencies", 12),
    INSPECTIONS("inspections", 13),
    RECRUITMENT("recruitment", 14),
    OTHER("other", 15);

    private final String code;
    private final int item;

    OpenCategory(String code, int item) {
        this.code = code;
        this.item = item;
    }

    public String code() {
        return code;
    }

    /** The item of Art. 20 that lists it (1–15). */
    public int item() {
        return item;
    }

    public static Optional<OpenCategory> of(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }
}

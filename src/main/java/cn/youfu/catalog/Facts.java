package cn.youfu.catalog;

import java.util.List;

/**
 * The variables a policy's CEL rules may read. Integers are {@code long}, dates ISO strings ({@code yyyy-MM-dd}, so
 * that they compare as text), records maps with snake_case keys as the sources name their columns.
 */
public final class Facts {

    private Facts() {
    }

    /** The applicant: {@code id}, {@code id_valid}, {@code name}, {@code birth_date}, {@code age}, {@code division}. */
    public static final String APPLICANT = "applicant";
    /** The population registry's record of the applicant, or null when not found. */
    public static final String PERSON = "person";
    /** The e-licence library's records of the applicant (list). */
    public static final String LICENCES = "licences";
    /** Benefits the applicant already receives (list). */
    public static final String BENEFITS = "benefits";
    /** The enterprise registry's record (enterprise applicants), or null. */
    public static final String ENTERPRISE = "enterprise";
    /** Entries on the credit (dishonesty) lists (list). */
    public static final String CREDIT = "credit";
    /** The marriage registry's record, or null. */
    public static final String MARRIAGE = "marriage";
    /** The highest degree on record, or null. */
    public static final String EDUCATION = "education";
    /** Social insurance record, or null. */
    public static final String INSURANCE = "insurance";
    /** Real estate held (list). */
    public static final String ESTATES = "estates";
    /** The police's records of offences (list): {@code kind}, {@code recorded_on}. */
    public static final String POLICE_RECORDS = "police";
    /** The application form's fields. */
    public static final String FORM = "form";
    /**
     * The materials submitted, by material code (e.g. {@code id-card-front}): {@code state} (PENDING, READING, READ,
     * FAILED) and {@code fields}, each field a map of {@code value}, {@code confidence} (0–1), {@code valid} (its
     * check character or date), {@code repaired} and {@code sure} (found, valid and confident enough to rely on).
     * An item's materials not submitted are absent.
     */
    public static final String MATERIALS = "materials";
    /** The application date, {@code yyyy-MM-dd} (China Standard Time). */
    public static final String TODAY = "today";

    public static final List<String> ALL = List.of(APPLICANT, PERSON, LICENCES, BENEFITS, ENTERPRISE, CREDIT,
            MARRIAGE, EDUCATION, INSURANCE, ESTATES, POLICE_RECORDS, FORM, TODAY,
            MATERIALS);
}

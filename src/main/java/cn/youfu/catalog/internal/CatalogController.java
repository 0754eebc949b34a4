package cn.youfu.catalog.internal;

import cn.youfu.catalog.Catalog;
import cn.youfu.catalog.ServiceItem;
import cn.youfu.platform.GovernmentDepartments;
import cn.youfu.platform.InvalidParameterException;
import cn.youfu.platform.Parameters;
import cn.youfu.platform.PublicEndpoint;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The catalogue, public: anyone may read what can be applied for, on what conditions and by which law. */
@RestController
@PublicEndpoint
@RequestMapping(path = "/api/v1/catalog/items", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Catalogue", description = "Service items: who may apply, what is needed, how long it takes, the law")
class CatalogController {

    private final Catalog catalog;
    private final MessageSource messages;
    private final GovernmentDepartments departments;

    CatalogController(Catalog catalog, MessageSource messages, GovernmentDepartments departments) {
        this.catalog = catalog;
        this.messages = messages;
        this.departments = departments;
    }

    /**
     * A limit in words and figures.
     *
     * @param unit  {@code WORKING_DAYS} (工作日) or {@code DAYS} (日: calendar days, Civil Code Art. 200–204)
     * @param text  the limit in the reader's language, e.g. "15 日（自然日）"
     * @param basis the provision (statutory limit) or commitment (promise) that sets it
     */
    record LimitView(int days, String unit, String text, String basis) {
    }

    /**
     * Who issues an item in reality.
     *
     * @param level      {@code city}, or {@code district} for an item the districts' and counties' bodies issue (an
     *                   application goes to the body of the applicant's district)
     * @param department the city's department (below the city: the one that decides when the district cannot be told)
     * @param body       in words: the department, or the kind of district body (e.g. 市场监督管理局)
     */
    record IssuingView(String level, String department, String body) {
    }

    /** @param statutory null when no law sets a limit for the item */
    record ItemSummary(String code, String name, String category, String department, String applicant,
                       LimitView statutory, LimitView promised, String fee, boolean issuesCertificate,
                       IssuingView issuedBy) {
    }

    record ConditionView(String id, String requirement, String basis, List<String> requires, String onFail,
                         String rule) {
    }

    record ItemView(String code, int version, String name, String summary, String whoMayApply, String category,
                    String department, String departmentName, String applicant, List<ServiceItem.LegalBasis> legalBasis,
                    LimitView statutory, LimitView promised, LimitView extension, long feeAmount, String fee, List<FieldView> form,
                    List<MaterialView> materials, List<String> sources, List<ConditionView> conditions,
                    String certificate, IssuingView issuedBy) {
    }

    record FieldView(String name, String type, boolean required, String label, List<String> options, int maxLength) {
    }

    record MaterialView(String code, String name, boolean required) {
    }

    @GetMapping
    @Operation(summary = "Browse and search the catalogue",
            description = "`q` searches names, summaries, categories and departments (Chinese or English); "
                    + "`applicant=resident|enterprise`; `department`.")
    List<ItemSummary> search(@RequestParam(required = false) String q,
                             @RequestParam(required = false) String applicant,
                             @RequestParam(required = false) String department) {
        var locale = LocaleContextHolder.getLocale();
        var who = Parameters.oneOf("applicant", applicant, null, "resident", "enterprise");
        if (q != null && q.length() > 100) {
            throw InvalidParameterException.outOfRange("q", q.length() + " characters", 0, 100);
        }
        var needle = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        return catalog.items().stream()
                .filter(i -> who == null || i.applicantType().name().equalsIgnoreCase(who))
                .filter(i -> department == null || i.department().equals(department))
                .filter(i -> needle.isEmpty() || matches(i, needle))
                .map(i -> new ItemSummary(i.code(), i.name().in(locale), i.category().in(locale), i.department(),
                        i.applicantType().name().toLowerCase(Locale.ROOT), statutory(i.timeLimit().statutory(), locale),
                        promised(i.timeLimit().promised(), locale), i.fee().note().in(locale), i.certificate() != null,
                        issuedBy(i, locale)))
                .toList();
    }

    @GetMapping("/{code}")
    @Operation(summary = "One item in full: conditions with their legal basis and rules, form, materials, limits")
    ItemView item(@PathVariable String code) {
        var locale = LocaleContextHolder.getLocale();
        var i = catalog.find(code).orElseThrow(() -> CatalogProblems.unknownItem(code));
        return new ItemView(i.code(), i.version(), i.name().in(locale), i.summary().in(locale),
                i.whoMayApply().in(locale), i.category().in(locale), i.department(), i.departmentName().in(locale),
                i.applicantType().name().toLowerCase(Locale.ROOT), i.legalBasis(),
                statutory(i.timeLimit().statutory(), locale), promised(i.timeLimit().promised(), locale),
                statutory(i.timeLimit().extension(), locale), i.fee().amount(),
                i.fee().note().in(locale),
                i.form().stream().map(f -> new FieldView(f.name(), f.type().name().toLowerCase(Locale.ROOT),
                        f.required(), f.label().in(locale), f.options(), f.maxLength())).toList(),
                i.materials().stream().map(m -> new MaterialView(m.code(), m.name().in(locale), m.required()))
                        .toList(),
                i.sources().stream().sorted().toList(),
                i.conditions().stream().map(c -> new ConditionView(c.id(), c.requirement().in(locale),
                        c.basis().cite(), c.requires().stream().sorted().toList(),
                        c.onFail().name().toLowerCase(Locale.ROOT), c.rule())).toList(),
                i.certificate() == null ? null : i.certificate().title().in(locale), issuedBy(i, locale));
    }

    private IssuingView issuedBy(ServiceItem item, Locale locale) {
        var issued = item.issuedBy();
        if (issued.level() == ServiceItem.Level.CITY) {
            return new IssuingView("city", item.department(), item.departmentName().in(locale));
        }
        var kind = departments.kindName(issued.kind()).map(k -> k.in(locale)).orElse(issued.kind());
        return new IssuingView("district", item.department(),
                messages.getMessage("item.issued.district", new Object[] {kind}, locale));
    }

    private LimitView statutory(ServiceItem.StatutoryLimit limit, Locale locale) {
        return limit == null ? null : new LimitView(limit.days(), limit.unit().name(),
                text(limit.days(), limit.unit(), locale), limit.basis().cite());
    }

    private LimitView promised(ServiceItem.PromisedLimit limit, Locale locale) {
        return new LimitView(limit.days(), limit.unit().name(), text(limit.days(), limit.unit(), locale), limit.basis());
    }

    private String text(int days, ServiceItem.DayUnit unit, Locale locale) {
        return messages.getMessage("limit." + unit.name(), new Object[] {days}, locale);
    }

    private static boolean matches(ServiceItem item, String needle) {
        return item.code().contains(needle)
                || contains(item.name(), needle) || contains(item.summary(), needle)
                || contains(item.category(), needle) || contains(item.departmentName(), needle);
    }

    private static boolean contains(cn.youfu.platform.LocalizedText text, String needle) {
        return text.zh().toLowerCase(Locale.ROOT).contains(needle) || text.en().toLowerCase(Locale.ROOT).contains(needle);
    }
}

package cn.youfu.web;

import cn.youfu.approval.Applications;
import cn.youfu.approval.DecisionView;
import cn.youfu.approval.InvalidForm;
import cn.youfu.catalog.Catalog;
import cn.youfu.catalog.ServiceItem;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The catalogue (public), an item's page in plain words, its application form and the decision at once. */
@Controller
class ServicePages {

    private final Catalog catalog;
    private final Applications applications;
    private final QrCodes qrCodes;

    ServicePages(Catalog catalog, Applications applications, QrCodes qrCodes) {
        this.catalog = catalog;
        this.applications = applications;
        this.qrCodes = qrCodes;
    }

    /** The catalogue; with htmx ({@code HX-Request}) only the results, as the search box is typed in. */
    @GetMapping("/services")
    String catalogue(@RequestParam(required = false) String q,
                     @RequestHeader(name = "HX-Request", required = false) String htmx, Model model, Locale locale) {
        var query = q == null ? "" : q.strip();
        model.addAttribute("q", query);
        model.addAttribute("items", search(query, locale));
        return htmx != null ? "services/list :: results" : "services/list";
    }

    @GetMapping("/services/{code}")
    String item(@PathVariable String code, Model model) {
        model.addAttribute("item", item(code));
        return "services/item";
    }

    @GetMapping("/services/{code}/apply")
    @PreAuthorize("hasAnyRole('APPLICANT','ENTERPRISE')")
    String form(@PathVariable String code, Model model) {
        model.addAttribute("item", item(code));
        model.addAttribute("values", Map.of());
        model.addAttribute("errors", Map.of());
        return "services/apply";
    }

    /** Decides at once; a wrong field shows the form again with the message next to the field. */
    @PostMapping("/services/{code}/apply")
    @PreAuthorize("hasAnyRole('APPLICANT','ENTERPRISE')")
    String apply(@PathVariable String code, @RequestParam Map<String, String> posted, Model model,
                 RedirectAttributes redirect) {
        var item = item(code);
        var form = new LinkedHashMap<String, Object>();
        item.form().forEach(f -> {
            var value = posted.get(f.name());
            if (value != null && !value.isBlank()) {
                form.put(f.name(), value.strip());
            }
        });
        try {
            DecisionView decision = applications.apply(PageAdvice.viewer(), item.code(), form);
            redirect.addFlashAttribute("decision", decision);
            return "redirect:/applications/" + decision.reference();
        } catch (InvalidForm invalid) {
            model.addAttribute("item", item);
            model.addAttribute("values", form);
            model.addAttribute("errors", invalid.fieldErrors());
            return "services/apply";
        }
    }

    /** The decision just made (shown once); afterwards the case page tells the same. */
    @GetMapping("/applications/{reference}")
    @PreAuthorize("hasAnyRole('APPLICANT','ENTERPRISE')")
    String decision(@PathVariable String reference, Model model) {
        if (!(model.getAttribute("decision") instanceof DecisionView decision)
                || !decision.reference().equals(reference)) {
            return "redirect:/my/cases/" + reference;
        }
        model.addAttribute("qr", qrCodes.of(decision.certificate() == null ? List.of()
                : List.of(decision.certificate().id())));
        return "services/decision";
    }

    private ServiceItem item(String code) {
        return catalog.find(code).orElseThrow(() -> PageProblem.itemNotFound(code));
    }

    private List<ServiceItem> search(String query, Locale locale) {
        var words = query.toLowerCase(Locale.ROOT);
        return catalog.items().stream()
                .filter(i -> words.isEmpty() || text(i).contains(words))
                .sorted(Comparator.comparing((ServiceItem i) -> i.category().in(locale))
                        .thenComparing(i -> i.name().in(locale)))
                .toList();
    }

    private static String text(ServiceItem i) {
        return String.join(" ", i.code(), i.name().zh(), i.name().en(), i.category().zh(), i.category().en(),
                i.summary().zh(), i.summary().en(), i.departmentName().zh(), i.departmentName().en())
                .toLowerCase(Locale.ROOT);
    }
}

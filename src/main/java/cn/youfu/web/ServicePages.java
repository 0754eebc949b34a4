package cn.youfu.web;

import cn.youfu.approval.Applications;
import cn.youfu.approval.DecisionView;
import cn.youfu.approval.InvalidForm;
import cn.youfu.cases.CaseEngine;
import cn.youfu.catalog.Catalog;
import cn.youfu.platform.GovernmentDepartments;
import cn.youfu.catalog.ServiceItem;
import cn.youfu.platform.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
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
import org.springframework.web.multipart.MultipartRequest;
import org.springframework.web.util.WebUtils;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The catalogue (public), an item's page in plain words, its application form (with the materials to upload) and the
 * decision at once.
 */
@Controller
class ServicePages {

    private final Catalog catalog;
    private final GovernmentDepartments departments;
    private final Applications applications;
    private final MaterialUploads uploads;
    private final QrCodes qrCodes;
    private final CaseEngine cases;

    ServicePages(Catalog catalog, Applications applications, MaterialUploads uploads, QrCodes qrCodes,
                 CaseEngine cases, GovernmentDepartments departments) {
        this.departments = departments;
        this.catalog = catalog;
        this.cases = cases;
        this.applications = applications;
        this.uploads = uploads;
        this.qrCodes = qrCodes;
    }

    /**
     * A material submitted with the application: its reading's state when the decision was made (what the decision
     * rested on, as the case records it) and now, just after (a reading may finish after the decision's wait).
     */
    record Submitted(String name, String decided, String now) {

        /** Whether the reading has moved on since the decision. */
        public boolean changed() {
            return !decided.equals(now);
        }
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
        var item = item(code);
        model.addAttribute("item", item);
        // an item the districts issue: the kind of body, of the applicant's district (市场监督管理局)
        model.addAttribute("districtBody", item.issuedBy().level() == ServiceItem.Level.CITY ? null
                : departments.kindName(item.issuedBy().kind()).orElse(null));
        return "services/item";
    }

    @GetMapping("/services/{code}/apply")
    @PreAuthorize("hasAnyRole('APPLICANT','ENTERPRISE')")
    String form(@PathVariable String code, Model model, Locale locale) {
        var item = item(code);
        // sent back by OversizedUploads: the form was posted with a file over the servlet's ceiling
        var slots = Boolean.TRUE.equals(model.getAttribute(OversizedUploads.TOO_LARGE))
                ? uploads.tooLarge(item, locale) : Map.<String, MaterialUploads.Slot>of();
        return form(item, Map.of(), Map.of(), slots, model);
    }

    /**
     * Uploads the materials, then decides at once. A wrong field or a refused upload shows the form again with the
     * message next to it, every value kept (and materials already uploaded kept, not sent again).
     */
    @PostMapping("/services/{code}/apply")
    @PreAuthorize("hasAnyRole('APPLICANT','ENTERPRISE')")
    String apply(@PathVariable String code, @RequestParam Map<String, String> posted, Model model,
                 RedirectAttributes redirect, HttpServletRequest request, Locale locale) {
        var item = item(code);
        var form = new LinkedHashMap<String, Object>();
        item.form().forEach(f -> {
            var value = posted.get(f.name());
            if (value != null && !value.isBlank()) {
                form.put(f.name(), value.strip());
            }
        });
        var user = PageAdvice.viewer();
        var slots = uploads.receive(user, item, WebUtils.getNativeRequest(request, MultipartRequest.class), posted,
                locale);
        if (MaterialUploads.anyError(slots)) {
            return form(item, form, Map.of(), slots, model);
        }
        try {
            DecisionView decision = applications.apply(user, item.code(), form, MaterialUploads.ids(slots));
            redirect.addFlashAttribute("decision", decision);
            var decided = decidedStates(decision.reference(), user);
            redirect.addFlashAttribute("submitted", uploads.readings(slots).stream().map(m -> new Submitted(
                    item.materials().stream().filter(x -> x.code().equals(m.type())).findFirst()
                            .map(x -> x.name().in(locale)).orElse(m.type()),
                    decided.getOrDefault(m.type(), m.state().name()), m.state().name())).toList());
            return "redirect:/applications/" + decision.reference();
        } catch (InvalidForm invalid) {
            return form(item, form, invalid.fieldErrors(), slots, model);
        } catch (ProblemException refused) {
            // A material the approval module cannot use (it vanished, is not this user's): ask for it again.
            if (!(refused.properties().get("material") instanceof String material) || !slots.containsKey(material)) {
                throw refused;
            }
            var again = new LinkedHashMap<>(slots);
            again.put(material, new MaterialUploads.Slot(null, null, uploads.askAgain(item, material, locale)));
            return form(item, form, Map.of(), again, model);
        }
    }

    private String form(ServiceItem item, Map<String, ?> values, Map<String, String> errors,
                        Map<String, MaterialUploads.Slot> slots, Model model) {
        model.addAttribute("item", item);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("materials", uploads.readable(item));
        model.addAttribute("otherMaterials", uploads.notReadable(item));
        model.addAttribute("slots", slots);
        model.addAttribute("materialErrors", slots.entrySet().stream().filter(e -> e.getValue().error() != null)
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().error(),
                        (a, b) -> a, LinkedHashMap::new)));
        model.addAttribute("maxMegabytes", uploads.maxMegabytes());
        return "services/apply";
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

    /** Material code → the state of its reading the decision saw, as the case's details record it. */
    private Map<String, String> decidedStates(String reference, cn.youfu.identity.CurrentUser applicant) {
        var states = new LinkedHashMap<String, String>();
        if (cases.view(reference, applicant).details().get("materials") instanceof List<?> listed) {
            for (var entry : listed) {
                if (entry instanceof Map<?, ?> m && m.get("material") instanceof String code
                        && m.get("state") instanceof String state) {
                    states.put(code, state);
                }
            }
        }
        return states;
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

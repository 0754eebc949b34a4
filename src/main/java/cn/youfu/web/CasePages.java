package cn.youfu.web;

import cn.youfu.audit.Ledger;
import cn.youfu.cases.CaseEngine;
import cn.youfu.cases.CaseLists;
import cn.youfu.cases.CaseView;
import cn.youfu.catalog.Catalog;
import cn.youfu.catalog.ServiceItem;
import cn.youfu.certificates.Certificates;
import cn.youfu.identity.Directory;
import cn.youfu.platform.ResidentId;
import cn.youfu.platform.ProblemException;
import cn.youfu.platform.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cases: "my cases" for residents and enterprises, the inbox and case page for officers. Both case pages show the
 * same case (the case engine decides who may see it and which actions they may take); officers also see the
 * machine's findings, the application (fields by their labels in the catalogue item), the materials with the fields
 * read on them, and the timeline from the ledger — actors by role and name, a resident's name masked, never their ID
 * number.
 */
@Controller
class CasePages {

    private static final String MINE = "/my/cases/";
    private static final String OFFICER = "/officer/cases/";
    /** Requests for government information have their own pages (the disclosure module's steps and letters). */
    private static final String DISCLOSURE = "information-disclosure";

    private final CaseEngine cases;
    private final CaseLists lists;
    private final Ledger ledger;
    private final Certificates certificates;
    private final Problems problems;
    private final MessageSource messages;
    private final JsonMapper json;
    private final QrCodes qrCodes;
    private final Catalog catalog;
    private final CaseMaterials materials;
    private final Directory directory;
    private final Departments departments;

    CasePages(CaseEngine cases, CaseLists lists, Ledger ledger, Certificates certificates, Problems problems,
              MessageSource messages, JsonMapper json, QrCodes qrCodes, Catalog catalog, CaseMaterials materials,
              Directory directory, Departments departments) {
        this.departments = departments;
        this.qrCodes = qrCodes;
        this.catalog = catalog;
        this.materials = materials;
        this.directory = directory;
        this.cases = cases;
        this.lists = lists;
        this.ledger = ledger;
        this.certificates = certificates;
        this.problems = problems;
        this.messages = messages;
        this.json = json;
    }

    /** One line of the timeline: what the ledger recorded, in words; the actor by role and name. */
    record Event(int sequence, Instant at, String actor, String what, String note) {
    }

    /** A field of the application form: its label in the catalogue item (its name when the item lacks it). */
    record FormValue(String name, String label, Object value) {
    }

    @GetMapping("/my/cases")
    @PreAuthorize("hasAnyRole('APPLICANT','ENTERPRISE')")
    String mine(Model model) {
        model.addAttribute("cases", lists.ofApplicant(PageAdvice.viewer().username()));
        return "cases/mine";
    }

    @GetMapping("/my/cases/{reference}")
    @PreAuthorize("hasAnyRole('APPLICANT','ENTERPRISE')")
    String myCase(@PathVariable String reference, @RequestParam(required = false) String done, Model model,
                  Locale locale) {
        model.addAttribute("done", done != null);
        return page(cases.view(reference, PageAdvice.viewer()), false, model, locale);
    }

    @GetMapping("/officer/inbox")
    @PreAuthorize("hasAnyRole('OFFICER','REVIEWER','SUPERVISOR','ADMIN')")
    String inbox(@RequestParam(required = false) String scope, Model model) {
        boolean mineOnly = "mine".equals(scope);
        model.addAttribute("mineOnly", mineOnly);
        var open = lists.inbox(PageAdvice.viewer(), mineOnly, 200);
        model.addAttribute("cases", open);
        // assignees by name (in production an account is the identity platform's subject id)
        var names = new HashMap<String, String>();
        open.stream().map(c -> c.assignee()).filter(a -> a != null && !names.containsKey(a))
                .forEach(a -> names.put(a, directory.displayName(a).orElse(a)));
        model.addAttribute("names", names);
        return "cases/inbox";
    }

    @GetMapping("/officer/cases/{reference}")
    @PreAuthorize("hasAnyRole('OFFICER','REVIEWER','SUPERVISOR','ADMIN')")
    String officerCase(@PathVariable String reference, @RequestParam(required = false) String done, Model model,
                       Locale locale) {
        model.addAttribute("done", done != null);
        return page(cases.view(reference, PageAdvice.viewer()), true, model, locale);
    }

    @PostMapping("/my/cases/{reference}/actions")
    @PreAuthorize("hasAnyRole('APPLICANT','ENTERPRISE')")
    String myAction(@PathVariable String reference, @RequestParam String action,
                    @RequestParam(required = false) String comment, Model model, Locale locale,
                    HttpServletRequest request) {
        return act(reference, action, comment, null, false, model, locale, request);
    }

    @PostMapping("/officer/cases/{reference}/actions")
    @PreAuthorize("hasAnyRole('OFFICER','REVIEWER','SUPERVISOR','ADMIN')")
    String officerAction(@PathVariable String reference, @RequestParam String action,
                         @RequestParam(required = false) String comment,
                         @RequestParam(required = false) String expectedDays, Model model, Locale locale,
                         HttpServletRequest request) {
        return act(reference, action, comment, wholeNumber(expectedDays), true, model, locale, request);
    }

    /** A positive whole number as typed, or null (the case engine then says what is missing). */
    private static Integer wholeNumber(String typed) {
        if (typed == null || !typed.strip().matches("\\d{1,4}")) {
            return null;
        }
        return Integer.valueOf(typed.strip());
    }

    @PostMapping("/officer/cases/{reference}/assignee")
    @PreAuthorize("hasAnyRole('OFFICER','SUPERVISOR','ADMIN')")
    String reassign(@PathVariable String reference, @RequestParam(required = false) String assignee, Model model,
                    Locale locale, HttpServletRequest request) {
        var user = PageAdvice.viewer();
        try {
            cases.assign(reference, assignee, user);
            return "redirect:" + OFFICER + reference + "?done=assign";
        } catch (ProblemException refused) {
            model.addAttribute("assignError", problems.of(refused, request).getDetail());
            return page(cases.view(reference, user), true, model, locale);
        }
    }

    /** A certificate's PDF for its holder or staff (the same 404 page for anyone else). */
    @GetMapping("/certificates/{id}/pdf")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<byte[]> certificate(@PathVariable String id) {
        return certificates.pdf(id, PageAdvice.viewer()).orElseThrow(() -> PageProblem.certificateNotFound(id))
                .download();
    }

    /** Takes the action; a refusal (a missing reason, a state that changed) shows the page again with why. */
    private String act(String reference, String action, String comment, Integer expectedDays, boolean staff,
                       Model model, Locale locale, HttpServletRequest request) {
        var user = PageAdvice.viewer();
        var reason = comment == null || comment.isBlank() ? null : comment.strip();
        try {
            cases.take(reference, action, reason, expectedDays, user);
            return "redirect:" + (staff ? OFFICER : MINE) + reference + "?done=" + action;
        } catch (ProblemException refused) {
            model.addAttribute("failedAction", action);
            model.addAttribute("actionError", problems.of(refused, request).getDetail());
            model.addAttribute("comment", comment);
            return page(cases.view(reference, user), staff, model, locale);
        }
    }

    private String page(CaseView view, boolean staff, Model model, Locale locale) {
        if (DISCLOSURE.equals(view.type())) {
            return "redirect:/disclosure/requests/" + view.reference();
        }
        model.addAttribute("view", view);
        model.addAttribute("staff", staff);
        model.addAttribute("departmentName", departments.name(view.department(), locale));
        var item = view.details().get("item") instanceof String code ? catalog.find(code).orElse(null) : null;
        model.addAttribute("form", form(view.details().get("form"), item, locale));
        model.addAttribute("findings", view.details().get("findings") instanceof List<?> f ? f : List.of());
        model.addAttribute("materials", materials.of(view.details(), item, PageAdvice.viewer(), staff, locale));
        model.addAttribute("hasMaterials", item != null && !item.materials().isEmpty()
                || view.details().get("materials") instanceof List<?>);
        var issued = certificates.ofCase(view.reference());
        model.addAttribute("certificates", issued);
        model.addAttribute("qr", qrCodes.of(issued.stream().map(c -> c.id()).toList()));
        var names = new HashMap<String, String>();
        model.addAttribute("assigneeName", view.assignee() == null ? null
                : directory.displayName(view.assignee()).orElse(view.assignee()));
        model.addAttribute("timeline", ledger.entries(view.reference()).stream()
                .map(e -> new Event(e.sequence(), e.at(), names.computeIfAbsent(e.actor(), a -> actor(a, view, locale)),
                        what(e.action(), locale), note(e.payload())))
                .toList());
        return "cases/case";
    }

    private static List<FormValue> form(Object posted, ServiceItem item, Locale locale) {
        if (!(posted instanceof Map<?, ?> values)) {
            return List.of();
        }
        return values.entrySet().stream().map(e -> {
            var name = String.valueOf(e.getKey());
            var label = item == null ? name : item.form().stream().filter(f -> f.name().equals(name)).findFirst()
                    .map(f -> f.label().in(locale)).orElse(name);
            return new FormValue(name, label, e.getValue());
        }).toList();
    }

    /**
     * Who acted, as staff and residents may read it: the platform, the applicant (name masked), an officer by name;
     * a resident's ID number is never shown whole.
     */
    private String actor(String actor, CaseView view, Locale locale) {
        if (actor == null || actor.isBlank() || "system".equals(actor)) {
            return messages.getMessage("actor.system", null, locale);
        }
        if (actor.equals(view.applicant().username())) {
            return messages.getMessage("actor.applicant", new Object[] {maskName(view.applicant().name())}, locale);
        }
        var name = directory.displayName(actor);
        if (name.isPresent()) {
            return messages.getMessage("actor.staff", new Object[] {name.get()}, locale);
        }
        if (ResidentId.isValid(actor)) {
            return messages.getMessage("actor.resident", new Object[] {ResidentId.of(actor).masked()}, locale);
        }
        return actor;
    }

    /** The first character of a name, the rest as {@code *}: 陈有福 → 陈**. */
    static String maskName(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        var stripped = name.strip();
        var first = stripped.codePointAt(0);
        var rest = stripped.codePointCount(0, stripped.length()) - 1;
        return new StringBuilder().appendCodePoint(first).append("*".repeat(Math.max(rest, 1))).toString();
    }

    private String what(String action, Locale locale) {
        var key = action.startsWith("case.transition.") ? "case.transition" : action;
        var named = messages.getMessage("timeline." + key, null, action, locale);
        return action.startsWith("case.transition.")
                ? named + " · " + action.substring("case.transition.".length()) : named;
    }

    /** The words a person gave with the action (a reason, a comment), or the assignee by name, if any. */
    private String note(String payload) {
        if (payload == null || payload.isBlank() || !payload.startsWith("{")) {
            return null;
        }
        var fields = json.readValue(payload, Map.class);
        for (var key : List.of("comment", "reason")) {
            if (fields.get(key) instanceof String text && !text.isBlank()) {
                return text;
            }
        }
        if (fields.get("assignee") instanceof String assignee && !assignee.isBlank()) {
            return directory.displayName(assignee).orElse(assignee);
        }
        return null;
    }
}

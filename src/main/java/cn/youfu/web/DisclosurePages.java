package cn.youfu.web;

import cn.youfu.disclosure.DisclosureRequests;
import cn.youfu.disclosure.DisclosureRequests.NewRequest;
import cn.youfu.disclosure.DisclosureRequests.Reply;
import cn.youfu.disclosure.DisclosureRequests.ReplyView;
import cn.youfu.disclosure.DisclosureRequests.RequestView;
import cn.youfu.disclosure.DisclosureSupervision;
import cn.youfu.disclosure.OpenCategory;
import cn.youfu.disclosure.OpenDocuments;
import cn.youfu.disclosure.OpenDocuments.NewDocument;
import cn.youfu.disclosure.ReplyType;
import cn.youfu.disclosure.WithholdingGround;
import cn.youfu.identity.CurrentUser;
import cn.youfu.platform.Parameters;
import cn.youfu.platform.ProblemException;
import cn.youfu.platform.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 依申请公开 on the pages: a resident or an enterprise asks, follows the request and its clock, corrects it when asked,
 * reads the reply and downloads the signed reply letter; the agency's officers ask for a correction, consult, reply;
 * its supervisor extends. Every step goes through the disclosure module, which checks the law's rules and the
 * department; a refusal shows the page again with the reason next to the form.
 */
@Controller
class DisclosurePages {

    private static final String REQUEST = "/disclosure/requests/";

    private final DisclosureRequests requests;
    private final DisclosureSupervision supervision;
    private final OpenDocuments documents;
    private final Problems problems;
    private final List<String> agencies;

    DisclosurePages(DisclosureRequests requests, DisclosureSupervision supervision, OpenDocuments documents,
                    Problems problems,
                    @Value("${youfu.disclosure.agencies:fz-government-office}") List<String> agencies) {
        this.requests = requests;
        this.supervision = supervision;
        this.documents = documents;
        this.problems = problems;
        this.agencies = List.copyOf(agencies);
    }

    @GetMapping("/disclosure/apply")
    @PreAuthorize("hasAnyRole('APPLICANT','ENTERPRISE')")
    String applyForm(Model model) {
        model.addAttribute("form", new NewRequest(agencies.get(0), "", "", "", "online", "", "", ""));
        return form(model);
    }

    @PostMapping("/disclosure/apply")
    @PreAuthorize("hasAnyRole('APPLICANT','ENTERPRISE')")
    String apply(@RequestParam(required = false) String agency, @RequestParam(required = false) String description,
                 @RequestParam(required = false) String documentTitle,
                 @RequestParam(required = false) String documentNumber,
                 @RequestParam(required = false) String delivery, @RequestParam(required = false) String phone,
                 @RequestParam(required = false) String email, @RequestParam(required = false) String address,
                 Model model, HttpServletRequest request) {
        var form = new NewRequest(agency, description, documentTitle, documentNumber, delivery, phone, email, address);
        try {
            var view = requests.submit(form, PageAdvice.viewer());
            return "redirect:" + REQUEST + view.reference() + "?done=submitted";
        } catch (ProblemException refused) {
            model.addAttribute("form", form);
            refusal(refused, request, model);
            return form(model);
        }
    }

    private String form(Model model) {
        model.addAttribute("agencies", agencies);
        model.addAttribute("deliveries", List.of("online", "email", "post", "pickup"));
        return "disclosure/apply";
    }

    @GetMapping(REQUEST + "{reference}")
    @PreAuthorize("isAuthenticated()")
    String request(@PathVariable String reference, @RequestParam(required = false) String done, Model model) {
        model.addAttribute("done", done);
        return page(reference, model);
    }

    @GetMapping(REQUEST + "{reference}/clock")
    @PreAuthorize("isAuthenticated()")
    String clock(@PathVariable String reference, Model model) {
        model.addAttribute("view", requests.view(reference, PageAdvice.viewer()));
        model.addAttribute("clock", requests.clock(reference, PageAdvice.viewer()));
        return "disclosure/clock";
    }

    @GetMapping(REQUEST + "{reference}/letter")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<byte[]> letter(@PathVariable String reference) {
        var file = requests.letter(reference, PageAdvice.viewer());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.number() + ".pdf", StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(file.bytes());
    }

    @GetMapping(REQUEST + "{reference}/files/{sm3}")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<byte[]> file(@PathVariable String reference, @PathVariable String sm3) {
        var file = requests.file(reference, sm3, PageAdvice.viewer());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.name(), StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(file.bytes());
    }

    @PostMapping(REQUEST + "{reference}/correction-request")
    @PreAuthorize("hasRole('OFFICER')")
    String requestCorrection(@PathVariable String reference, @RequestParam(required = false) String whatToCorrect,
                             @RequestParam(required = false) String workingDays, Model model,
                             HttpServletRequest request) {
        return step(reference, "request-correction", model, request, () -> requests.requestCorrection(reference,
                whatToCorrect, workingDays == null || workingDays.isBlank() ? null
                        : Parameters.integer("workingDays", workingDays, 1, 30, null),
                PageAdvice.viewer()));
    }

    @PostMapping(REQUEST + "{reference}/correction")
    @PreAuthorize("hasAnyRole('APPLICANT','ENTERPRISE')")
    String correct(@PathVariable String reference, @RequestParam(required = false) String description, Model model,
                   HttpServletRequest request) {
        return step(reference, "correct", model, request,
                () -> requests.correct(reference, description, PageAdvice.viewer()));
    }

    @PostMapping(REQUEST + "{reference}/consultation")
    @PreAuthorize("hasRole('OFFICER')")
    String consult(@PathVariable String reference, @RequestParam(required = false) String party,
                   @RequestParam(required = false) String who, @RequestParam(required = false) String what,
                   Model model, HttpServletRequest request) {
        return step(reference, "consult", model, request,
                () -> requests.consult(reference, party, who, what, PageAdvice.viewer()));
    }

    @PostMapping(REQUEST + "{reference}/consultation/end")
    @PreAuthorize("hasRole('OFFICER')")
    String endConsultation(@PathVariable String reference, @RequestParam(required = false) String opinion,
                           Model model, HttpServletRequest request) {
        return step(reference, "end-consultation", model, request,
                () -> requests.endConsultation(reference, opinion, PageAdvice.viewer()));
    }

    @PostMapping(REQUEST + "{reference}/extension")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String extend(@PathVariable String reference, @RequestParam(required = false) String reason, Model model,
                  HttpServletRequest request) {
        return step(reference, "extend", model, request,
                () -> requests.extend(reference, reason, PageAdvice.viewer()));
    }

    @PostMapping(REQUEST + "{reference}/withdrawal")
    @PreAuthorize("hasAnyRole('APPLICANT','ENTERPRISE')")
    String withdraw(@PathVariable String reference, Model model, HttpServletRequest request) {
        return step(reference, "withdraw", model, request,
                () -> requests.withdraw(reference, PageAdvice.viewer()));
    }

    @PostMapping(REQUEST + "{reference}/reply")
    @PreAuthorize("hasRole('OFFICER')")
    String reply(@PathVariable String reference, @RequestParam(required = false) String type,
                 @RequestParam(required = false) String text, @RequestParam(required = false) String location,
                 @RequestParam(required = false) String withheld,
                 @RequestParam(required = false) List<String> grounds,
                 @RequestParam(required = false) String otherAgency, Model model, HttpServletRequest request) {
        return step(reference, "reply", model, request, () -> requests.reply(reference, new Reply(type, text,
                blankToNull(location), blankToNull(withheld), grounds, blankToNull(otherAgency), null, null),
                PageAdvice.viewer()));
    }

    /** Takes a step; a refusal shows the request again with the reason next to the step's form. */
    private String step(String reference, String step, Model model, HttpServletRequest request,
                        Supplier<Object> action) {
        try {
            action.get();
            return "redirect:" + REQUEST + reference + "?done=" + step;
        } catch (ProblemException refused) {
            model.addAttribute("failedStep", step);
            refusal(refused, request, model);
            return page(reference, model);
        }
    }

    private void refusal(ProblemException refused, HttpServletRequest request, Model model) {
        var problem = problems.of(refused, request);
        model.addAttribute("error", problem.getDetail());
        var parameter = problem.getProperties() == null ? null : problem.getProperties().get("parameter");
        model.addAttribute("errorField", parameter == null ? null : parameter.toString());
    }

    private String page(String reference, Model model) {
        var viewer = PageAdvice.viewer();
        RequestView view = requests.view(reference, viewer);
        model.addAttribute("view", view);
        model.addAttribute("reply", view.closed() ? reply(reference, viewer) : null);
        model.addAttribute("isApplicant", !isStaff(viewer));
        model.addAttribute("replyTypes", List.of(ReplyType.values()));
        model.addAttribute("grounds", List.of(WithholdingGround.values()));
        return "disclosure/request";
    }

    private ReplyView reply(String reference, CurrentUser viewer) {
        try {
            return requests.replyOf(reference, viewer);
        } catch (ProblemException noReply) {
            return null; // abandoned or withdrawn: closed without a reply
        }
    }

    /** A reply letter's public verification page, the address printed on the letter: nothing personal. */
    @GetMapping("/disclosure/letters/{id}/verify")
    String verify(@PathVariable String id, Model model) {
        model.addAttribute("check", requests.verifyLetter(id));
        return "disclosure/letter-verify";
    }

    /** The department's open requests (all departments for supervisors), at-risk ones first. */
    @GetMapping("/officer/disclosure")
    @PreAuthorize("hasAnyRole('OFFICER','REVIEWER','SUPERVISOR','ADMIN')")
    String inbox(Model model) {
        model.addAttribute("lines", supervision.inbox(PageAdvice.viewer()));
        return "disclosure/inbox";
    }

    /** On-time reply rates per department this year so far. */
    @GetMapping("/supervisor/disclosure")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN')")
    String supervision(Model model) {
        var today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        model.addAttribute("figures", supervision.figures(today.withDayOfYear(1), today));
        model.addAttribute("late", documents.late(PageAdvice.viewer(), 50));
        return "disclosure/supervision";
    }

    /** An officer publishes a document of their department into an Art. 20 category (主动公开). */
    @GetMapping("/officer/disclosure/documents/new")
    @PreAuthorize("hasRole('OFFICER')")
    String publishForm(Model model) {
        model.addAttribute("document", new NewDocument("", "", "", "", LocalDate.now(ZoneId.of("Asia/Shanghai"))));
        model.addAttribute("categories", List.of(OpenCategory.values()));
        return "disclosure/publish";
    }

    @PostMapping("/officer/disclosure/documents")
    @PreAuthorize("hasRole('OFFICER')")
    String publish(@RequestParam(required = false) String category, @RequestParam(required = false) String title,
                   @RequestParam(required = false) String documentNumber, @RequestParam(required = false) String body,
                   @RequestParam(required = false) String formedOn, Model model, HttpServletRequest request) {
        var today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        try {
            var formed = Parameters.date("formedOn", formedOn, today.minusYears(50), today);
            var published = documents.publish(new NewDocument(category, title, documentNumber, body, formed),
                    PageAdvice.viewer());
            return "redirect:/open/documents/" + published.id();
        } catch (ProblemException refused) {
            model.addAttribute("document", new NewDocument(category, title, documentNumber, body, today));
            model.addAttribute("categories", List.of(OpenCategory.values()));
            refusal(refused, request, model);
            return "disclosure/publish";
        }
    }

    private static boolean isStaff(CurrentUser viewer) {
        return viewer.roles().stream().anyMatch(r -> switch (r) {
            case OFFICER, REVIEWER, SUPERVISOR, ADMIN -> true;
            default -> false;
        });
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}

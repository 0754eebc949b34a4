package cn.youfu.disclosure.internal;

import cn.youfu.disclosure.DisclosureClock;
import cn.youfu.disclosure.DisclosureRequests.LetterFile;
import cn.youfu.disclosure.DisclosureRequests.NewRemedy;
import cn.youfu.disclosure.DisclosureRequests.NewRequest;
import cn.youfu.disclosure.DisclosureRequests.ProvidedFile;
import cn.youfu.disclosure.DisclosureRequests.RecordedRemedy;
import cn.youfu.disclosure.DisclosureRequests.Reply;
import cn.youfu.disclosure.DisclosureRequests.ReplyView;
import cn.youfu.disclosure.DisclosureRequests.RequestView;
import cn.youfu.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/disclosure-requests", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Disclosure requests", description = "依申请公开: requests for government information on the law's clock")
class DisclosureController {

    private final DisclosureService service;
    private final ClockWords words;

    DisclosureController(DisclosureService service, ClockWords words) {
        this.service = service;
        this.words = words;
    }

    record CorrectionRequest(String whatToCorrect, Integer workingDays) {
    }

    record Correction(String description) {
    }

    record Consultation(String party, String who, String what) {
    }

    record Opinion(String opinion) {
    }

    record Reason(String reason) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('APPLICANT','ENTERPRISE')")
    @Operation(summary = "Ask for government information (Art. 29); received today (Art. 31)")
    ResponseEntity<RequestView> submit(@RequestBody NewRequest request, Authentication authentication) {
        var view = service.submit(request, CurrentUser.of(authentication));
        return ResponseEntity.created(URI.create("/api/v1/disclosure-requests/" + view.reference())).body(view);
    }

    @GetMapping("/{reference}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "A request: the applicant's own, or the department's for its staff")
    RequestView view(@PathVariable String reference, Authentication authentication) {
        return service.view(reference, CurrentUser.of(authentication));
    }

    @GetMapping("/{reference}/clock")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The reply period day by day: counted, skipped (weekends, holidays), paused, with reasons")
    ClockWords.ClockAnswer clock(@PathVariable String reference, Authentication authentication) {
        DisclosureClock.Explanation explanation = service.clock(reference, CurrentUser.of(authentication));
        return words.of(reference, explanation);
    }

    @PostMapping(path = "/{reference}/correction-request", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('OFFICER')")
    @Operation(summary = "Ask the applicant once, within 7 working days of receipt, to correct the request (Art. 30)")
    RequestView requestCorrection(@PathVariable String reference, @RequestBody CorrectionRequest body,
                                  Authentication authentication) {
        return service.requestCorrection(reference, body.whatToCorrect(), body.workingDays(),
                CurrentUser.of(authentication));
    }

    @PostMapping(path = "/{reference}/correction", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('APPLICANT','ENTERPRISE')")
    @Operation(summary = "Send the corrected request: the 20 working days start again (Art. 30)")
    RequestView correct(@PathVariable String reference, @RequestBody Correction body, Authentication authentication) {
        return service.correct(reference, body.description(), CurrentUser.of(authentication));
    }

    @PostMapping(path = "/{reference}/consultations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('OFFICER')")
    @Operation(summary = "Consult a third party (15 working days) or another agency; the clock stands still")
    RequestView consult(@PathVariable String reference, @RequestBody Consultation body,
                        Authentication authentication) {
        return service.consult(reference, body.party(), body.who(), body.what(), CurrentUser.of(authentication));
    }

    @PostMapping(path = "/{reference}/consultations/end", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('OFFICER')")
    @Operation(summary = "Record the consulted party's opinion; the clock runs again")
    RequestView endConsultation(@PathVariable String reference, @RequestBody Opinion body,
                                Authentication authentication) {
        return service.endConsultation(reference, body.opinion(), CurrentUser.of(authentication));
    }

    @PostMapping(path = "/{reference}/extension", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('SUPERVISOR')")
    @Operation(summary = "Extend by 20 working days, once, before the deadline, the reason told (Art. 33)")
    RequestView extend(@PathVariable String reference, @RequestBody Reason body, Authentication authentication) {
        return service.extend(reference, body.reason(), CurrentUser.of(authentication));
    }

    @PostMapping(path = "/{reference}/reply", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('OFFICER')")
    @Operation(summary = "Reply as the law types it (Art. 36, 37); issues the signed reply letter")
    ResponseEntity<ReplyView> reply(@PathVariable String reference, @RequestBody Reply body,
                                    Authentication authentication) {
        var reply = service.reply(reference, body, CurrentUser.of(authentication));
        return ResponseEntity.created(URI.create("/api/v1/disclosure-requests/" + reference + "/reply")).body(reply);
    }

    @GetMapping("/{reference}/reply")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The reply, its grounds, fee and remedy")
    ReplyView replyOf(@PathVariable String reference, Authentication authentication) {
        return service.replyOf(reference, CurrentUser.of(authentication));
    }

    @GetMapping(path = "/{reference}/reply-letter", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The signed reply letter (答复告知书), PDF")
    ResponseEntity<byte[]> letter(@PathVariable String reference, Authentication authentication) {
        return pdf(service.letter(reference, CurrentUser.of(authentication)));
    }

    @GetMapping("/{reference}/files/{sm3}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "A file provided with the reply")
    ResponseEntity<byte[]> file(@PathVariable String reference, @PathVariable String sm3,
                                Authentication authentication) {
        return download(service.file(reference, sm3, CurrentUser.of(authentication)));
    }

    /** A provided file as a download under its name, never kept by shared caches. */
    static ResponseEntity<byte[]> download(ProvidedFile file) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.name(), StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(file.bytes());
    }

    /** A letter as a download named after its number, never kept by shared caches. */
    static ResponseEntity<byte[]> pdf(LetterFile file) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.number() + ".pdf", StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(file.bytes());
    }

    @PostMapping(path = "/{reference}/remedies", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('OFFICER','SUPERVISOR')")
    @Operation(summary = "Record a reconsideration or lawsuit against the reply and its result (annual report)")
    RecordedRemedy remedy(@PathVariable String reference, @RequestBody NewRemedy body,
                          Authentication authentication) {
        return service.recordRemedy(reference, body, CurrentUser.of(authentication));
    }

    @PostMapping("/{reference}/withdrawal")
    @PreAuthorize("hasAnyRole('APPLICANT','ENTERPRISE')")
    @Operation(summary = "Withdraw the request before the reply")
    RequestView withdraw(@PathVariable String reference, Authentication authentication) {
        return service.withdraw(reference, CurrentUser.of(authentication));
    }
}

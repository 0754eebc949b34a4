package cn.youfu.disclosure.internal;

import cn.youfu.disclosure.OpenDocuments;
import cn.youfu.disclosure.OpenDocuments.NewDocument;
import cn.youfu.disclosure.OpenDocuments.OpenDocument;
import cn.youfu.disclosure.OpenDocuments.Summary;
import cn.youfu.identity.CurrentUser;
import cn.youfu.platform.Parameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/disclosure/documents", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Proactive disclosure", description = "主动公开: officers publish, replace and withdraw documents")
class DocumentController {

    private final OpenDocuments documents;

    DocumentController(OpenDocuments documents) {
        this.documents = documents;
    }

    record Replacement(String category, String title, String documentNumber, String body, LocalDate formedOn,
                       String changeNote) {
    }

    record Withdrawal(String reason) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('OFFICER')")
    @Operation(summary = "Publish a document of your department into an Art. 20 category; due 20 working days "
            + "after formedOn (Art. 26)")
    ResponseEntity<OpenDocument> publish(@RequestBody NewDocument body, Authentication authentication) {
        var published = documents.publish(body, CurrentUser.of(authentication));
        return ResponseEntity.created(URI.create("/api/v1/open/documents/" + published.id())).body(published);
    }

    @PostMapping(path = "/{id}/versions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('OFFICER')")
    @Operation(summary = "Replace the text (the information changed on formedOn); the old version stays listed")
    OpenDocument replace(@PathVariable String id, @RequestBody Replacement body, Authentication authentication) {
        return documents.replace(id, new NewDocument(body.category(), body.title(), body.documentNumber(),
                body.body(), body.formedOn()), body.changeNote(), CurrentUser.of(authentication));
    }

    @PostMapping(path = "/{id}/withdrawal", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('OFFICER')")
    @Operation(summary = "Withdraw a document; its versions stay readable")
    OpenDocument withdraw(@PathVariable String id, @RequestBody Withdrawal body, Authentication authentication) {
        return documents.withdraw(id, body.reason(), CurrentUser.of(authentication));
    }

    @GetMapping("/late")
    @PreAuthorize("hasAnyRole('OFFICER','SUPERVISOR','ADMIN')")
    @Operation(summary = "Documents published more than 20 working days after their information was formed")
    List<Summary> late(@RequestParam(required = false) String size, Authentication authentication) {
        return documents.late(CurrentUser.of(authentication), Parameters.integer("size", size, 1, 500, 100));
    }
}

package cn.youfu.certificates.internal;

import cn.youfu.identity.CurrentUser;
import cn.youfu.platform.PublicEndpoint;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/certificates", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Certificates", description = "Electronic certificates: verify (public), download, list your own")
class CertificateController {


    private final CertificateService service;
    private final MessageSource messages;

    CertificateController(CertificateService service, MessageSource messages) {
        this.service = service;
        this.messages = messages;
    }

    record PublicHolder(String name, String id) {
    }

    /** The public, masked answer: what anyone who scanned the QR code may learn. */
    record VerificationView(boolean valid, String number, String item, String itemCode, PublicHolder holder,
                            String issuingAuthority, OffsetDateTime issuedAt, LocalDate validFrom,
                            LocalDate validUntil, String status, String documentSm3, String dataSm3,
                            List<String> reasons) {

        static VerificationView of(Verification v, MessageSource messages, Locale locale) {
            var c = v.certificate();
            return new VerificationView(v.valid(), c.number(), c.itemName().in(locale), c.itemCode(),
                    new PublicHolder(HolderMasking.name(c.holderName(), c.holderId()), HolderMasking.id(c.holderId())),
                    c.issuingAuthority().in(locale), c.issuedAt().atZone(CertificateRecord.CHINA).toOffsetDateTime(),
                    c.validFrom(), c.validUntil(), v.status().name(), c.documentSm3(), v.dataSm3(),
                    v.findings().stream().map(f -> messages.getMessage("certificate.reason." + f.name(),
                            new Object[] {c.validUntil(), c.revocationReason()}, f.name(), locale)).toList());
        }
    }

    record HolderView(String id, String name) {
    }

    /** What the holder and staff see: everything recorded, unmasked. */
    record CertificateView(String id, String number, String caseReference, String itemCode, String item,
                           String title, HolderView holder, String issuingDepartment, String issuingAuthority,
                           LocalDate validFrom, LocalDate validUntil, Map<String, String> fields,
                           OffsetDateTime issuedAt, String documentSm3, String keyId, String status,
                           OffsetDateTime revokedAt, String downloadPath, String verifyPath) {

        static CertificateView of(Verification v, Locale locale) {
            var c = v.certificate();
            return new CertificateView(c.id().toString(), c.number(), c.caseReference(), c.itemCode(),
                    c.itemName().in(locale), c.title().in(locale), new HolderView(c.holderId(), c.holderName()),
                    c.issuingDepartment(), c.issuingAuthority().in(locale), c.validFrom(), c.validUntil(), c.fields(),
                    c.issuedAt().atZone(CertificateRecord.CHINA).toOffsetDateTime(), c.documentSm3(), c.keyId(),
                    v.status().name(), c.revokedAt() == null ? null
                    : c.revokedAt().atZone(CertificateRecord.CHINA).toOffsetDateTime(), c.downloadPath(),
                    c.verifyApiPath());
        }
    }

    @GetMapping("/{id}/verify")
    @PublicEndpoint
    @Operation(summary = "Verify a certificate (no sign-in): its PDF's hash, SM2 signature, revocation and validity; "
            + "the holder is masked")
    VerificationView verify(@PathVariable String id) {
        var certificate = service.find(id).orElseThrow(() -> CertificateProblems.notFound(id));
        return VerificationView.of(service.verify(certificate), messages, LocaleContextHolder.getLocale());
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "My certificates (as holder), newest first")
    List<CertificateView> mine(Authentication authentication) {
        var user = CurrentUser.of(authentication);
        var ids = new LinkedHashSet<String>();
        if (user.subjectId() != null) {
            ids.add(user.subjectId());
        }
        ids.add(user.username());
        var locale = LocaleContextHolder.getLocale();
        return service.ofHolder(ids).stream().map(c -> CertificateView.of(service.verify(c), locale)).toList();
    }

    @GetMapping("/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "A certificate, in full, for its holder and the staff who may see its case (the read is "
            + "recorded); 404 for others")
    CertificateView view(@PathVariable String id, Authentication authentication) {
        var certificate = service.visible(id, CurrentUser.of(authentication), "view")
                .orElseThrow(() -> CertificateProblems.notFound(id));
        return CertificateView.of(service.verify(certificate), LocaleContextHolder.getLocale());
    }

    /** @param reason why the certificate no longer stands (the licence was withdrawn, it was obtained by fraud, …) */
    record RevokeRequest(String reason) {
    }

    @PostMapping(path = "/{id}/revocation", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('OFFICER')")
    @Operation(summary = "Revoke a certificate: an officer of the issuing department, with a reason (recorded on "
            + "the case's ledger); the public verification page shows it revoked and later decisions no longer "
            + "count it")
    CertificateView revoke(@PathVariable String id, @RequestBody RevokeRequest request, Authentication authentication) {
        var revoked = service.revokeAsStaff(id, request.reason(), CurrentUser.of(authentication));
        return CertificateView.of(service.verify(revoked), LocaleContextHolder.getLocale());
    }

    @GetMapping(path = "/{id}/pdf", produces = {MediaType.APPLICATION_PDF_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The certificate's PDF, for its holder and the staff who may see its case (the download "
            + "is recorded); 404 for others")
    ResponseEntity<byte[]> pdf(@PathVariable String id, Authentication authentication) {
        return service.pdf(id, CurrentUser.of(authentication))
                .orElseThrow(() -> CertificateProblems.notFound(id)).download();
    }

}

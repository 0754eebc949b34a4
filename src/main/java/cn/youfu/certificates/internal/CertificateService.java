package cn.youfu.certificates.internal;

import cn.youfu.cases.CaseEngine;
import cn.youfu.certificates.CertificatePersonalDataViewed;
import cn.youfu.certificates.CertificateIssued;
import cn.youfu.certificates.CertificateRevoked;
import cn.youfu.certificates.HeldCertificate;
import cn.youfu.certificates.Certificates;
import cn.youfu.certificates.IssueCertificate;
import cn.youfu.certificates.IssuedCertificate;
import cn.youfu.certificates.internal.CertificateConfiguration.CertificateSigningKey;
import cn.youfu.documents.Documents;
import cn.youfu.identity.CurrentUser;
import cn.youfu.identity.Role;
import cn.youfu.platform.InvalidParameterException;
import cn.youfu.platform.PublicSiteSettings;
import cn.youfu.platform.Sm2SigningKey;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Service
class CertificateService implements Certificates {

    /** Who may read any certificate in full. */
    private static final java.util.Set<Role> STAFF = java.util.EnumSet.of(Role.OFFICER, Role.SUPERVISOR, Role.ADMIN);

    static final String PDF = "application/pdf";

    private final IssuedCertificates records;
    private final Documents documents;
    private final CertificatePdf pdf;
    private final Sm2SigningKey key;
    private final CertificateSettings settings;
    private final PublicSiteSettings site;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final CaseEngine cases;
    private final Map<String, Optional<PublicKey>> publicKeys = new ConcurrentHashMap<>();

    CertificateService(IssuedCertificates records, Documents documents, CertificatePdf pdf,
                       CertificateSigningKey key, CertificateSettings settings, PublicSiteSettings site,
                       ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactions,
                       CaseEngine cases) {
        this.records = records;
        this.cases = cases;
        this.documents = documents;
        this.pdf = pdf;
        this.key = key.key();
        this.settings = settings;
        this.site = site;
        this.events = events;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions); // REQUIRED: joins the caller's transaction
    }

    /** Publishes this instance's public key before the first certificate, so that any instance can verify. */
    @EventListener(ApplicationReadyEvent.class)
    void registerKey() {
        transaction.executeWithoutResult(status -> records.registerKey(key, clock.instant()));
    }

    @Override
    public IssuedCertificate issue(IssueCertificate command) {
        return transaction.execute(status -> {
            var issuedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
            String number = "%s-%d-%06d".formatted(settings.numberPrefix(),
                    LocalDate.ofInstant(issuedAt, CertificateRecord.CHINA).getYear(), records.nextNumber());
            var numbered = new CertificateRecord(UUID.randomUUID(), number, command.caseReference(),
                    command.itemCode(), command.itemName(), command.title(), command.holder().id(),
                    command.holder().name(), command.issuingDepartment(), command.issuingAuthority(),
                    command.validFrom(), command.validUntil(), command.fields(), issuedAt, null, null, null, null,
                    null);
            byte[] dataHash = CertificateSignatures.dataHash(numbered);
            byte[] bytes = pdf.render(numbered, site.link(numbered.verifyPagePath()),
                    CertificateSignatures.hex(dataHash));
            String documentSm3 = documents.store(bytes, PDF).sm3();
            byte[] signature = key.sign(CertificateSignatures.signedMessage(dataHash, documentSm3));
            var issued = numbered.signed(documentSm3, key.keyId(), signature);
            records.insert(issued);
            events.publishEvent(new CertificateIssued(issued.id().toString(), number, issued.caseReference(),
                    issued.itemCode(), documentSm3, key.keyId(), HolderMasking.name(issued.holderName(),
                    issued.holderId()) + " " + HolderMasking.id(issued.holderId()), issued.validFrom(),
                    issued.validUntil(), issuedAt));
            return issued(issued);
        });
    }

    @Override
    public boolean revoke(String certificateId, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a revocation needs a reason");
        }
        var found = parse(certificateId).flatMap(records::find);
        if (found.isEmpty()) {
            return false;
        }
        var certificate = found.get();
        var at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String who = actor == null || actor.isBlank() ? "system" : actor;
        return Boolean.TRUE.equals(transaction.execute(status -> {
            if (!records.revoke(certificate.id(), at, reason.trim(), who)) {
                return false;
            }
            events.publishEvent(new CertificateRevoked(certificate.id().toString(), certificate.number(),
                    certificate.caseReference(), reason.trim(), who, at));
            return true;
        }));
    }

    /**
     * Revokes a certificate as a member of staff: an officer of the issuing department who may see its case, with a
     * reason; recorded on the case's ledger stream ({@link CertificateRevoked}). Refused as a problem otherwise.
     */
    CertificateRecord revokeAsStaff(String id, String reason, CurrentUser officer) {
        var certificate = visible(id, officer, "revoke").orElseThrow(() -> CertificateProblems.notFound(id));
        if (!certificate.issuingDepartment().equals(officer.department())) {
            throw CertificateProblems.notIssuer(certificate.number(), certificate.issuingDepartment());
        }
        if (reason == null || reason.isBlank()) {
            throw InvalidParameterException.missing("reason");
        }
        if (!revoke(id, reason.strip(), officer.username())) {
            throw CertificateProblems.alreadyRevoked(certificate.number());
        }
        return find(id).orElseThrow();
    }

    Optional<CertificateRecord> find(String id) {
        return parse(id).flatMap(records::find);
    }

    @Override
    public java.util.List<HeldCertificate> heldBy(String holderId) {
        return holderId == null || holderId.isBlank() ? java.util.List.of() : records.heldBy(holderId);
    }

    @Override
    public java.util.List<IssuedCertificate> ofCase(String caseReference) {
        return records.ofCase(caseReference).stream().map(CertificateService::issued).toList();
    }

    @Override
    public Optional<CertificateFile> pdf(String certificateId, CurrentUser user) {
        return visible(certificateId, user, "download").map(certificate -> new CertificateFile(certificate.number(),
                documents.find(certificate.documentSm3()).filter(d -> documents.intact(certificate.documentSm3()))
                        .orElseThrow(() -> CertificateProblems.damaged(certificate.number())).bytes()));
    }

    /**
     * The certificate if the user holds it, or is staff who may see the case that issued it; empty for others, as
     * for an unknown id. A read by staff is recorded with its {@code purpose} on the case's ledger stream.
     */
    Optional<CertificateRecord> visible(String id, CurrentUser user, String purpose) {
        var found = find(id);
        if (found.isEmpty() || holds(found.get(), user)) {
            return found;
        }
        var certificate = found.get();
        if (user.roles().stream().noneMatch(STAFF::contains) || !cases.visibleTo(certificate.caseReference(), user)) {
            return Optional.empty();
        }
        events.publishEvent(new CertificatePersonalDataViewed(certificate.id().toString(), certificate.number(),
                certificate.caseReference(), user.username(), purpose, clock.instant()));
        return found;
    }

    private static boolean holds(CertificateRecord c, CurrentUser user) {
        return c.holderId().equals(user.subjectId()) || c.holderId().equals(user.username());
    }

    private static IssuedCertificate issued(CertificateRecord c) {
        return new IssuedCertificate(c.id().toString(), c.number(), c.documentSm3(), c.validFrom(), c.validUntil(),
                c.downloadPath(), c.verifyApiPath());
    }

    java.util.List<CertificateRecord> ofHolder(java.util.Collection<String> holderIds) {
        return records.ofHolder(holderIds);
    }

    /** Re-checks the stored PDF's hash, the signature, revocation and validity, as of today (China). */
    Verification verify(CertificateRecord c) {
        var findings = new ArrayList<CertificateStatus>();
        if (!documents.intact(c.documentSm3())) {
            findings.add(CertificateStatus.TAMPERED);
        }
        byte[] dataHash = CertificateSignatures.dataHash(c);
        boolean authentic = trustedKey(c.keyId())
                .map(publicKey -> Sm2SigningKey.verify(publicKey,
                        CertificateSignatures.signedMessage(dataHash, c.documentSm3()), c.signature()))
                .orElse(false);
        if (!authentic) {
            findings.add(CertificateStatus.SIGNATURE_INVALID);
        }
        if (c.revokedAt() != null) {
            findings.add(CertificateStatus.REVOKED);
        }
        if (c.validUntil() != null && LocalDate.now(clock.withZone(CertificateRecord.CHINA)).isAfter(c.validUntil())) {
            findings.add(CertificateStatus.EXPIRED);
        }
        return new Verification(c, findings, CertificateSignatures.hex(dataHash));
    }

    private Optional<PublicKey> trustedKey(String keyId) {
        if (!settings.trustedKeyIds().isEmpty() && !settings.trustedKeyIds().contains(keyId)) {
            return Optional.empty();
        }
        var cached = publicKeys.get(keyId);
        if (cached != null) {
            return cached;
        }
        var loaded = records.publicKey(keyId)
                .filter(encoded -> Sm2SigningKey.keyId(encoded).equals(keyId)) // the id pins the key
                .flatMap(encoded -> {
                    try {
                        return Optional.of(Sm2SigningKey.publicKey(encoded));
                    } catch (GeneralSecurityException e) {
                        return Optional.empty();
                    }
                });
        loaded.ifPresent(k -> publicKeys.put(keyId, loaded));
        return loaded;
    }

    private static Optional<UUID> parse(String id) {
        try {
            return id == null ? Optional.empty() : Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

package cn.youfu.certificates;

/** Electronic certificates: the facade the approval engine calls. */
public interface Certificates {

    /**
     * Issues a certificate inside the caller's transaction (a new one when there is none): renders the PDF, stores it
     * in the document library, signs it, records it and publishes {@link CertificateIssued} (recorded on the ledger
     * stream of the case). If the caller's transaction rolls back, no certificate was issued; its number is then
     * skipped, never reused.
     *
     * @throws IllegalArgumentException when the command is incomplete or its validity ends before it starts
     */
    IssuedCertificate issue(IssueCertificate command);

    /**
     * Revokes an issued certificate (e.g. the licence was withdrawn): from then on it verifies as {@code REVOKED}.
     * Inside the caller's transaction; publishes {@link CertificateRevoked}. Revoking twice keeps the first revocation.
     *
     * @param certificateId the id {@link IssuedCertificate#id()} returned
     * @param reason        why, shown to whoever verifies it; not blank
     * @param actor         who revoked it (username) or {@code "system"}
     * @return false when there is no such certificate or it was already revoked
     */
    boolean revoke(String certificateId, String reason, String actor);

    /**
     * Every certificate issued to {@code holderId} (a resident ID number or a credit code), revoked and expired ones
     * included, newest first; empty when none. For deciding: what Youfu itself has granted counts as much as what
     * the data-sharing platform reports.
     */
    java.util.List<HeldCertificate> heldBy(String holderId);

    /** The certificates issued for a case, newest first; empty when none. Callers show them only to the case's viewers. */
    java.util.List<IssuedCertificate> ofCase(String caseReference);

    /**
     * A certificate's PDF for its holder (by ID number, credit code or username) or staff (officers, supervisors,
     * administrators); empty for anyone else and for unknown ids alike.
     *
     * @throws cn.youfu.platform.ProblemException when the stored PDF no longer matches its hash
     */
    java.util.Optional<CertificateFile> pdf(String certificateId, cn.youfu.identity.CurrentUser user);

    /** @param number the certificate's number, e.g. for the file name */
    record CertificateFile(String number, byte[] bytes) {

        /** The PDF as a download named after the number, never cached by shared caches. */
        public org.springframework.http.ResponseEntity<byte[]> download() {
            return org.springframework.http.ResponseEntity.ok()
                    .contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                    .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                            org.springframework.http.ContentDisposition.attachment()
                                    .filename(number + ".pdf", java.nio.charset.StandardCharsets.UTF_8).build()
                                    .toString())
                    .header(org.springframework.http.HttpHeaders.CACHE_CONTROL, "private, no-store")
                    .body(bytes);
        }
    }
}

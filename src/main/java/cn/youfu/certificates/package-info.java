/**
 * Electronic certificates (电子证照): the signed PDF an applicant gets when an application is approved, and their
 * public verification.
 *
 * <p>{@link cn.youfu.certificates.Certificates#issue} renders the certificate as a PDF (bundled CJK font, subset
 * embedded; a QR code pointing to the public verification page), stores it in the trusted e-document library under
 * its SM3 hash, signs the PDF's hash together with the certificate's data with the certificates' SM2 key, records it,
 * and publishes {@link cn.youfu.certificates.CertificateIssued} on the case's ledger stream — all inside the caller's
 * transaction. Anyone can verify a certificate without signing in ({@code /certificates/{id}/verify}); the holder's
 * name and ID number are masked there. Only the holder and the staff who may see the certificate's case may read it
 * in full or download it; every such read by staff is recorded on the case's ledger stream.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Electronic certificates",
        allowedDependencies = {"platform", "identity", "audit", "documents", "cases"})
package cn.youfu.certificates;

package cn.youfu.certificates.internal;

import cn.youfu.platform.LocalizedText;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

/**
 * A certificate as recorded. {@code documentSm3}, {@code keyId} and {@code signature} are null only while it is being
 * issued; {@code revokedAt} and {@code revocationReason} are null unless it was revoked.
 */
record CertificateRecord(UUID id, String number, String caseReference, String itemCode, LocalizedText itemName,
                         LocalizedText title, String holderId, String holderName, String issuingDepartment,
                         LocalizedText issuingAuthority, LocalDate validFrom, LocalDate validUntil,
                         Map<String, String> fields, Instant issuedAt, String documentSm3, String keyId,
                         byte[] signature, Instant revokedAt, String revocationReason) {

    /** China Standard Time: certificates are dated in it. */
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    LocalDate issueDate() {
        return LocalDate.ofInstant(issuedAt, CHINA);
    }

    CertificateRecord signed(String documentSm3, String keyId, byte[] signature) {
        return new CertificateRecord(id, number, caseReference, itemCode, itemName, title, holderId, holderName,
                issuingDepartment, issuingAuthority, validFrom, validUntil, fields, issuedAt, documentSm3, keyId,
                signature, revokedAt, revocationReason);
    }

    String downloadPath() {
        return "/api/v1/certificates/" + id + "/pdf";
    }

    String verifyApiPath() {
        return "/api/v1/certificates/" + id + "/verify";
    }

    /** The public page the QR code points to. */
    String verifyPagePath() {
        return verifyPagePath(id);
    }

    static String verifyPagePath(UUID id) {
        return "/certificates/" + id + "/verify";
    }
}

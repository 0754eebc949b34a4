package cn.youfu.certificates;

import cn.youfu.audit.AuditedAction;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;

/**
 * A certificate was issued; recorded on the ledger stream of its case. Carries no personal data beyond the masked
 * holder.
 *
 * @param maskedHolder the holder's masked name and ID number, e.g. {@code 陈*福 3501**********0016}
 * @param keyId        the SM2 key ({@code sm2-…}) that signed it
 */
public record CertificateIssued(String certificateId, String number, String caseReference, String itemCode,
                                String documentSm3, String keyId, String maskedHolder, LocalDate validFrom,
                                LocalDate validUntil, Instant at) implements AuditedAction {

    @Override
    public String stream() {
        return caseReference;
    }

    @Override
    public String actor() {
        return "system";
    }

    @Override
    public String action() {
        return "certificate.issued";
    }

    @Override
    public Object payload() {
        var payload = new LinkedHashMap<String, Object>();
        payload.put("certificateId", certificateId);
        payload.put("number", number);
        payload.put("item", itemCode);
        payload.put("documentSm3", documentSm3);
        payload.put("keyId", keyId);
        payload.put("holder", maskedHolder);
        payload.put("validFrom", validFrom);
        payload.put("validUntil", validUntil);
        return payload;
    }
}

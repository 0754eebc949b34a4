package cn.youfu.certificates;

import cn.youfu.audit.AuditedAction;
import java.time.Instant;
import java.util.LinkedHashMap;

/**
 * A member of staff read a certificate in full (the holder's name and ID number) or downloaded it; recorded on the
 * ledger stream of the case that issued it, so that a supervisor can review who read whose data, when and why.
 *
 * @param purpose what the read was for: {@code view} (the certificate's data) or {@code download} (its PDF)
 */
public record CertificatePersonalDataViewed(String certificateId, String number, String caseReference, String actor,
                                            String purpose, Instant at) implements AuditedAction {

    @Override
    public String stream() {
        return caseReference;
    }

    @Override
    public String action() {
        return "certificate.personal-data-viewed";
    }

    @Override
    public Object payload() {
        var payload = new LinkedHashMap<String, Object>();
        payload.put("certificateId", certificateId);
        payload.put("number", number);
        payload.put("purpose", purpose);
        return payload;
    }
}

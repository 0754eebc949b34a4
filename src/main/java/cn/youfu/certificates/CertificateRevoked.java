package cn.youfu.certificates;

import cn.youfu.audit.AuditedAction;
import java.time.Instant;
import java.util.LinkedHashMap;

/** A certificate was revoked; recorded on the ledger stream of the case that issued it. */
public record CertificateRevoked(String certificateId, String number, String caseReference, String reason,
                                 String actor, Instant at) implements AuditedAction {

    @Override
    public String stream() {
        return caseReference;
    }

    @Override
    public String action() {
        return "certificate.revoked";
    }

    @Override
    public Object payload() {
        var payload = new LinkedHashMap<String, Object>();
        payload.put("certificateId", certificateId);
        payload.put("number", number);
        payload.put("reason", reason);
        return payload;
    }
}

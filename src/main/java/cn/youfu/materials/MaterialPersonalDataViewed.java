package cn.youfu.materials;

import cn.youfu.audit.AuditedAction;
import java.time.Instant;
import java.util.LinkedHashMap;

/**
 * Someone other than its uploader read a material (an ID card photo, a licence): its file or the fields read on it.
 * Recorded on the ledger stream of the case it was submitted with ({@code material:<id>} before it is).
 *
 * @param purpose {@code file} (the photo or scan) or {@code fields} (what was read on it)
 */
public record MaterialPersonalDataViewed(String stream, String materialId, String actor, String purpose, Instant at)
        implements AuditedAction {

    @Override
    public String action() {
        return "material.personal-data-viewed";
    }

    @Override
    public Object payload() {
        var payload = new LinkedHashMap<String, Object>();
        payload.put("materialId", materialId);
        payload.put("purpose", purpose);
        return payload;
    }
}

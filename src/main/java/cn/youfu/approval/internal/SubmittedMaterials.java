package cn.youfu.approval.internal;

import cn.youfu.catalog.ServiceItem;
import cn.youfu.identity.CurrentUser;
import cn.youfu.materials.ExtractedField;
import cn.youfu.materials.MaterialReading;
import cn.youfu.materials.Materials;
import cn.youfu.platform.ProblemException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The materials an application submits: checked (each one the item asks for, uploaded by the applicant, of the
 * right kind), waited for (their reading, up to the patience set), turned into the facts the item's rules read, and
 * the fields a person must check — low confidence, failed check character, not found — listed with the image region
 * for the officer.
 */
@Component
class SubmittedMaterials {

    private final Materials materials;
    private final Duration patience;

    SubmittedMaterials(Materials materials, ApprovalSettings settings) {
        this.materials = materials;
        this.patience = settings.materialPatience();
    }

    /** The materials as read, by material code, in the item's order. */
    record Submitted(Map<String, MaterialReading> readings, double minConfidence) {

        /** The facts for {@link cn.youfu.catalog.Facts#MATERIALS}. */
        Map<String, Object> facts() {
            var facts = new HashMap<String, Object>();
            readings.forEach((code, reading) -> {
                var fields = new HashMap<String, Object>();
                reading.fields().forEach((name, f) -> {
                    var field = new HashMap<String, Object>();
                    field.put("value", f.value());
                    field.put("confidence", f.confidence());
                    field.put("valid", f.valid());
                    field.put("repaired", f.repaired());
                    field.put("sure", f.sure(minConfidence));
                    fields.put(name, field);
                });
                facts.put(code, Map.of("state", reading.state().name(), "fields", fields, "id",
                        reading.id().toString()));
            });
            return facts;
        }

        /** What the officer sees: per material, its id, state and the fields not to be relied on, with why and where. */
        List<Map<String, Object>> forOfficer() {
            var out = new ArrayList<Map<String, Object>>();
            readings.forEach((code, reading) -> {
                var review = new ArrayList<Map<String, Object>>();
                reading.fields().forEach((name, f) -> {
                    var why = why(f);
                    if (why != null) {
                        var entry = new LinkedHashMap<String, Object>();
                        entry.put("field", name);
                        entry.put("value", f.value());
                        entry.put("confidence", f.confidence());
                        entry.put("reason", why);
                        entry.put("region", f.region());
                        review.add(entry);
                    }
                });
                var entry = new LinkedHashMap<String, Object>();
                entry.put("material", code);
                entry.put("id", reading.id().toString());
                entry.put("state", reading.state().name());
                entry.put("view", "/api/v1/materials/" + reading.id());
                if (reading.failure() != null) {
                    entry.put("failure", reading.failure());
                }
                entry.put("review", review);
                out.add(entry);
            });
            return out;
        }

        private String why(ExtractedField f) {
            if (f.value() == null) {
                return "未识别到 / not found";
            }
            if (!f.valid()) {
                return f.repaired() ? "校验未通过 / check failed" : "校验位或日期不符 / check character or date invalid";
            }
            if (f.confidence() < minConfidence) {
                return String.format(java.util.Locale.ROOT, "识别置信度低 / low confidence %.2f < %.2f",
                        f.confidence(), minConfidence) + (f.repaired() ? "（已按校验位纠正 / repaired by check "
                        + "character）" : "");
            }
            return null;
        }
    }

    /** @throws ProblemException 400 when a required material is missing or one given cannot be used */
    Submitted check(ServiceItem item, CurrentUser user, Map<String, String> given) {
        var ids = given == null ? Map.<String, String>of() : given;
        var readings = new LinkedHashMap<String, MaterialReading>();
        for (var material : item.materials()) {
            var id = ids.get(material.code());
            if (id == null || id.isBlank()) {
                if (material.required()) {
                    throw Refusal.required(material);
                }
                continue;
            }
            var reading = materials.awaitReading(id, patience)
                    .filter(m -> m.ownerUsername().equals(user.username()) && m.type().equals(material.code()))
                    .orElseThrow(() -> Refusal.notUsable(material.code(), id));
            readings.put(material.code(), reading);
        }
        for (var code : ids.keySet()) {
            if (!readings.containsKey(code) && item.materials().stream().noneMatch(m -> m.code().equals(code))) {
                throw Refusal.notUsable(code, ids.get(code));
            }
        }
        return new Submitted(readings, materials.minConfidence());
    }

    /** Records the case on each material, so that the case's officers may see it. */
    void attach(Submitted submitted, String caseReference, String department) {
        submitted.readings().values().forEach(m -> materials.attach(m.id().toString(), caseReference, department));
    }

    static final class Refusal extends ProblemException {
        private Refusal(String code, Object[] arguments, Map<String, Object> properties) {
            super(HttpStatus.BAD_REQUEST, code, arguments, properties);
        }

        static Refusal required(ServiceItem.Material material) {
            return new Refusal("material-required", new Object[] {material.code(), material.name().zh()},
                    Map.of("material", material.code()));
        }

        static Refusal notUsable(String code, String id) {
            return new Refusal("material-not-usable", new Object[] {code, id},
                    Map.of("material", code, "materialId", String.valueOf(id)));
        }
    }
}

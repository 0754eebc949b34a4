package cn.youfu.web;

import cn.youfu.catalog.ServiceItem;
import cn.youfu.identity.CurrentUser;
import cn.youfu.materials.ExtractedField;
import cn.youfu.materials.MaterialReading;
import cn.youfu.materials.Materials;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The materials submitted with a case, as its page shows them: each with its kind, a link to its file for those the
 * materials module lets see it, and for staff every field read with its confidence and whether it can be relied on
 * — said in words, colour only repeats it. The file itself is served here, under the same rule.
 */
@Controller
class CaseMaterials {

    private final Materials materials;
    private final MessageSource messages;

    CaseMaterials(Materials materials, MessageSource messages) {
        this.materials = materials;
        this.messages = messages;
    }

    /**
     * A material of the case.
     *
     * @param name     the kind of material, from the catalogue item (the code when the item no longer names it)
     * @param state    READ, PENDING, READING or FAILED; null when the material's record is gone
     * @param status   the state in words
     * @param fileUrl  where its file is shown, or null when the viewer may not see it
     * @param fields   each field read (staff only; empty for others)
     * @param toCheck  how many fields a person must check against the file
     */
    record Material(String id, String name, String state, String status, String fileUrl, String fileType,
                    List<Field> fields, long toCheck) {
    }

    /**
     * A field read on a material.
     *
     * @param sure   found, valid and confident enough for a decision to rest on it
     * @param check  whether it can be relied on, in words (what to check, and why)
     */
    record Field(String label, String value, String confidence, boolean sure, String check) {
    }

    /** The materials a case's details list ({@code details.materials[].id}), in their order. */
    List<Material> of(Map<String, Object> details, ServiceItem item, CurrentUser viewer, boolean staff,
                      Locale locale) {
        if (!(details.get("materials") instanceof List<?> listed)) {
            return List.of();
        }
        var out = new ArrayList<Material>();
        for (var entry : listed) {
            if (entry instanceof Map<?, ?> m && m.get("id") instanceof String id) {
                var code = m.get("material") instanceof String c ? c : "";
                out.add(materials.find(id).map(r -> material(r, name(item, code, locale), viewer, staff, locale))
                        .orElseGet(() -> new Material(id, name(item, code, locale), null,
                                msg("case.material.gone", locale), null, null, List.of(), 0)));
            }
        }
        return out;
    }

    /** The uploaded file, inline, for those who may see it; the same "not found" page for anyone else. */
    @GetMapping("/materials/{id}/file")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<byte[]> file(@PathVariable String id) {
        var file = materials.file(id, PageAdvice.viewer()).orElseThrow(() -> PageProblem.materialNotFound(id));
        var extension = switch (file.mediaType()) {
            case "application/pdf" -> "pdf";
            case "image/png" -> "png";
            default -> "jpg";
        };
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"material-" + id + "." + extension + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(file.bytes());
    }

    private Material material(MaterialReading r, String name, CurrentUser viewer, boolean staff, Locale locale) {
        var status = r.state().name().equals("FAILED")
                ? msg("case.material.state.FAILED", locale, r.failure() == null ? "" : r.failure())
                : msg("case.material.state." + r.state().name(), locale);
        var fileUrl = materials.mayView(viewer, r) ? "/materials/" + r.id() + "/file" : null;
        var fields = new ArrayList<Field>();
        if (staff) {
            r.fields().forEach((key, f) -> fields.add(field(key, f, locale)));
        }
        var type = switch (r.mediaType()) {
            case "application/pdf" -> "PDF";
            case "image/png" -> "PNG";
            default -> "JPEG";
        };
        return new Material(r.id().toString(), name, r.state().name(), status, fileUrl, type, fields,
                fields.stream().filter(f -> !f.sure()).count());
    }

    private Field field(String key, ExtractedField f, Locale locale) {
        var min = materials.minConfidence();
        var label = messages.getMessage("material.field." + key, null, key, locale);
        String check;
        if (f.value() == null) {
            check = msg("case.material.check.missing", locale);
        } else if (!f.valid()) {
            check = msg("case.material.check.invalid", locale);
        } else if (f.confidence() < min) {
            check = msg("case.material.check.low", locale, percent(min));
        } else {
            check = msg("case.material.check.ok", locale);
        }
        if (f.repaired()) {
            check = check + msg("case.material.check.separator", locale) + msg("case.material.check.repaired", locale);
        }
        return new Field(label, f.value() == null ? "—" : f.value(), f.value() == null ? "—" : percent(f.confidence()),
                f.sure(min), check);
    }

    private static String name(ServiceItem item, String code, Locale locale) {
        return item == null ? code : item.materials().stream().filter(m -> m.code().equals(code)).findFirst()
                .map(m -> m.name().in(locale)).orElse(code);
    }

    private static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    private String msg(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}

package cn.youfu.web;

import cn.youfu.catalog.ServiceItem;
import cn.youfu.identity.CurrentUser;
import cn.youfu.materials.MaterialReading;
import cn.youfu.materials.Materials;
import cn.youfu.platform.ProblemException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartRequest;

/**
 * The materials of an application form: each one the platform can read gets a file input; what is posted is
 * uploaded through {@link Materials#upload} (checked and stored by the materials module, read in the background).
 * A material uploaded once is kept (as hidden fields) when the form must be shown again, so nothing is sent twice.
 */
@Component
class MaterialUploads {

    /** Form fields: the file, and the id and file name of a material already uploaded with this form. */
    static final String FILE = "material-";
    static final String ID = "material-id-";
    static final String NAME = "material-name-";

    private final Materials materials;
    private final MessageSource messages;

    MaterialUploads(Materials materials, MessageSource messages) {
        this.materials = materials;
        this.messages = messages;
    }

    /**
     * What the form has of one material.
     *
     * @param id       the uploaded material's id, or null
     * @param filename the name of the file uploaded (as the browser sent it), or null
     * @param error    why the upload was refused or is missing, in the page's language, or null
     */
    record Slot(String id, String filename, String error) {
        static final Slot EMPTY = new Slot(null, null, null);
    }

    /** The item's materials that can be uploaded and read here, in the item's order. */
    List<ServiceItem.Material> readable(ServiceItem item) {
        var types = materials.readableTypes();
        return item.materials().stream().filter(m -> types.contains(m.code())).toList();
    }

    /** The item's materials that cannot be uploaded here (given to the officer later). */
    List<ServiceItem.Material> notReadable(ServiceItem item) {
        var types = materials.readableTypes();
        return item.materials().stream().filter(m -> !types.contains(m.code())).toList();
    }

    /** The largest file accepted, in whole megabytes, for the hint. */
    long maxMegabytes() {
        return materials.maxSize() / (1024 * 1024);
    }

    /**
     * Uploads what was posted: a new file replaces a material uploaded earlier with the form; a required material
     * with neither is an error; a refused upload is an error in the refusal's words.
     *
     * @return each readable material's slot, by material code
     */
    Map<String, Slot> receive(CurrentUser user, ServiceItem item, MultipartRequest files, Map<String, String> posted,
                              Locale locale) {
        var slots = new LinkedHashMap<String, Slot>();
        for (var material : readable(item)) {
            var code = material.code();
            var file = files == null ? null : files.getFile(FILE + code);
            var earlier = earlier(user, code, posted.get(ID + code), posted.get(NAME + code));
            Slot slot;
            if (file != null && !file.isEmpty()) {
                slot = upload(user, code, file, locale, earlier);
            } else if (earlier != null) {
                slot = earlier;
            } else if (material.required()) {
                slot = new Slot(null, null, messages.getMessage("apply.material.required",
                        new Object[] {material.name().in(locale)}, locale));
            } else {
                slot = Slot.EMPTY;
            }
            slots.put(code, slot);
        }
        return slots;
    }

    /** Material code → id, for the decision. */
    static Map<String, String> ids(Map<String, Slot> slots) {
        var ids = new LinkedHashMap<String, String>();
        slots.forEach((code, slot) -> {
            if (slot.id() != null) {
                ids.put(code, slot.id());
            }
        });
        return ids;
    }

    static boolean anyError(Map<String, Slot> slots) {
        return slots.values().stream().anyMatch(s -> s.error() != null);
    }

    /** The materials as the decision found them (read, still being read, unreadable), for the decision page. */
    List<MaterialReading> readings(Map<String, Slot> slots) {
        return slots.values().stream().filter(s -> s.id() != null)
                .flatMap(s -> materials.find(s.id()).stream()).toList();
    }

    /** Asks for a material again (the one given could not be used by the decision). */
    String askAgain(ServiceItem item, String code, Locale locale) {
        var name = item.materials().stream().filter(m -> m.code().equals(code)).findFirst()
                .map(m -> m.name().in(locale)).orElse(code);
        return messages.getMessage("apply.material.again", new Object[] {name}, locale);
    }

    /**
     * A refusal in plain words for the page, saying what to do ({@code apply.material.refused.<problem code>}); the
     * API keeps the problem's own detail (with the detected media type), which means little to a resident.
     */
    String refusal(ProblemException refused, Locale locale) {
        var arguments = refused.arguments();
        Object[] words = switch (refused.code()) {
            case "material-too-large" -> new Object[] {megabytes(arguments.length > 1 ? arguments[1] : null)};
            case "material-too-many-pixels" -> {
                long max = arguments.length > 2 && arguments[2] instanceof Number n ? n.longValue() : 0;
                yield new Object[] {max / 10_000, max / 1_000_000};
            }
            default -> new Object[0];
        };
        return messages.getMessage("apply.material.refused." + refused.code(), words,
                messages.getMessage("apply.material.refused", null, locale), locale);
    }

    /**
     * The form's materials after a post too large for the servlet to parse: which file was too large cannot be told,
     * so each file input says that its file must be at most the limit, as a refusal of the materials module would.
     */
    Map<String, Slot> tooLarge(ServiceItem item, Locale locale) {
        var error = messages.getMessage("apply.material.refused.material-too-large",
                new Object[] {maxMegabytes()}, locale);
        var slots = new LinkedHashMap<String, Slot>();
        readable(item).forEach(m -> slots.put(m.code(), new Slot(null, null, error)));
        return slots;
    }

    /** The upload limit in whole megabytes: {@code bytes} when it is a number, else the module's own limit. */
    private long megabytes(Object bytes) {
        return bytes instanceof Number n ? n.longValue() / (1024 * 1024) : maxMegabytes();
    }

    private Slot upload(CurrentUser user, String code, MultipartFile file, Locale locale, Slot earlier) {
        try {
            var stored = materials.upload(user, code, file.getBytes(), file.getContentType(),
                    file.getOriginalFilename());
            return new Slot(stored.id().toString(), displayName(file.getOriginalFilename()), null);
        } catch (ProblemException refused) {
            var error = refusal(refused, locale);
            return earlier == null ? new Slot(null, null, error) : new Slot(earlier.id(), earlier.filename(), error);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A material this user uploaded earlier with the form, of this kind; null when the posted id is not one. */
    private Slot earlier(CurrentUser user, String code, String id, String filename) {
        if (id == null || id.isBlank()) {
            return null;
        }
        return materials.find(id)
                .filter(m -> m.ownerUsername().equals(user.username()) && m.type().equals(code))
                .map(m -> new Slot(m.id().toString(), displayName(filename), null))
                .orElse(null);
    }

    /** The file's own name (no path), at most 100 characters; null when none. */
    private static String displayName(String filename) {
        if (filename == null || filename.isBlank()) {
            return null;
        }
        var name = filename.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        return name.length() > 100 ? name.substring(0, 100) : name;
    }
}

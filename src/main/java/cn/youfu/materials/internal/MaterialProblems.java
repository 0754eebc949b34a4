package cn.youfu.materials.internal;

import cn.youfu.platform.ProblemException;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The materials module's named refusals. An upload refused stores nothing. */
final class MaterialProblems extends ProblemException {

    private MaterialProblems(HttpStatus status, String code, Object[] arguments, Map<String, Object> properties) {
        super(status, code, arguments, properties);
    }

    /** Not JPEG, PNG or PDF by its content. */
    static MaterialProblems unsupportedType(String detected) {
        return new MaterialProblems(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "material-type-unsupported",
                new Object[] {detected}, Map.of("detected", detected));
    }

    static MaterialProblems tooLarge(long size, long max) {
        return new MaterialProblems(HttpStatus.CONTENT_TOO_LARGE, "material-too-large", new Object[] {size, max},
                Map.of("size", size, "maxSize", max));
    }

    static MaterialProblems tooManyPixels(long width, long height, long max) {
        return new MaterialProblems(HttpStatus.UNPROCESSABLE_CONTENT, "material-too-many-pixels",
                new Object[] {width, height, max}, Map.of("width", width, "height", height, "maxPixels", max));
    }

    static MaterialProblems tooManyPages(int pages, int max) {
        return new MaterialProblems(HttpStatus.UNPROCESSABLE_CONTENT, "material-pdf-too-many-pages",
                new Object[] {pages, max}, Map.of("pages", pages, "maxPages", max));
    }

    static MaterialProblems encryptedPdf() {
        return new MaterialProblems(HttpStatus.UNPROCESSABLE_CONTENT, "material-pdf-encrypted", new Object[0],
                Map.of());
    }

    /** A file that claims a type by its header but cannot be read as one. */
    static MaterialProblems malformed(String detected) {
        return new MaterialProblems(HttpStatus.UNPROCESSABLE_CONTENT, "material-malformed", new Object[] {detected},
                Map.of("detected", detected));
    }

    static MaterialProblems typeMismatch(String declared, String detected) {
        return new MaterialProblems(HttpStatus.UNPROCESSABLE_CONTENT, "material-type-mismatch",
                new Object[] {declared, detected}, Map.of("declared", declared, "detected", detected));
    }

    static MaterialProblems unknownMaterial(String type, String known) {
        return new MaterialProblems(HttpStatus.BAD_REQUEST, "material-unknown", new Object[] {type, known},
                Map.of("material", String.valueOf(type), "known", known));
    }

    static MaterialProblems empty() {
        return new MaterialProblems(HttpStatus.BAD_REQUEST, "material-empty", new Object[0], Map.of());
    }

    /** No such material, or not the caller's to see: the same answer. */
    static MaterialProblems notFound(String id) {
        return new MaterialProblems(HttpStatus.NOT_FOUND, "material-not-found", new Object[] {id},
                Map.of("materialId", String.valueOf(id)));
    }
}

package cn.youfu.dispatch.internal;

import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;

/** The two formats of Open311, chosen by the path's extension; both UTF-8, and their content types say so. */
enum Open311Format {
    JSON(new MediaType("application", "json", StandardCharsets.UTF_8)),
    XML(new MediaType("application", "xml", StandardCharsets.UTF_8));

    private final MediaType type;

    Open311Format(MediaType type) {
        this.type = type;
    }

    MediaType type() {
        return type;
    }

    /** The format an extension names ({@code json} or {@code xml}); 404 for any other. */
    static Open311Format of(String extension) {
        return switch (extension == null ? "" : extension) {
            case "json" -> JSON;
            case "xml" -> XML;
            default -> throw Open311Exception.notFound("format");
        };
    }

    /** The format of an error for this path: XML when it ends in {@code .xml}, otherwise JSON. */
    static Open311Format ofPath(String path) {
        return path != null && path.endsWith(".xml") ? XML : JSON;
    }
}

package cn.youfu.materials.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

/**
 * The Tesseract models shipped with Youfu ({@code src/main/resources/materials/tessdata/}, see the NOTICE there):
 * {@code chi_sim} from tessdata_best, more accurate on look-alike characters than the distribution's. Tesseract
 * needs a directory of files, so the first use copies them out of the class path into a temporary directory of
 * this JVM (removed at exit); languages not bundled ({@code eng}) come from the installed {@code tesseract-ocr}.
 */
final class BundledModels {

    /** The languages read with the bundled model rather than the installed one. */
    static final Set<String> LANGUAGES = Set.of("chi_sim");

    private static volatile Path directory;

    private BundledModels() {
    }

    /** The directory holding the bundled {@code <language>.traineddata} files, made on first use. */
    static Path directory() {
        var d = directory;
        if (d == null) {
            synchronized (BundledModels.class) {
                d = directory;
                if (d == null) {
                    d = extract();
                    directory = d;
                }
            }
        }
        return d;
    }

    private static Path extract() {
        try {
            var dir = Files.createTempDirectory("youfu-tessdata-");
            dir.toFile().deleteOnExit();
            for (var language : LANGUAGES) {
                var name = language + ".traineddata";
                var file = dir.resolve(name);
                try (InputStream in = BundledModels.class.getResourceAsStream("/materials/tessdata/" + name)) {
                    Files.copy(Objects.requireNonNull(in, "materials/tessdata/" + name), file);
                }
                file.toFile().deleteOnExit();
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the bundled OCR models out", e);
        }
    }
}

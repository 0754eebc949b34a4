package cn.youfu.materials.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.tika.Tika;

/**
 * What an upload must be before anything is stored: not empty, not over the size limit, a JPEG, PNG or PDF by its
 * content (Apache Tika's magic-byte detection; the name and declared type are not trusted), the declared type (if
 * any) the same as the content's, an image whose declared dimensions stay under the pixel limit (read from its
 * header, before any decoding), a PDF that opens without a password and has a page, not too many pages, and no image
 * of too many pixels on the page read (from the images' dictionaries, before any decoding).
 */
final class UploadCheck {

    static final String JPEG = "image/jpeg";
    static final String PNG = "image/png";
    static final String PDF = "application/pdf";
    static final Set<String> ACCEPTED = Set.of(JPEG, PNG, PDF);

    /** Declared types that say nothing: the content decides. */
    private static final Set<String> UNDECLARED = Set.of("", "application/octet-stream", "binary/octet-stream");
    private static final Map<String, String> ALIASES = Map.of("image/jpg", JPEG, "image/pjpeg", JPEG,
            "image/x-png", PNG, "application/x-pdf", PDF);
    private static final Map<String, String> EXTENSIONS = Map.of("jpg", JPEG, "jpeg", JPEG, "png", PNG, "pdf", PDF);

    private final Tika tika = new Tika();
    private final long maxSize;
    private final long maxPixels;
    private final int maxPages;
    private final Pictures pictures;

    UploadCheck(long maxSize, long maxPixels, int maxPages) {
        this.maxSize = maxSize;
        this.maxPixels = maxPixels;
        this.maxPages = maxPages;
        this.pictures = new Pictures(maxPixels, maxPages);
    }

    /**
     * @param declared     the part's Content-Type, or null
     * @param filename     the part's file name, or null; its extension counts as a declaration too
     * @return the media type detected from the content
     * @throws MaterialProblems naming why the upload is refused
     */
    String check(byte[] bytes, String declared, String filename) {
        if (bytes == null || bytes.length == 0) {
            throw MaterialProblems.empty();
        }
        if (bytes.length > maxSize) {
            throw MaterialProblems.tooLarge(bytes.length, maxSize);
        }
        var detected = tika.detect(bytes);
        if (!ACCEPTED.contains(detected)) {
            throw MaterialProblems.unsupportedType(detected);
        }
        var claimed = declaredType(declared);
        if (claimed != null && !claimed.equals(detected)) {
            throw MaterialProblems.typeMismatch(claimed, detected);
        }
        var byName = byExtension(filename);
        if (byName != null && !byName.equals(detected)) {
            throw MaterialProblems.typeMismatch(byName, detected);
        }
        if (detected.equals(PDF)) {
            checkPdf(bytes);
        } else {
            checkImage(bytes, detected);
        }
        return detected;
    }

    private static String declaredType(String declared) {
        if (declared == null) {
            return null;
        }
        var type = declared.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return UNDECLARED.contains(type) ? null : ALIASES.getOrDefault(type, type);
    }

    private static String byExtension(String filename) {
        if (filename == null || filename.lastIndexOf('.') < 0) {
            return null;
        }
        return EXTENSIONS.get(filename.substring(filename.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
    }

    /** The dimensions from the header only: a bomb is refused before a single pixel is decoded. */
    private void checkImage(byte[] bytes, String detected) {
        try {
            pictures.checkImageHeader(bytes);
        } catch (Pictures.OutOfBounds e) {
            throw MaterialProblems.tooManyPixels(e.width(), e.height(), maxPixels);
        } catch (IOException | RuntimeException e) {
            throw MaterialProblems.malformed(detected);
        }
    }

    private void checkPdf(byte[] bytes) {
        try (var document = Loader.loadPDF(bytes)) {
            if (document.isEncrypted()) {
                throw MaterialProblems.encryptedPdf();
            }
            if (document.getNumberOfPages() < 1) {
                throw MaterialProblems.malformed(PDF);
            }
            try {
                pictures.checkPdf(document);
            } catch (Pictures.OutOfBounds e) {
                throw e.width() > 0 ? MaterialProblems.tooManyPixels(e.width(), e.height(), maxPixels)
                        : MaterialProblems.tooManyPages(document.getNumberOfPages(), maxPages);
            }
            var box = document.getPage(0).getMediaBox();
            // the first page is rendered at 200 dpi to be read: its pixels count like an image's
            double pixels = (box.getWidth() / 72.0 * 200) * (box.getHeight() / 72.0 * 200);
            if (pixels > maxPixels) {
                throw MaterialProblems.tooManyPixels(Math.round(box.getWidth() / 72.0 * 200),
                        Math.round(box.getHeight() / 72.0 * 200), maxPixels);
            }
        } catch (InvalidPasswordException e) {
            throw MaterialProblems.encryptedPdf();
        } catch (IOException | RuntimeException e) {
            if (e instanceof MaterialProblems problem) {
                throw problem;
            }
            throw MaterialProblems.malformed(PDF);
        }
    }
}

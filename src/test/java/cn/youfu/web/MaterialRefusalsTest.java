package cn.youfu.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.youfu.platform.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpStatus;

/**
 * Each refusal of the materials module, as a resident reads it next to the file input: what to do, in plain words,
 * never the media type the module detected.
 */
class MaterialRefusalsTest {

    /** The materials module's refusals of an upload (its {@code MaterialProblems}), with their arguments. */
    static final Map<String, Object[]> REFUSALS = Map.of(
            "material-type-unsupported", new Object[] {"text/plain"},
            "material-too-large", new Object[] {12L * 1024 * 1024, 10L * 1024 * 1024},
            "material-too-many-pixels", new Object[] {9000L, 9000L, 40_000_000L},
            "material-pdf-encrypted", new Object[0],
            "material-malformed", new Object[] {"application/pdf"},
            "material-type-mismatch", new Object[] {"image/png", "application/pdf"},
            "material-empty", new Object[0]);

    static final class Refused extends ProblemException {
        Refused(String code, Object[] arguments) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, code, arguments, Map.of());
        }
    }

    final MaterialUploads uploads = new MaterialUploads(null, messages());

    static ResourceBundleMessageSource messages() {
        var source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding(StandardCharsets.UTF_8.name());
        source.setFallbackToSystemLocale(false);
        return source;
    }

    String zh(String code) {
        return uploads.refusal(new Refused(code, REFUSALS.get(code)), Locale.SIMPLIFIED_CHINESE);
    }

    String en(String code) {
        return uploads.refusal(new Refused(code, REFUSALS.get(code)), Locale.ENGLISH);
    }

    @Test
    void everyRefusalHasItsOwnPlainWordsInBothLanguages() {
        var generic = uploads.refusal(new Refused("material-something-new", new Object[0]), Locale.SIMPLIFIED_CHINESE);
        for (var code : REFUSALS.keySet()) {
            assertThat(List.of(zh(code), en(code))).as(code).allSatisfy(words -> assertThat(words)
                    .doesNotContain("/", "{", "text/plain", "application/", "image/")
                    .isNotEqualTo(generic));
        }
    }

    @Test
    void theWordsSayWhatToDoWithTheRealLimits() {
        assertThat(zh("material-type-unsupported")).contains("请上传 JPEG、PNG 照片或 PDF 文件");
        assertThat(zh("material-too-large")).startsWith("文件超过 10 MB，请压缩后重新上传");
        assertThat(en("material-too-large")).startsWith("The file is larger than 10 MB.");
        assertThat(zh("material-too-many-pixels")).contains("超过 4,000 万像素");
        assertThat(en("material-too-many-pixels")).contains("more than 40 million pixels");
        assertThat(zh("material-pdf-encrypted")).contains("没有密码的 PDF");
    }

    @Test
    void aRefusalTheWebDoesNotKnowStillReadsPlainly() {
        assertThat(uploads.refusal(new Refused("material-something-new", new Object[] {"text/plain"}),
                Locale.SIMPLIFIED_CHINESE)).isEqualTo("这个文件无法使用。请重新选择 JPEG、PNG 照片或 PDF 文件后上传。");
    }
}

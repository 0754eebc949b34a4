package cn.youfu.certificates.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.youfu.platform.LocalizedText;
import cn.youfu.platform.PublicSiteSettings;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * Once shut down, the renderer refuses: the fixed wording's font lives in documents that are then closed, and a
 * certificate saved with it would carry that font with empty streams (seen when a test reused a destroyed renderer:
 * a 10.8 KB PDF instead of 28 KB, with an invalid ToUnicode map).
 */
class CertificatePdfShutdownTest {

    @Test
    void aRenderAfterShutdownFailsInsteadOfWritingEmptyFonts() throws Exception {
        var pdf = new CertificatePdf(new CertificateFonts(), new CertificateSettings(null, "FZ-ZS", List.of()),
                new PublicSiteSettings(URI.create("http://localhost:8080")));
        var certificate = new CertificateRecord(UUID.randomUUID(), "FZ-ZS-2026-000051", "FZ-2026-00000051",
                "elderly-card", new LocalizedText("老年人优待证", "Senior citizen card"),
                new LocalizedText("老年人优待证", "Senior Citizen Card"), "350102195803120016", "陈有福", "fz-civil",
                new LocalizedText("福州市民政局", "Fuzhou Civil Affairs Bureau"), LocalDate.of(2026, 11, 25), null,
                Map.of(), Instant.parse("2026-11-25T02:00:00Z"), null, null, null, null, null);
        byte[] before = pdf.render(certificate, "http://localhost:8080/verify", "0".repeat(64));
        try (var document = Loader.loadPDF(before)) {
            assertThat(new PDFTextStripper().getText(document)).contains("证书编号", "持证人", "陈有福");
        }
        pdf.destroy();
        assertThatThrownBy(() -> pdf.render(certificate, "http://localhost:8080/verify", "0".repeat(64)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("shut down");
    }
}

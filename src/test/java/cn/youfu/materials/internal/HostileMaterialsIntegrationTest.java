package cn.youfu.materials.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.youfu.Api;
import cn.youfu.YoufuIntegrationTest;
import cn.youfu.documents.Documents;
import cn.youfu.materials.HostileFiles;
import cn.youfu.materials.MaterialReading;
import cn.youfu.materials.ReadingState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Files made to stall the reader (a small PDF whose page holds a 40000 × 40000 image, a PNG whose header declares
 * 100000 × 100000 pixels) are refused at the upload within seconds, with a reason; one that reaches the reader all
 * the same (stored before the upload check knew it) ends FAILED with the reason, and the upload after it is read.
 */
@YoufuIntegrationTest
class HostileMaterialsIntegrationTest {

    static final Path CARD = Path.of("src/test/resources/materials/testset/id-card-002.jpg");
    static byte[] hugeImagePdf;

    @Autowired
    MockMvc mvc;
    @Autowired
    MaterialStore store;
    @Autowired
    Documents documents;
    @Autowired
    ReadingQueue queue;

    @BeforeAll
    static void craft() throws Exception {
        hugeImagePdf = HostileFiles.pdfWithImage(40_000, 40_000);
    }

    @Test
    void aPdfHidingAHugeImageIsRefusedWithinSeconds() throws Exception {
        var enterprise = Api.bearer(mvc, "enterprise");
        long started = System.nanoTime();
        mvc.perform(multipart("/api/v1/materials")
                        .file(new MockMultipartFile("file", "licence.pdf", "application/pdf", hugeImagePdf))
                        .param("type", "business-licence")
                        .header("Authorization", enterprise))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:youfu:problem:material-too-many-pixels"))
                .andExpect(jsonPath("$.width").value(40_000))
                .andExpect(jsonPath("$.height").value(40_000));
        assertThat((System.nanoTime() - started) / 1e9).isLessThan(5);
    }

    @Test
    void aHugePngHeaderIsRefusedWithinSeconds() throws Exception {
        var applicant = Api.bearer(mvc, "applicant");
        long started = System.nanoTime();
        mvc.perform(multipart("/api/v1/materials")
                        .file(new MockMultipartFile("file", "card.png", "image/png",
                                HostileFiles.pngHeader(100_000, 100_000)))
                        .param("type", "id-card-front")
                        .header("Authorization", applicant))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:youfu:problem:material-too-many-pixels"));
        assertThat((System.nanoTime() - started) / 1e9).isLessThan(5);
    }

    @Test
    void aFileTheReaderMustNotReadFailsWithItsReasonAndTheNextUploadIsRead() throws Exception {
        var bomb = stored(hugeImagePdf, UploadCheck.PDF, "business-licence");
        var card = stored(Files.readAllBytes(CARD), UploadCheck.JPEG, "id-card-front");
        long started = System.nanoTime();
        assertThat(queue.offer(bomb)).isTrue();
        assertThat(queue.offer(card)).isTrue();
        var failed = awaitFinished(bomb);
        assertThat(failed.state()).isEqualTo(ReadingState.FAILED);
        assertThat(failed.failure()).contains("40000").contains("pixels");
        var read = awaitFinished(card);
        assertThat(read.state()).isEqualTo(ReadingState.READ);
        assertThat(read.fields().get("id_number").value()).isEqualTo("350105198212115111");
        assertThat((System.nanoTime() - started) / 1e9).as("both finished, seconds").isLessThan(30);
    }

    private UUID stored(byte[] bytes, String mediaType, String type) {
        var sm3 = documents.store(bytes, mediaType).sm3();
        var id = UUID.randomUUID();
        store.insert(id, type, sm3, mediaType, bytes.length, "enterprise", null, Instant.now());
        return id;
    }

    private MaterialReading awaitFinished(UUID id) throws InterruptedException {
        var deadline = System.nanoTime() + 60_000_000_000L;
        var material = store.find(id).orElseThrow();
        while (!material.finished() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            material = store.find(id).orElseThrow();
        }
        return material;
    }
}

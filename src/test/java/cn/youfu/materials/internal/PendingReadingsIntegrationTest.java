package cn.youfu.materials.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.youfu.YoufuIntegrationTest;
import cn.youfu.documents.Documents;
import cn.youfu.materials.ReadingState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Never lost: a material left PENDING (the queue was full, or its instance stopped before reading it) and one whose
 * READING claim went stale are read by the sweep.
 */
@YoufuIntegrationTest
class PendingReadingsIntegrationTest {

    @Autowired
    MaterialStore store;
    @Autowired
    Documents documents;
    @Autowired
    PendingReadings sweep;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void whatTheQueueCouldNotTakeIsReadByTheSweep() throws Exception {
        var image = Path.of("src/test/resources/materials/testset/licence-002.jpg");
        var bytes = Files.readAllBytes(image);
        var truth = tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(Path.of(image.toString().replace(".jpg", ".json")).toFile());
        var sm3 = documents.store(bytes, UploadCheck.JPEG).sm3();
        var pending = UUID.randomUUID();
        store.insert(pending, "business-licence", sm3, UploadCheck.JPEG, bytes.length, "enterprise", null,
                Instant.now());
        var abandoned = UUID.randomUUID();
        store.insert(abandoned, "business-licence", sm3, UploadCheck.JPEG, bytes.length, "enterprise", null,
                Instant.now());
        jdbc.sql("UPDATE materials.material SET state = 'READING', claimed_at = now() - interval '1 hour' "
                + "WHERE id = ?").param(abandoned).update();

        for (int i = 0; i < 5 && !(read(pending) && read(abandoned)); i++) {
            sweep.sweep();
        }
        var licence = store.find(pending).orElseThrow();
        assertThat(licence.state()).isEqualTo(ReadingState.READ);
        assertThat(licence.fields().get("credit_code").value())
                .isEqualTo(truth.get("fields").get("credit_code").asString());
        assertThat(store.find(abandoned).orElseThrow().state()).isEqualTo(ReadingState.READ);
    }

    private boolean read(UUID id) {
        return store.find(id).orElseThrow().state() == ReadingState.READ;
    }
}

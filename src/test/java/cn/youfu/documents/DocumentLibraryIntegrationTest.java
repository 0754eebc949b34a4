package cn.youfu.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.youfu.AsOwner;
import cn.youfu.YoufuIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The trusted e-document library: content-addressed by SM3, one copy per content, append-only in the database. */
@YoufuIntegrationTest
class DocumentLibraryIntegrationTest {

    @Autowired
    Documents documents;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    @FlywayDataSource
    DataSource ownerDataSource;

    @Test
    void storesByTheSm3OfTheBytesAndKeepsOneCopyOfTheSameBytes() {
        byte[] bytes = ("材料 " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
        var first = documents.store(bytes, "text/plain");
        var second = documents.store(bytes.clone(), "application/octet-stream");

        assertThat(second).isEqualTo(first);
        assertThat(rows(first)).isEqualTo(1);
        var stored = documents.find(first.sm3()).orElseThrow();
        assertThat(stored.bytes()).isEqualTo(bytes);
        assertThat(stored.mediaType()).isEqualTo("text/plain"); // the first store's
        assertThat(stored.size()).isEqualTo(bytes.length);
        assertThat(documents.intact(first.sm3())).isTrue();
    }

    @Test
    void theIdIsTheSm3OfTheBytes() {
        // GB/T 32905-2016, example 1: SM3("abc")
        assertThat(documents.store("abc".getBytes(StandardCharsets.US_ASCII), "text/plain").sm3())
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }

    @Test
    void unknownAndMalformedIdsAreNotFound() {
        assertThat(documents.find("00".repeat(32))).isEmpty();
        assertThat(documents.find("not-a-hash")).isEmpty();
        assertThat(documents.intact("00".repeat(32))).isFalse();
    }

    @Test
    void updateDeleteAndTruncateAreRefused() {
        var id = documents.store(("append-only " + System.nanoTime()).getBytes(StandardCharsets.UTF_8), "text/plain");
        for (String sql : List.of(
                "UPDATE documents.document SET media_type = 'x' WHERE sm3 = decode('" + id.sm3() + "', 'hex')",
                "DELETE FROM documents.document WHERE sm3 = decode('" + id.sm3() + "', 'hex')",
                "TRUNCATE documents.document")) {
            assertThatThrownBy(() -> jdbc.sql(sql).update()).as("the application: " + sql)
                    .isInstanceOf(DataAccessException.class)
                    .hasStackTraceContaining("permission denied");
            assertThatThrownBy(() -> JdbcClient.create(ownerDataSource).sql(sql).update()).as("the owner: " + sql)
                    .isInstanceOf(DataAccessException.class)
                    .hasStackTraceContaining("is append-only");
        }
        assertThat(documents.intact(id.sm3())).isTrue();
    }

    @Test
    void contentChangedBehindTheLibrarysBackIsNotIntact() {
        var id = documents.store(("original " + System.nanoTime()).getBytes(StandardCharsets.UTF_8), "text/plain");
        var sm3 = HexFormat.of().parseHex(id.sm3());
        byte[] original = documents.find(id.sm3()).orElseThrow().bytes();
        AsOwner.change(ownerDataSource, "documents.document",
                "UPDATE documents.document SET content = 'forged'::bytea WHERE sm3 = ?", sm3);
        try {
            assertThat(documents.intact(id.sm3())).isFalse();
        } finally {
            AsOwner.change(ownerDataSource, "documents.document",
                    "UPDATE documents.document SET content = ? WHERE sm3 = ?", original, sm3);
        }
        assertThat(documents.intact(id.sm3())).isTrue();
    }

    private int rows(DocumentId id) {
        return jdbc.sql("SELECT count(*) FROM documents.document WHERE sm3 = ?")
                .param(HexFormat.of().parseHex(id.sm3())).query(Integer.class).single();
    }
}

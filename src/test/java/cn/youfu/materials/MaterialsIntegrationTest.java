package cn.youfu.materials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.youfu.Api;
import cn.youfu.YoufuIntegrationTest;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/** Uploads from outside: every refusal stores nothing; an accepted photo is read off the request thread. */
@YoufuIntegrationTest
class MaterialsIntegrationTest {

    static final Path CARD = Path.of("src/test/resources/materials/testset/id-card-002.jpg");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    ResultActions upload(String user, byte[] bytes, String filename, String contentType, String type)
            throws Exception {
        return mvc.perform(multipart("/api/v1/materials")
                .file(new MockMultipartFile("file", filename, contentType, bytes))
                .param("type", type)
                .header("Authorization", Api.bearer(mvc, user)));
    }

    long stored() {
        return jdbc.sql("SELECT (SELECT count(*) FROM materials.material) + (SELECT count(*) FROM documents.document)")
                .query(Long.class).single();
    }

    void refused(byte[] bytes, String filename, String contentType, int status, String problem) throws Exception {
        long before = stored();
        upload("applicant", bytes, filename, contentType, "id-card-front")
                .andExpect(status().is(status))
                .andExpect(jsonPath("$.type").value("urn:youfu:problem:" + problem))
                .andExpect(jsonPath("$.detail").isNotEmpty());
        assertThat(stored()).as("a refused upload stores nothing").isEqualTo(before);
    }

    @Test
    void anotherTypeIsRefused() throws Exception {
        refused("just some text, not a photo".getBytes(), "card.jpg", "image/jpeg", 415,
                "material-type-unsupported");
        var gif = new byte[] {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0, 0, 0, ';'};
        refused(gif, "card.gif", "image/gif", 415, "material-type-unsupported");
    }

    @Test
    void aFileOverTheSizeLimitIsRefused() throws Exception {
        var big = new byte[10 * 1024 * 1024 + 1];
        var jpeg = Files.readAllBytes(CARD);
        System.arraycopy(jpeg, 0, big, 0, jpeg.length);
        refused(big, "card.jpg", "image/jpeg", 413, "material-too-large");
    }

    @Test
    void aDecompressionBombIsRefusedUnread() throws Exception {
        refused(HostileFiles.pngHeader(100_000, 100_000), "bomb.png", "image/png", 422, "material-too-many-pixels");
    }

    @Test
    void anEncryptedPdfIsRefused() throws Exception {
        var out = new ByteArrayOutputStream();
        try (var pdf = new PDDocument()) {
            pdf.addPage(new PDPage());
            var policy = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            pdf.protect(policy);
            pdf.save(out);
        }
        refused(out.toByteArray(), "licence.pdf", "application/pdf", 422, "material-pdf-encrypted");
    }

    @Test
    void aMalformedPdfIsRefused() throws Exception {
        refused("%PDF-1.7\n1 0 obj << /Type /Catalog garbage".getBytes(), "licence.pdf", "application/pdf", 422,
                "material-malformed");
    }

    @Test
    void contentThatIsNotTheDeclaredTypeIsRefused() throws Exception {
        var jpeg = Files.readAllBytes(CARD);
        refused(jpeg, "card.png", "image/png", 422, "material-type-mismatch");
        refused(jpeg, "card.pdf", "application/octet-stream", 422, "material-type-mismatch");
    }

    @Test
    void anUnknownKindOfMaterialIsRefused() throws Exception {
        long before = stored();
        upload("applicant", Files.readAllBytes(CARD), "card.jpg", "image/jpeg", "passport")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:youfu:problem:material-unknown"));
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aPhotoIsStoredReadAndShownToItsOwnerOnly() throws Exception {
        var body = upload("applicant", Files.readAllBytes(CARD), "card.jpg", "image/jpeg", "id-card-front")
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.state").value("PENDING"))
                .andExpect(jsonPath("$.mediaType").value("image/jpeg"))
                .andReturn().getResponse().getContentAsString();
        var id = JsonMapper.builder().build().readTree(body).get("id").asString();
        var owner = Api.bearer(mvc, "applicant");
        String state = "PENDING";
        for (int i = 0; i < 300 && !state.equals("READ") && !state.equals("FAILED"); i++) {
            Thread.sleep(100);
            state = JsonMapper.builder().build().readTree(mvc.perform(get("/api/v1/materials/" + id)
                    .header("Authorization", owner)).andReturn().getResponse().getContentAsString())
                    .get("state").asString();
        }
        mvc.perform(get("/api/v1/materials/" + id).header("Authorization", owner))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("READ"))
                .andExpect(jsonPath("$.type").value("id-card-front"))
                .andExpect(jsonPath("$.fields.id_number.value").value("350105198212115111"))
                .andExpect(jsonPath("$.fields.id_number.valid").value(true))
                .andExpect(jsonPath("$.fields.id_number.region.width").isNumber())
                .andExpect(jsonPath("$.fields.name.confidence").isNumber());
        assertThat(jdbc.sql("SELECT document_sm3 FROM materials.material WHERE id = ?::uuid").param(id)
                .query(String.class).single()).matches("[0-9a-f]{64}");
        // another resident, an enterprise, an officer of a case it is not part of: the same 404 as no material
        for (var other : new String[] {"350104196505200111", "enterprise", "officer"}) {
            mvc.perform(get("/api/v1/materials/" + id).header("Authorization", Api.bearer(mvc, other)))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.type").value("urn:youfu:problem:material-not-found"));
        }
        mvc.perform(get("/api/v1/materials/" + id)).andExpect(status().isUnauthorized());
    }
}

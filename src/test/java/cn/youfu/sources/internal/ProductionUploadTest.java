package cn.youfu.sources.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.youfu.platform.Mode;
import cn.youfu.platform.YoufuSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.TestingAuthenticationToken;

/**
 * In production the registries are the data-sharing platform's: an administrator's CSV upload is refused before
 * anything of it is read (the controller has nothing else to write with: no upload service is even given).
 */
class ProductionUploadTest {

    @Test
    void anUploadIsRefusedInProduction() {
        var production = new SourcesController(null, null, null, null, null,
                new YoufuSettings(Mode.PRODUCTION, Path.of("data")));
        var request = new MockHttpServletRequest("PUT", "/api/v1/sources/population/records");
        request.setContent("id_number,name\n".getBytes());
        assertThatThrownBy(() -> production.upload("population", request,
                new TestingAuthenticationToken("admin", null, "ROLE_ADMIN")))
                .isInstanceOfSatisfying(SourceProblems.class, p -> assertThat(p.code()).isEqualTo("source-upload-demo-only"));
    }
}

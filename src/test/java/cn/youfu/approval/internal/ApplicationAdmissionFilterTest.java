package cn.youfu.approval.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.youfu.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An application is admitted before anything is spent on it: while every permit is taken, a submission is refused as
 * busy even with no token and an unreadable body (neither is looked at), and creates nothing; other requests go on.
 */
@SpringBootTest(properties = {"youfu.db.ephemeral=true", "youfu.mode=demo", "youfu.data-dir=target/test-data",
        "youfu.approval.max-in-flight=1", "youfu.approval.admission-wait=0ms"})
@AutoConfigureMockMvc
class ApplicationAdmissionFilterTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Admission admission;
    @Autowired
    JdbcClient jdbc;

    boolean holding;

    @AfterEach
    void release() {
        if (holding) {
            admission.leave();
        }
    }

    @Test
    void whileFullASubmissionIsRefusedBeforeItsTokenOrBodyIsRead() throws Exception {
        long cases = jdbc.sql("SELECT count(*) FROM cases.case").query(Long.class).single();
        holding = admission.enter();
        assertThat(holding).isTrue();

        var refused = mvc.perform(post("/api/v1/applications").header("Accept-Language", "en")
                .contentType(MediaType.APPLICATION_JSON).content("{not json")).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getContentAsString()).contains("urn:youfu:problem:busy", "nothing was created");
        assertThat(mvc.perform(post(java.net.URI.create("/api/v1/%61pplications"))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andReturn().getResponse().getStatus())
                .as("the same address, percent-encoded").isEqualTo(503);
        assertThat(mvc.perform(get("/api/v1/catalog/items/elderly-card")).andReturn().getResponse().getStatus())
                .as("other requests are not held up").isEqualTo(200);

        admission.leave();
        holding = false;
        assertThat(mvc.perform(post("/api/v1/applications").contentType(MediaType.APPLICATION_JSON)
                .content("{not json")).andReturn().getResponse().getStatus())
                .as("admitted, the same request is answered for what it is: unreadable").isEqualTo(400);
        var decided = mvc.perform(post("/api/v1/applications").header("Authorization", Api.bearer(mvc, "applicant"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"item\":\"elderly-card\",\"form\":{}}"))
                .andReturn().getResponse();
        assertThat(decided.getStatus()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT count(*) FROM cases.case").query(Long.class).single()).isEqualTo(cases + 1);
        assertThat(admission.enter()).as("the permit was given back").isTrue();
        holding = true;
    }
}

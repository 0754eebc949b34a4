package cn.youfu.approval.internal;

import static org.assertj.core.api.Assertions.assertThat;
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
 * Admission costs nobody anything but the applications it admits: while every permit is taken, a submission without
 * a token is answered 401 and an unreadable one 400, as at any other time (neither waits for a permit); only a
 * signed-in resident's well-formed application is told "busy", and creates nothing.
 */
@SpringBootTest(properties = {"youfu.db.ephemeral=true", "youfu.mode=demo", "youfu.data-dir=target/test-data",
        "youfu.approval.max-in-flight=1", "youfu.approval.admission-wait=0ms"})
@AutoConfigureMockMvc
class ApplicationAdmissionTest {

    private static final String ELDERLY_CARD = "{\"item\":\"elderly-card\",\"form\":{}}";

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
    void whileFullOnlyAnAuthenticatedWellFormedApplicationIsToldBusy() throws Exception {
        var token = Api.bearer(mvc, "applicant");
        long cases = jdbc.sql("SELECT count(*) FROM cases.case").query(Long.class).single();
        holding = admission.enter();
        assertThat(holding).isTrue();

        assertThat(status(null, ELDERLY_CARD)).as("no token: refused before any permit").isEqualTo(401);
        assertThat(status(token, "{not json")).as("unreadable: refused before any permit").isEqualTo(400);
        var refused = mvc.perform(post("/api/v1/applications").header("Authorization", token)
                .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON).content(ELDERLY_CARD))
                .andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getContentAsString()).contains("urn:youfu:problem:busy", "nothing was created");
        assertThat(jdbc.sql("SELECT count(*) FROM cases.case").query(Long.class).single()).isEqualTo(cases);

        admission.leave();
        holding = false;
        assertThat(status(token, ELDERLY_CARD)).isEqualTo(201);
        assertThat(jdbc.sql("SELECT count(*) FROM cases.case").query(Long.class).single()).isEqualTo(cases + 1);
        assertThat(admission.enter()).as("the permit was given back").isTrue();
        holding = true;
    }

    private int status(String token, String body) throws Exception {
        var request = post("/api/v1/applications").contentType(MediaType.APPLICATION_JSON).content(body);
        if (token != null) {
            request.header("Authorization", token);
        }
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }
}

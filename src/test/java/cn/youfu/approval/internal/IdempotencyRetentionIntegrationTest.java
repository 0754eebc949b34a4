package cn.youfu.approval.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.youfu.Api;
import cn.youfu.YoufuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** An Idempotency-Key is kept for the retention (24 h by default), then forgotten and purged. */
@YoufuIntegrationTest
class IdempotencyRetentionIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Idempotency idempotency;

    String submit(String token, String key, boolean replayed) throws Exception {
        var response = mvc.perform(post("/api/v1/applications").header("Authorization", token)
                        .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"item\":\"high-age-allowance\",\"form\":{}}"))
                .andExpect(status().isCreated())
                .andExpect(replayed ? header().string("Idempotent-Replayed", "true")
                        : header().doesNotExist("Idempotent-Replayed"))
                .andReturn().getResponse().getContentAsString();
        return JsonMapper.builder().build().readTree(response).get("reference").asString();
    }

    void age(String key, String interval) {
        jdbc.sql("UPDATE approval.idempotency_key SET created_at = created_at - ?::interval WHERE key = ?")
                .params(interval, key).update();
    }

    long stored(String key) {
        return jdbc.sql("SELECT count(*) FROM approval.idempotency_key WHERE key = ?").param(key)
                .query(Long.class).single();
    }

    @Test
    void aKeyOlderThanTheRetentionIsANewSubmissionAndIsPurged() throws Exception {
        var token = Api.bearer(mvc, "applicant");
        var key = "retention-" + System.nanoTime();
        var first = submit(token, key, false);
        age(key, "23 hours");
        assertThat(submit(token, key, true)).as("within the retention: the first answer").isEqualTo(first);

        age(key, "2 hours");
        var second = submit(token, key, false);
        assertThat(second).as("past the retention: a new application").isNotEqualTo(first);
        assertThat(submit(token, key, true)).as("and the new answer is kept").isEqualTo(second);

        var old = "retention-old-" + System.nanoTime();
        submit(token, old, false);
        age(old, "25 hours");
        assertThat(idempotency.purge()).isPositive();
        assertThat(stored(old)).as("purged").isZero();
        assertThat(stored(key)).as("a fresh key stays").isOne();
    }
}

package cn.youfu.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.youfu.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * With one application at a time admitted and no wait, concurrent submissions beyond the first are told "busy"
 * (503, Retry-After) and create nothing, instead of timing out their sources and being referred to officers.
 */
@SpringBootTest(properties = {"youfu.db.ephemeral=true", "youfu.mode=demo", "youfu.data-dir=target/test-data",
        "youfu.approval.max-in-flight=1", "youfu.approval.admission-wait=0ms"})
@AutoConfigureMockMvc
class ApprovalAdmissionIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void overloadIsRefusedWithRetryAfterAndCreatesNothing() throws Exception {
        var token = Api.bearer(mvc, "applicant");
        int threads = 6;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        var start = new java.util.concurrent.CountDownLatch(1);
        var results = new java.util.ArrayList<java.util.concurrent.Future<org.springframework.mock.web
                .MockHttpServletResponse>>();
        for (int i = 0; i < threads; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return mvc.perform(post("/api/v1/applications").header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"item\":\"high-age-allowance\",\"form\":{}}")).andReturn().getResponse();
            }));
        }
        start.countDown();
        int created = 0;
        int busy = 0;
        for (var result : results) {
            var response = result.get();
            if (response.getStatus() == 201) {
                created++;
            } else {
                assertThat(response.getStatus()).isEqualTo(503);
                assertThat(response.getHeader("Retry-After")).isEqualTo("1");
                assertThat(response.getContentAsString()).contains("urn:youfu:problem:busy");
                busy++;
            }
        }
        pool.shutdown();
        assertThat(created).isPositive();
        assertThat(busy).isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM cases.case WHERE type_code = 'service-application'")
                .query(Long.class).single()).isEqualTo(created);
    }
}

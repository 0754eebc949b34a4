package cn.youfu.platform;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.youfu.Api;
import cn.youfu.YoufuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@YoufuIntegrationTest
class OperationsIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void healthIsUpWithTheDatabase() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        // It really is PostgreSQL 18 answering.
        var version = jdbc.sql("SHOW server_version").query(String.class).single();
        org.assertj.core.api.Assertions.assertThat(version).startsWith("18.");
    }

    @Test
    void prometheusMetrics() throws Exception {
        mvc.perform(get("/actuator/prometheus"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("hikaricp_connections")))
                .andExpect(content().string(containsString("jvm_memory_used_bytes")));
    }

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void requestsAreMeasuredButSpringSecurityObservesNothing() throws Exception {
        mvc.perform(get("/api/v1/catalog/items")).andExpect(status().isOk());
        mvc.perform(get("/api/v1/cases").header("Authorization", "Bearer not-a-token"))
                .andExpect(status().isUnauthorized());

        org.assertj.core.api.Assertions.assertThat(meters.find("http.server.requests").timers()).isNotEmpty();
        org.assertj.core.api.Assertions.assertThat(meters.getMeters())
                .as("no filter chain, authentication or authorization observations")
                .noneMatch(meter -> meter.getId().getName().startsWith("spring.security"));
    }

    @Test
    void openApiDocument() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/calendar/deadline']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/auth/token']").exists());
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
    }

    @Test
    void unknownApiRoutesAre404ProblemsWithOrWithoutAToken() throws Exception {
        mvc.perform(get("/api/v1/no-such-thing"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:youfu:problem:not-found"))
                .andExpect(jsonPath("$.instance").value("/api/v1/no-such-thing"));
        mvc.perform(get("/api/v2/calendar/days/2026-01-01").header("Authorization", Api.bearer(mvc, "officer")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404));
    }

    /** A write to the API is authenticated first, so the anonymous learn nothing of its routes; then the method. */
    @Test
    void aWrongMethodIs405Problem() throws Exception {
        mvc.perform(delete("/api/v1/calendar/days/2026-01-01").header("Authorization", Api.bearer(mvc, "officer")))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.type").value("urn:youfu:problem:method-not-allowed"));
        mvc.perform(delete("/api/v1/calendar/days/2026-01-01")).andExpect(status().isUnauthorized());
    }

    @Test
    void otherActuatorEndpointsAreNotPublic() throws Exception {
        mvc.perform(get("/actuator/env")).andExpect(status().is4xxClientError());
        mvc.perform(get("/actuator/beans")).andExpect(status().is4xxClientError());
    }
}

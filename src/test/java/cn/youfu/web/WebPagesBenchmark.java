package cn.youfu.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import cn.youfu.YoufuIntegrationTest;
import cn.youfu.approval.Applications;
import cn.youfu.identity.CurrentUser;
import cn.youfu.identity.Role;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * Server time of the pages the browser tests visit: each GET through the whole filter chain (security, CSRF, locale)
 * and Thymeleaf rendering, 50 unmeasured then 300 measured, one thread; prints the median and p90 in ms.
 * {@code mvn -B -q test -Pbenchmark -Dtest=WebPagesBenchmark}; results in docs/benchmarks.md ("Web pages").
 */
@Tag("benchmark")
@YoufuIntegrationTest
class WebPagesBenchmark {

    static final CurrentUser RESIDENT = new CurrentUser("350104196505200111", "林春生", Set.of(Role.APPLICANT), null,
            "350104196505200111");
    static final CurrentUser OFFICER = new CurrentUser("civil-officer", "吴民安", Set.of(Role.OFFICER),
            "fz-civil-affairs", null);
    static final CurrentUser SUPERVISOR = new CurrentUser("supervisor", "黄督查", Set.of(Role.SUPERVISOR),
            "fz-government-office", null);

    @Autowired
    MockMvc mvc;
    @Autowired
    Applications applications;
    @Autowired
    cn.youfu.materials.Materials materials;

    @Test
    void medianServerTime() throws Exception {
        var decided = applications.apply(RESIDENT, "elderly-card", Map.of());
        var ref = decided.reference();
        var certificate = decided.certificate().id();
        var png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(cn.youfu.materials.TestSetGenerator.idCard("林春生", "汉",
                "福建省福州市仓山区首山路1号", RESIDENT.username()), "png", png);
        var material = materials.upload(RESIDENT, "id-card-front", png.toByteArray(), "image/png", "id.png");
        var withMaterial = applications.apply(RESIDENT, "senior-bus-card", Map.of(),
                Map.of("id-card-front", material.id().toString())).reference();
        var notAPhoto = new org.springframework.mock.web.MockMultipartFile("material-id-card-front", "card.jpg",
                "image/jpeg", "not a photo".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var pages = new LinkedHashMap<String, RequestBuilder>();
        pages.put("/ (home)", get("/"));
        pages.put("/login", get("/login"));
        pages.put("/services", get("/services"));
        pages.put("/services?q=老年 (htmx fragment)", get("/services").param("q", "老年").header("HX-Request", "true"));
        pages.put("/services/elderly-card", get("/services/elderly-card"));
        pages.put("/services/elderly-card/apply", get("/services/elderly-card/apply").with(WebPagesIntegrationTest.as(RESIDENT)));
        pages.put("/services/senior-bus-card/apply (file input)", get("/services/senior-bus-card/apply")
                .with(WebPagesIntegrationTest.as(RESIDENT)));
        pages.put("/my/cases", get("/my/cases").with(WebPagesIntegrationTest.as(RESIDENT)));
        pages.put("/my/cases/{ref} (approved, certificate + QR)", get("/my/cases/" + ref).with(WebPagesIntegrationTest.as(RESIDENT)));
        pages.put("/officer/inbox", get("/officer/inbox").with(WebPagesIntegrationTest.as(OFFICER)));
        pages.put("/officer/cases/{ref}", get("/officer/cases/" + ref).with(WebPagesIntegrationTest.as(OFFICER)));
        pages.put("/officer/cases/{ref} (ID card photo, fields read)", get("/officer/cases/" + withMaterial)
                .with(WebPagesIntegrationTest.as(OFFICER)));
        pages.put("/supervisor/dashboard", get("/supervisor/dashboard").with(WebPagesIntegrationTest.as(SUPERVISOR)));
        pages.put("/certificates/{id}/verify", get("/certificates/" + certificate + "/verify"));
        pages.put("POST apply, wrong field (form again)", post("/services/elderly-card/apply")
                .with(WebPagesIntegrationTest.as(RESIDENT)).with(csrf()).param("phone", "12345"));
        pages.put("POST apply, upload refused (form again)", multipart("/services/senior-bus-card/apply")
                .file(notAPhoto).with(WebPagesIntegrationTest.as(RESIDENT)).with(csrf()).param("phone", "13800000000"));
        var out = new StringBuilder("\n| page | median ms | p90 ms |\n|---|---:|---:|\n");
        for (var page : pages.entrySet()) {
            for (int i = 0; i < 50; i++) {
                mvc.perform(page.getValue());
            }
            int n = 300;
            long[] nanos = new long[n];
            for (int i = 0; i < n; i++) {
                long t = System.nanoTime();
                var status = mvc.perform(page.getValue()).andReturn().getResponse().getStatus();
                nanos[i] = System.nanoTime() - t;
                if (status != 200) {
                    throw new AssertionError(page.getKey() + " answered " + status);
                }
            }
            Arrays.sort(nanos);
            out.append("| ").append(page.getKey()).append(" | ")
                    .append(String.format("%.2f", nanos[n / 2] / 1e6)).append(" | ")
                    .append(String.format("%.2f", nanos[n * 9 / 10] / 1e6)).append(" |\n");
        }
        System.out.println(out);
    }
}

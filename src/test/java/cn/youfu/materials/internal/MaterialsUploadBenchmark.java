package cn.youfu.materials.internal;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import cn.youfu.Api;
import cn.youfu.YoufuIntegrationTest;
import cn.youfu.materials.MaterialReading;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The time a resident waits, end to end: {@code POST /api/v1/materials} (authentication, checks, storing, the
 * queue's hand-over) until the material's reading is READ or FAILED in the database, on the whole application with
 * its embedded PostgreSQL. One upload at a time (every 5th held-out image and every 10th development image, after
 * two to warm up): median and 95th percentile; then 20 uploads at once: when the last is read, and whether they
 * were read in the order uploaded. Each engine in its own application context, both in one run:
 * {@code mvn -B -q test -Pbenchmark -Dtest='*UploadBenchmark'}. Results: docs/benchmarks.md.
 */
@Tag("benchmark")
@YoufuIntegrationTest
abstract class MaterialsUploadBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int BURST = 20;

    @Autowired
    MockMvc mvc;
    @Autowired
    MaterialStore store;

    abstract String engine();

    @Test
    void uploadToReadingDone() throws Exception {
        var token = Api.bearer(mvc, "applicant");
        var dev = TestSetScore.images(TestSetScore.FOLDER, 10);
        var heldOut = TestSetScore.images(MaterialsOcrBenchmark.HELD_OUT, 5);
        for (var image : dev.subList(0, 2)) {
            awaitFinished(upload(image, token));
        }
        var heldOutSeconds = oneAtATime(heldOut, token);
        var devSeconds = oneAtATime(dev, token);
        var burst = TestSetScore.images(MaterialsOcrBenchmark.HELD_OUT, 10).subList(0, BURST);
        System.out.println("MaterialsUploadBenchmark " + engine() + ", " + Runtime.getRuntime().availableProcessors()
                + " cores\n" + summary("one at a time, held-out", heldOutSeconds)
                + summary("one at a time, development", devSeconds) + burst(burst, token));
    }

    private List<Double> oneAtATime(List<Path> images, String token) throws Exception {
        var seconds = new ArrayList<Double>();
        for (var image : images) {
            long started = System.nanoTime();
            var read = awaitFinished(upload(image, token));
            seconds.add((System.nanoTime() - started) / 1e9);
            if (!read.finished()) {
                System.out.println("not finished: " + image);
            }
        }
        return seconds;
    }

    /** 20 uploads sent at the same moment; the seconds until the last is read, and how many overtook another. */
    private String burst(List<Path> images, String token) throws Exception {
        var pool = Executors.newFixedThreadPool(images.size());
        var start = new CountDownLatch(1);
        var ids = new ArrayList<Future<UUID>>();
        for (var image : images) {
            ids.add(pool.submit(() -> {
                start.await();
                return upload(image, token);
            }));
        }
        long started = System.nanoTime();
        start.countDown();
        var read = new ArrayList<MaterialReading>();
        for (var id : ids) {
            read.add(awaitFinished(id.get()));
        }
        double all = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        var byUpload = read.stream().sorted(Comparator.comparing(MaterialReading::uploadedAt)).toList();
        int overtaken = 0;
        for (int i = 0; i < byUpload.size(); i++) {
            for (int j = i + 1; j < byUpload.size(); j++) {
                if (byUpload.get(j).readAt().isBefore(byUpload.get(i).readAt())) {
                    overtaken++;
                }
            }
        }
        long finished = read.stream().filter(MaterialReading::finished).count();
        var longest = read.stream().map(m -> Duration.between(m.uploadedAt(), m.readAt()).toMillis() / 1000.0)
                .max(Double::compare).orElse(0.0);
        return String.format(Locale.ROOT, "%d at once: %d finished, the last %.1f s after they were sent; longest "
                + "upload → read %.1f s; pairs read out of upload order: %d%n", images.size(), finished, all, longest,
                overtaken);
    }

    private UUID upload(Path image, String token) throws Exception {
        var type = JSON.readTree(Path.of(image.toString().replace(".jpg", ".json")).toFile()).get("type").asString();
        var body = mvc.perform(multipart("/api/v1/materials")
                        .file(new MockMultipartFile("file", image.getFileName().toString(), "image/jpeg",
                                Files.readAllBytes(image)))
                        .param("type", type)
                        .header("Authorization", token))
                .andReturn().getResponse().getContentAsString();
        return UUID.fromString(JSON.readTree(body).get("id").asString());
    }

    private MaterialReading awaitFinished(UUID id) throws InterruptedException {
        var deadline = System.nanoTime() + 120_000_000_000L;
        var material = store.find(id).orElseThrow();
        while (!material.finished() && System.nanoTime() < deadline) {
            Thread.sleep(10);
            material = store.find(id).orElseThrow();
        }
        return material;
    }

    private static String summary(String what, List<Double> seconds) {
        var sorted = seconds.stream().sorted().toList();
        return String.format(Locale.ROOT, "%s: %d uploads, upload → read median %.2f s, 95th percentile %.2f s, "
                        + "mean %.2f s, longest %.2f s%n", what, sorted.size(), sorted.get(sorted.size() / 2),
                sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(0.95 * sorted.size()) - 1)),
                sorted.stream().mapToDouble(Double::doubleValue).average().orElse(0), sorted.get(sorted.size() - 1));
    }
}

package cn.youfu.materials.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads images of the committed test set ({@code src/test/resources/materials/testset}) and scores the fields read
 * against the ground truth beside each: per material and field, the share read exactly; and the seconds per page.
 */
final class TestSetScore {

    static final Path FOLDER = Path.of("src/test/resources/materials/testset");

    /** Exact matches and totals per "material.field", wall time per page, and the misses for the log. */
    record Result(Map<String, int[]> counts, List<Double> seconds, List<String> misses) {

        double accuracy(String materialField) {
            var c = counts.get(materialField);
            return c == null || c[1] == 0 ? 0 : (double) c[0] / c[1];
        }

        double secondsPerPage() {
            return seconds.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        }

        double percentile(double p) {
            var sorted = seconds.stream().sorted().toList();
            return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
        }

        int pages() {
            return seconds.size();
        }

        String table() {
            var out = new StringBuilder("| material | field | exact | of | accuracy |\n|---|---|---:|---:|---:|\n");
            counts.forEach((key, c) -> {
                var parts = key.split("\\.", 2);
                out.append(String.format(java.util.Locale.ROOT, "| %s | %s | %d | %d | %.1f %% |%n", parts[0], parts[1],
                        c[0], c[1], 100.0 * c[0] / c[1]));
            });
            out.append(String.format(java.util.Locale.ROOT, "%npages: %d, seconds per page: mean %.2f, median %.2f, "
                    + "95th percentile %.2f%n", pages(), secondsPerPage(), percentile(0.5), percentile(0.95)));
            return out.toString();
        }
    }

    /** The images of the set, in name order; {@code every} > 1 takes every n-th of each material. */
    static List<Path> images(int every) {
        try (Stream<Path> files = Files.list(FOLDER)) {
            var all = files.filter(p -> p.toString().endsWith(".jpg")).sorted().toList();
            var picked = new ArrayList<Path>();
            for (int i = 0; i < all.size(); i++) {
                if (i % every == 0) {
                    picked.add(all.get(i));
                }
            }
            return picked;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Result score(List<Path> images) throws IOException {
        var reader = new MaterialReader(new Tesseract("tesseract", Duration.ofSeconds(30)));
        var json = JsonMapper.builder().build();
        var counts = new TreeMap<String, int[]>();
        var seconds = new ArrayList<Double>();
        var misses = new ArrayList<String>();
        for (var image : images) {
            var truth = json.readTree(Path.of(image.toString().replace(".jpg", ".json")).toFile());
            var type = truth.get("type").asString();
            MaterialExtractor extractor = type.equals(IdCardFrontExtractor.CODE) ? new IdCardFrontExtractor()
                    : new BusinessLicenceExtractor();
            var picture = ImageIO.read(image.toFile());
            long started = System.nanoTime();
            var read = reader.read(picture, extractor);
            seconds.add((System.nanoTime() - started) / 1e9);
            var expected = new LinkedHashMap<String, String>();
            truth.get("fields").properties().forEach(e -> expected.put(e.getKey(), e.getValue().asString()));
            expected.forEach((field, value) -> {
                var c = counts.computeIfAbsent(type + "." + field, k -> new int[2]);
                var got = read.get(field);
                c[1]++;
                if (got != null && value.equals(got.value())) {
                    c[0]++;
                } else {
                    misses.add(image.getFileName() + " " + field + ": expected " + value + ", read "
                            + (got == null ? null : got.value()) + " (" + (got == null ? 0 : got.confidence()) + ")");
                }
            });
        }
        return new Result(counts, seconds, misses);
    }

    public static void main(String[] args) throws IOException {
        var result = score(images(args.length > 0 ? Integer.parseInt(args[0]) : 1));
        result.misses().forEach(System.out::println);
        System.out.println(result.table());
    }
}

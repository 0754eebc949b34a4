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
 * against the ground truth beside each: per material and field, the share read exactly, also per font and layout;
 * the seconds per page; and how the confidence of right and wrong values compares (calibration), with the number of
 * wrong values at or above the confidence decisions rely on ({@link #SURE}, {@code youfu.materials.min-confidence}).
 */
final class TestSetScore {

    static final Path FOLDER = Path.of("src/test/resources/materials/testset");

    /** The confidence from which a decision relies on a field (application.yaml). */
    static final double SURE = 0.85;

    /**
     * Exact matches and totals per "material.field", the same per "material.field font/layout", the confidences of
     * right and of wrong values per "material.field", wall time per page, and the misses for the log.
     */
    record Result(Map<String, int[]> counts, Map<String, int[]> groups, Map<String, List<Double>> right,
                  Map<String, List<Double>> wrong, List<Double> seconds, List<String> misses,
                  Map<String, int[]> referred) {

        /** Materials of {@code type} (of all read) whose reading sends the application to an officer. */
        int[] referred(String type) {
            return referred.getOrDefault(type, new int[2]);
        }

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
            out.append("\n| material | field | font or layout | exact | of | accuracy |\n|---|---|---|---:|---:|---:|\n");
            groups.forEach((key, c) -> {
                var parts = key.split("[. ]", 3);
                out.append(String.format(java.util.Locale.ROOT, "| %s | %s | %s | %d | %d | %.1f %% |%n", parts[0],
                        parts[1], parts[2], c[0], c[1], 100.0 * c[0] / c[1]));
            });
            out.append("\n| material | field | mean confidence right | mean confidence wrong | wrong | wrong ≥ "
                    + SURE + " | right ≥ " + SURE + " |\n|---|---|---:|---:|---:|---:|---:|\n");
            counts.keySet().forEach(key -> {
                var r = right.getOrDefault(key, List.of());
                var w = wrong.getOrDefault(key, List.of());
                var parts = key.split("\\.", 2);
                out.append(String.format(java.util.Locale.ROOT, "| %s | %s | %.3f | %.3f | %d | %d | %d |%n",
                        parts[0], parts[1], mean(r), mean(w), w.size(), w.stream().filter(c -> c >= SURE).count(),
                        r.stream().filter(c -> c >= SURE).count()));
            });
            referred.forEach((type, r) -> out.append(String.format(java.util.Locale.ROOT,
                    "%n%s: %d of %d sent to an officer (a key field missing, invalid or below %.2f)", type, r[0], r[1],
                    SURE)));
            out.append(String.format(java.util.Locale.ROOT, "%npages: %d, seconds per page: mean %.2f, median %.2f, "
                    + "95th percentile %.2f%n", pages(), secondsPerPage(), percentile(0.5), percentile(0.95)));
            return out.toString();
        }

        /** Wrong values of "material.field" at or above {@link #SURE}. */
        long wrongButSure(String materialField) {
            return wrong.getOrDefault(materialField, List.of()).stream().filter(c -> c >= SURE).count();
        }

        private static double mean(List<Double> values) {
            return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }
    }

    /** The images of the development set, in name order; {@code every} > 1 takes every n-th of each material. */
    static List<Path> images(int every) {
        return images(FOLDER, every);
    }

    /** The images of the set in {@code folder}, in name order; {@code every} > 1 takes every n-th. */
    static List<Path> images(Path folder, int every) {
        try (Stream<Path> files = Files.list(folder)) {
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

    /** The Tesseract reader as the service builds it. */
    static FieldReader tesseract() {
        return new MaterialReader(new Tesseract("tesseract", Duration.ofSeconds(30)), SURE);
    }

    static Result score(List<Path> images) throws IOException {
        return score(images, tesseract());
    }

    static Result score(List<Path> images, FieldReader reader) throws IOException {
        return score(images, Map.of("engine", reader)).get("engine");
    }

    /**
     * The fields a decision rests on, per material: an application whose reading has one of them missing, invalid or
     * less sure than {@link #SURE} goes to an officer.
     */
    static final Map<String, List<String>> KEY_FIELDS = Map.of(
            IdCardFrontExtractor.CODE, List.of("name", "id_number"),
            ResidencePermitExtractor.CODE, List.of("name", "id_number"),
            BusinessLicenceExtractor.CODE, List.of("name", "credit_code", "legal_representative"));

    /**
     * Each image read by each reader in turn (which goes first alternates from image to image, so that a load that
     * comes and goes falls on all of them alike).
     *
     * @return the result of each reader, by the name it is given
     */
    static Map<String, Result> score(List<Path> images, Map<String, FieldReader> readers) throws IOException {
        var json = JsonMapper.builder().build();
        var names = new ArrayList<>(readers.keySet());
        var tallies = new LinkedHashMap<String, Tally>();
        names.forEach(n -> tallies.put(n, new Tally()));
        for (int i = 0; i < images.size(); i++) {
            var image = images.get(i);
            var truth = json.readTree(Path.of(image.toString().replace(".jpg", ".json")).toFile());
            var picture = ImageIO.read(image.toFile());
            for (int k = 0; k < names.size(); k++) {
                var name = names.get((i + k) % names.size());
                var type = truth.get("type").asString();
                MaterialExtractor extractor = switch (type) {
                    case IdCardFrontExtractor.CODE -> new IdCardFrontExtractor();
                    case ResidencePermitExtractor.CODE -> new ResidencePermitExtractor();
                    default -> new BusinessLicenceExtractor();
                };
                long started = System.nanoTime();
                var read = readers.get(name).read(picture, extractor);
                tallies.get(name).add(image, truth, read, (System.nanoTime() - started) / 1e9);
            }
        }
        var results = new LinkedHashMap<String, Result>();
        tallies.forEach((name, tally) -> results.put(name, tally.result()));
        return results;
    }

    /** What one reader read, field by field, as it comes. */
    private static final class Tally {
        final Map<String, int[]> counts = new TreeMap<>();
        final Map<String, int[]> groups = new TreeMap<>();
        final Map<String, List<Double>> right = new TreeMap<>();
        final Map<String, List<Double>> wrong = new TreeMap<>();
        final List<Double> seconds = new ArrayList<>();
        final List<String> misses = new ArrayList<>();
        final Map<String, int[]> referred = new TreeMap<>();

        void add(Path image, tools.jackson.databind.JsonNode truth, Map<String, cn.youfu.materials.ExtractedField> read,
                 double took) {
            var type = truth.get("type").asString();
            var font = truth.has("font") ? truth.get("font").asString() : "?";
            var layout = truth.has("layout") ? truth.get("layout").asString() : "?";
            seconds.add(took);
            var r = referred.computeIfAbsent(type, k -> new int[2]);
            r[1]++;
            if (KEY_FIELDS.get(type).stream().map(read::get).anyMatch(f -> f == null || !f.sure(SURE))) {
                r[0]++;
            }
            truth.get("fields").properties().forEach(e -> field(image, type, font, layout, e.getKey(),
                    e.getValue().asString(), read.get(e.getKey())));
        }

        private void field(Path image, String type, String font, String layout, String field, String value,
                           cn.youfu.materials.ExtractedField got) {
            var key = type + "." + field;
            var c = counts.computeIfAbsent(key, k -> new int[2]);
            var byFont = groups.computeIfAbsent(key + " " + font, k -> new int[2]);
            var byLayout = layout.equals("card") || layout.equals("permit") ? new int[2]
                    : groups.computeIfAbsent(key + " " + layout, k -> new int[2]);
            c[1]++;
            byFont[1]++;
            byLayout[1]++;
            boolean exact = got != null && value.equals(got.value());
            (exact ? right : wrong).computeIfAbsent(key, k -> new ArrayList<>()).add(got == null ? 0 : got.confidence());
            if (exact) {
                c[0]++;
                byFont[0]++;
                byLayout[0]++;
            } else {
                misses.add(image.getFileName() + " " + field + ": expected " + value + ", read "
                        + (got == null ? null : got.value()) + " (" + (got == null ? 0 : got.confidence()) + ") ["
                        + font + ", " + layout + "]");
            }
        }

        Result result() {
            return new Result(counts, groups, right, wrong, seconds, misses, referred);
        }
    }

    /** Arguments: every n-th image, the engine ({@code tesseract} or {@code paddle}), the folder. */
    public static void main(String[] args) throws IOException {
        var every = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        var engine = args.length > 1 ? args[1] : "tesseract";
        var folder = args.length > 2 ? Path.of(args[2]) : FOLDER;
        var result = score(images(folder, every), engine.equals("paddle") ? new PaddleReader(new PaddleOcr(1))
                : tesseract());
        result.misses().forEach(System.out::println);
        System.out.println(result.table());
    }
}

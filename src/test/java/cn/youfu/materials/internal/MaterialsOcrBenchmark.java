package cn.youfu.materials.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Reads the whole held-out set, then the whole development set, with both engines in the same run (each image by both,
 * one after the other, which goes first alternating) and prints, per set, the goal fields side by side, the wrong
 * values read sure, the materials a reading sends to an officer and the seconds per page; then each engine's full
 * tables. {@code mvn -B -q test -Pbenchmark -Dtest=MaterialsOcrBenchmark} ({@code -Dmaterials.every=n} reads every
 * n-th image only). Results: docs/benchmarks.md.
 */
@Tag("benchmark")
class MaterialsOcrBenchmark {

    static final Path HELD_OUT = Path.of("src/test/resources/materials/heldout");

    @Test
    void readsBothSetsWithBothEngines() throws Exception {
        int every = Integer.getInteger("materials.every", 1);
        try (var paddle = new PaddleOcr(1)) {
            var engines = new LinkedHashMap<String, FieldReader>();
            engines.put("Tesseract", TestSetScore.tesseract());
            engines.put("PaddleOCR", new PaddleReader(paddle));
            for (var set : List.of(HELD_OUT, TestSetScore.FOLDER)) {
                var results = TestSetScore.score(TestSetScore.images(set, every), engines);
                System.out.println("\nMaterialsOcrBenchmark " + set + "\n" + comparison(results));
                results.forEach((engine, result) -> {
                    result.misses().forEach(m -> System.out.println(engine + " miss: " + m));
                    System.out.println("\n" + engine + ", " + set + "\n" + result.table());
                });
            }
        }
    }

    /** The same outside Maven (class path of the test classes and their dependencies). */
    public static void main(String[] args) throws Exception {
        new MaterialsOcrBenchmark().readsBothSetsWithBothEngines();
    }

    /** The goal fields and timings of each engine, one column each. */
    static String comparison(Map<String, TestSetScore.Result> results) {
        var out = new StringBuilder("| measure |");
        results.keySet().forEach(e -> out.append(' ').append(e).append(" |"));
        out.append("\n|---|").append("---:|".repeat(results.size())).append('\n');
        row(out, results, "ID number exact (card + permit)", r -> exact(r, "id-card-front.id_number",
                "residence-permit.id_number"));
        row(out, results, "credit code exact", r -> exact(r, "business-licence.credit_code"));
        row(out, results, "names exact (all four)", r -> exact(r, "id-card-front.name", "residence-permit.name",
                "business-licence.name", "business-licence.legal_representative"));
        row(out, results, "· ID-card name", r -> exact(r, "id-card-front.name"));
        row(out, results, "· permit name", r -> exact(r, "residence-permit.name"));
        row(out, results, "· licence name", r -> exact(r, "business-licence.name"));
        row(out, results, "· legal representative", r -> exact(r, "business-licence.legal_representative"));
        row(out, results, "wrong ID numbers / credit codes at ≥ 0.85", r -> String.valueOf(
                r.wrongButSure("id-card-front.id_number") + r.wrongButSure("residence-permit.id_number")
                        + r.wrongButSure("business-licence.credit_code")));
        row(out, results, "wrong names at ≥ 0.85", r -> String.valueOf(r.wrongButSure("id-card-front.name")
                + r.wrongButSure("residence-permit.name") + r.wrongButSure("business-licence.name")
                + r.wrongButSure("business-licence.legal_representative")));
        for (var type : List.of("id-card-front", "business-licence", "residence-permit")) {
            row(out, results, "sent to an officer: " + type, r -> share(r.referred(type)[0], r.referred(type)[1]));
        }
        row(out, results, "seconds per page: mean / median / p95", r -> String.format(Locale.ROOT,
                "%.2f / %.2f / %.2f", r.secondsPerPage(), r.percentile(0.5), r.percentile(0.95)));
        return out.toString();
    }

    private static void row(StringBuilder out, Map<String, TestSetScore.Result> results, String name,
                            java.util.function.Function<TestSetScore.Result, String> value) {
        out.append("| ").append(name).append(" |");
        results.values().forEach(r -> out.append(' ').append(value.apply(r)).append(" |"));
        out.append('\n');
    }

    private static String exact(TestSetScore.Result r, String... fields) {
        int right = 0;
        int all = 0;
        for (var f : fields) {
            var c = r.counts().getOrDefault(f, new int[2]);
            right += c[0];
            all += c[1];
        }
        return share(right, all);
    }

    private static String share(int n, int of) {
        return String.format(Locale.ROOT, "%d/%d (%.1f %%)", n, of, of == 0 ? 0 : 100.0 * n / of);
    }
}

package cn.youfu.materials.internal;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Reads the whole committed test set and prints per-field exact-match accuracy and seconds per page:
 * {@code mvn -B -q test -Pbenchmark -Dtest=MaterialsOcrBenchmark}. Results: docs/benchmarks.md.
 */
@Tag("benchmark")
class MaterialsOcrBenchmark {

    @Test
    void readsTheWholeTestSet() throws Exception {
        var result = TestSetScore.score(TestSetScore.images(1));
        result.misses().forEach(m -> System.out.println("miss: " + m));
        System.out.println("MaterialsOcrBenchmark\n" + result.table());
    }
}

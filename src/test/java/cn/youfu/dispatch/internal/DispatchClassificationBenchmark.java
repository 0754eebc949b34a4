package cn.youfu.dispatch.internal;

import cn.youfu.dispatch.internal.TopicClassifier.Algorithm;
import cn.youfu.dispatch.internal.TopicClassifier.Example;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Stratified 10-fold cross-validation of the topic classifier on the shipped training file: each message is
 * classified by a model that never saw it. Prints the table of docs/benchmarks.md ("Dispatch classification"):
 * {@code mvn -B -q test -Pbenchmark -Dtest=DispatchClassificationBenchmark}.
 */
@Tag("benchmark")
class DispatchClassificationBenchmark {

    static final int FOLDS = 10;

    @Test
    void crossValidation() {
        var tokenizer = new ChineseTokenizer();
        var examples = TrainingFile.examples();
        var taxonomy = TrainingFile.taxonomy(examples.stream().map(Example::topic).collect(Collectors.toSet()));
        for (var algorithm : Algorithm.values()) {
            report(algorithm, crossValidate(tokenizer, examples, taxonomy, algorithm, FOLDS, 20261125L));
        }
    }

    record Outcome(Example example, String predicted, double millis) {
    }

    /** Each fold's model learns from the other folds and the taxonomy's words, as the one in service does. */
    static List<Outcome> crossValidate(ChineseTokenizer tokenizer, List<Example> examples, List<Example> taxonomy,
                                       Algorithm algorithm, int folds, long seed) {
        var fold = folds(examples, folds, seed);
        var outcomes = new ArrayList<Outcome>();
        for (int k = 0; k < folds; k++) {
            var train = new ArrayList<Example>(taxonomy);
            var test = new ArrayList<Example>();
            for (int i = 0; i < examples.size(); i++) {
                (fold[i] == k ? test : train).add(examples.get(i));
            }
            var classifier = TopicClassifier.train(tokenizer, train, algorithm);
            classifier.classify(test.get(0).text()); // warm the path once per model
            for (var e : test) {
                long start = System.nanoTime();
                var topic = classifier.classify(e.text()).best().topic();
                outcomes.add(new Outcome(e, topic, (System.nanoTime() - start) / 1e6));
            }
        }
        return outcomes;
    }

    /** Stratified: each topic's examples are shuffled and dealt round the folds. */
    static int[] folds(List<Example> examples, int folds, long seed) {
        var fold = new int[examples.size()];
        var random = new Random(seed);
        var byTopic = new TreeMap<String, List<Integer>>();
        for (int i = 0; i < examples.size(); i++) {
            byTopic.computeIfAbsent(examples.get(i).topic(), t -> new ArrayList<>()).add(i);
        }
        int next = 0;
        for (var indices : byTopic.values()) {
            java.util.Collections.shuffle(indices, random);
            for (int i : indices) {
                fold[i] = next++ % folds;
            }
        }
        return fold;
    }

    static void report(Algorithm algorithm, List<Outcome> outcomes) {
        var topics = outcomes.stream().map(o -> o.example().topic()).collect(Collectors.toCollection(java.util.TreeSet::new));
        long correct = outcomes.stream().filter(o -> o.predicted().equals(o.example().topic())).count();
        double f1Sum = 0;
        var rows = new StringBuilder();
        for (var topic : topics) {
            long tp = outcomes.stream().filter(o -> o.example().topic().equals(topic) && o.predicted().equals(topic)).count();
            long actual = outcomes.stream().filter(o -> o.example().topic().equals(topic)).count();
            long predicted = outcomes.stream().filter(o -> o.predicted().equals(topic)).count();
            double recall = actual == 0 ? 0 : (double) tp / actual;
            double precision = predicted == 0 ? 0 : (double) tp / predicted;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            f1Sum += f1;
            rows.append("| %s | %d | %.1f %% | %.1f %% |%n".formatted(topic, actual, 100 * recall, 100 * precision));
        }
        var millis = outcomes.stream().mapToDouble(Outcome::millis).sorted().toArray();
        System.out.printf("%n### %s, %d-fold stratified cross-validation, %d messages%n", algorithm, FOLDS,
                outcomes.size());
        System.out.printf("accuracy %.1f %%, macro-F1 %.3f, ms per event: mean %.3f, median %.3f, p95 %.3f%n",
                100.0 * correct / outcomes.size(), f1Sum / topics.size(),
                java.util.Arrays.stream(millis).average().orElse(0), millis[millis.length / 2],
                millis[(int) (millis.length * 0.95)]);
        System.out.println("| topic | messages | recall | precision |\n|---|---|---|---|");
        System.out.print(rows);
    }
}

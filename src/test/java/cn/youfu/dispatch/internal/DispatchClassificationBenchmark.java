package cn.youfu.dispatch.internal;

import cn.youfu.dispatch.internal.TopicClassifier.Example;
import cn.youfu.dispatch.internal.TopicClassifier.Options;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Stratified 10-fold cross-validation of the topic classifier on the shipped training file: each message is
 * classified by a model that never saw it, from the text the service is given (subject + body; and body alone).
 * Prints the tables of docs/benchmarks.md ("Dispatch classification"):
 * {@code mvn -B -q test -Pbenchmark -Dtest=DispatchClassificationBenchmark}.
 *
 * <p>With {@code -Ddispatch.explore=true} it also prints the grid of options that were compared, and a nested
 * cross-validation: inside each outer fold, a 3-fold cross-validation of the training part alone picks the options
 * from that grid, so the outer accuracy is an unbiased estimate of "choosing the options by cross-validation".
 */
@Tag("benchmark")
class DispatchClassificationBenchmark {

    static final int FOLDS = 10;
    static final long SEED = 20261125L;
    static final int WARM_UP = 50;

    /** What a message is to the classifier in service. */
    enum Input {
        SUBJECT_AND_BODY(Example::text), BODY_ONLY(Example::body);

        final Function<Example, String> text;

        Input(Function<Example, String> text) {
            this.text = text;
        }
    }

    @Test
    void crossValidation() {
        var tokenizer = new CachingTokenizer();
        var examples = TrainingFile.examples();
        var taxonomy = TrainingFile.taxonomy(examples.stream().map(Example::topic).collect(Collectors.toSet()));
        // untimed first: these runs also let the JIT compile the path, as in a service that has been running
        report("in service, without the taxonomy's words, SUBJECT_AND_BODY",
                crossValidate(tokenizer, examples, List.of(), Options.DEFAULT, Input.SUBJECT_AND_BODY, FOLDS, SEED,
                        false), false);
        var bodyToo = new Options(1, false, 1, 3, 2, 12, false, 10, true, 40, true, 300);
        for (var input : Input.values()) {
            report("also learning from bodies alone, " + input, crossValidate(tokenizer, examples, taxonomy,
                    bodyToo, input, FOLDS, SEED, false), false);
        }
        for (var input : Input.values()) {
            report("in service (" + Options.DEFAULT + "), " + input, crossValidate(tokenizer, examples, taxonomy,
                    Options.DEFAULT, input, FOLDS, SEED, true), true);
        }
        if (Boolean.getBoolean("dispatch.explore")) {
            explore(tokenizer, examples, taxonomy);
        }
    }

    /** The options compared. */
    static List<Options> grid() {
        var grid = new ArrayList<Options>();
        for (double cost : new double[] {3, 10, 30}) {
            for (int lead : new int[] {4, 8, 12, 16}) {
                grid.add(new Options(1, false, 1, 3, 2, lead, false, cost, true, 40, false, 300));
            }
        }
        return grid;
    }

    /** Words (smartcn) beside the n-grams, and other single changes to the options in service. */
    static List<Options> variants() {
        return List.of(new Options(1, true, 1, 3, 2, 12, false, 10, true, 40, false, 300),
                new Options(1, true, 1, 3, 2, 12, false, 10, true, 40, false, 5000),
                new Options(1, true, 0, 0, 2, 12, false, 10, true, 40, false, 5000),
                new Options(1, false, 1, 2, 2, 12, false, 10, true, 40, false, 300),
                new Options(1, false, 1, 4, 2, 12, false, 10, true, 40, false, 300),
                new Options(1, false, 1, 3, 1, 12, false, 10, true, 40, false, 300),
                new Options(1, false, 1, 3, 2, 0, false, 10, true, 40, false, 300),
                new Options(1, false, 1, 3, 2, 12, false, 10, false, 40, false, 300),
                new Options(3, false, 1, 3, 2, 0, false, 10, true, 40, false, 300));
    }

    void explore(CachingTokenizer tokenizer, List<Example> examples, List<Example> taxonomy) {
        System.out.println("\n### Grid (same folds; tuning on these figures would be optimistic)");
        for (var options : java.util.stream.Stream.concat(grid().stream(), variants().stream()).toList()) {
            var outcomes = crossValidate(tokenizer, examples, taxonomy, options, Input.SUBJECT_AND_BODY, FOLDS, SEED,
                    false);
            System.out.printf("%s: accuracy %.1f %%, macro-F1 %.3f%n", options, 100 * accuracy(outcomes),
                    macroF1(outcomes));
        }
        if (!Boolean.getBoolean("dispatch.nested")) {
            return;
        }
        var fold = folds(examples, FOLDS, SEED);
        var outcomes = new ArrayList<Outcome>();
        var chosen = new ArrayList<Options>();
        for (int k = 0; k < FOLDS; k++) {
            var outerTrain = new ArrayList<Example>();
            var test = new ArrayList<Example>();
            for (int i = 0; i < examples.size(); i++) {
                (fold[i] == k ? test : outerTrain).add(examples.get(i));
            }
            var best = grid().stream().max(Comparator.comparingDouble(o -> accuracy(crossValidate(tokenizer,
                    outerTrain, taxonomy, o, Input.SUBJECT_AND_BODY, 3, SEED + 1, false)))).orElseThrow();
            chosen.add(best);
            var train = new ArrayList<>(taxonomy);
            train.addAll(outerTrain);
            var classifier = TopicClassifier.train(tokenizer, train, best);
            for (var e : test) {
                outcomes.add(new Outcome(e, classifier.classify(e.text()).best().topic(), 0));
            }
        }
        System.out.printf("%n### Nested cross-validation (options chosen inside each outer fold)%naccuracy %.1f %%, "
                + "macro-F1 %.3f; chosen: %s%n", 100 * accuracy(outcomes), macroF1(outcomes), chosen);
    }

    record Outcome(Example example, String predicted, double millis) {
    }

    /** Each fold's model learns from the other folds and the taxonomy's words, as the one in service does. */
    static List<Outcome> crossValidate(CachingTokenizer tokenizer, List<Example> examples, List<Example> taxonomy,
                                       Options options, Input input, int folds, long seed, boolean timed) {
        var fold = folds(examples, folds, seed);
        var outcomes = new ArrayList<Outcome>();
        for (int k = 0; k < folds; k++) {
            var train = new ArrayList<Example>(taxonomy);
            var test = new ArrayList<Example>();
            for (int i = 0; i < examples.size(); i++) {
                (fold[i] == k ? test : train).add(examples.get(i));
            }
            var classifier = TopicClassifier.train(tokenizer, train, options);
            if (timed) {
                // warm the path as a running service is warm: classify training messages (never a test one)
                var warm = classifier.withTokenizer(tokenizer.uncached());
                for (int w = 0; w < WARM_UP; w++) {
                    warm.classify(input.text.apply(train.get(taxonomy.size() + w % (train.size() - taxonomy.size()))));
                }
            }
            for (var e : test) {
                var text = input.text.apply(e);
                // time what the service does: a fresh segmentation (never the benchmark's cache)
                long start = System.nanoTime();
                var topic = (timed ? classifier.withTokenizer(tokenizer.uncached()) : classifier).classify(text)
                        .best().topic();
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
            Collections.shuffle(indices, random);
            for (int i : indices) {
                fold[i] = next++ % folds;
            }
        }
        return fold;
    }

    static double accuracy(List<Outcome> outcomes) {
        return (double) outcomes.stream().filter(o -> o.predicted().equals(o.example().topic())).count()
                / outcomes.size();
    }

    static double macroF1(List<Outcome> outcomes) {
        var topics = outcomes.stream().map(o -> o.example().topic()).collect(Collectors.toCollection(TreeSet::new));
        double sum = 0;
        for (var topic : topics) {
            sum += prf(outcomes, topic)[2];
        }
        return sum / topics.size();
    }

    /** Recall, precision and F1 of one topic. */
    static double[] prf(List<Outcome> outcomes, String topic) {
        long tp = outcomes.stream().filter(o -> o.example().topic().equals(topic) && o.predicted().equals(topic))
                .count();
        long actual = outcomes.stream().filter(o -> o.example().topic().equals(topic)).count();
        long predicted = outcomes.stream().filter(o -> o.predicted().equals(topic)).count();
        double recall = actual == 0 ? 0 : (double) tp / actual;
        double precision = predicted == 0 ? 0 : (double) tp / predicted;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new double[] {recall, precision, f1};
    }

    static void report(String title, List<Outcome> outcomes, boolean perTopic) {
        var millis = outcomes.stream().mapToDouble(Outcome::millis).sorted().toArray();
        System.out.printf("%n### %s: %d-fold stratified cross-validation, %d messages%n", title, FOLDS,
                outcomes.size());
        System.out.printf("accuracy %.1f %%, macro-F1 %.3f, ms per event: mean %.3f, median %.3f, p95 %.3f, "
                        + "max %.3f%n", 100 * accuracy(outcomes), macroF1(outcomes),
                Arrays.stream(millis).average().orElse(0), millis[millis.length / 2],
                millis[(int) (millis.length * 0.95)], millis[millis.length - 1]);
        if (perTopic) {
            System.out.println("| topic | messages | recall | precision |\n|---|---|---|---|");
            var topics = outcomes.stream().map(o -> o.example().topic())
                    .collect(Collectors.toCollection(TreeSet::new));
            for (var topic : topics) {
                var r = prf(outcomes, topic);
                System.out.printf("| %s | %d | %.1f %% | %.1f %% |%n", topic,
                        outcomes.stream().filter(o -> o.example().topic().equals(topic)).count(), 100 * r[0],
                        100 * r[1]);
            }
        }
    }

    /** Segments each distinct text once across the folds and the grid (pure function of the text). */
    static final class CachingTokenizer extends ChineseTokenizer {
        private final Map<String, List<String>> cache = new ConcurrentHashMap<>();
        private final ChineseTokenizer plain = new ChineseTokenizer();

        @Override
        List<String> words(String text) {
            return cache.computeIfAbsent(text, plain::words);
        }

        ChineseTokenizer uncached() {
            return plain;
        }
    }
}

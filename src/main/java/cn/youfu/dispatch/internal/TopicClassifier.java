package cn.youfu.dispatch.internal;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Classifies a citizen's message into a first-level topic of the city's taxonomy.
 *
 * <p>Features ({@link Options#DEFAULT}): the character 1- to 3-grams of each run of Chinese characters, those of the
 * text's first sentence (the subject when a message has one, else the body's opening after a greeting) counted again
 * {@link Options#leadWeight()} times, as the opening says what a message is about; and the Lucene smartcn words
 * ({@link ChineseTokenizer}) of the text's first {@link Options#wordChars()} characters, which add no accuracy on
 * the training file but make the explaining terms dictionary words. Each feature is weighted by
 * sublinear TF-IDF ({@code (1 + ln tf) × idf}, idf learnt from the training messages) and the vector is
 * L2-normalised. Model: L2-regularised logistic regression, one topic against the rest, topics weighted inversely to
 * their number of examples, trained by LIBLINEAR (its Java port {@code de.bwaldvogel:liblinear}); the probabilities
 * are LIBLINEAR's (each topic's sigmoid, normalised to sum 1). The terms that explain a decision come from the same
 * linear model: a feature's share is its weight for the chosen topic times its value in the message, so explaining
 * costs one pass over the message's features.
 *
 * <p>Immutable once trained and safe to share between threads.
 */
final class TopicClassifier {

    /**
     * A labelled message: its subject (a title; may be empty) and its body. In training the subject counts
     * {@link Options#subjectWeight()} times, as a title says what a long message is about; classifying reads what a
     * citizen's event has, {@link #text()}: the subject once (when there is one) and the body.
     */
    record Example(String subject, String body, String topic) {
        String trainingText(int subjectWeight) {
            return subject.isEmpty() ? body : (subject + "。").repeat(subjectWeight) + body;
        }

        String text() {
            return subject.isEmpty() ? body : subject + "。" + body;
        }
    }

    /**
     * How a model is built.
     *
     * @param subjectWeight how many times a training example's subject counts (1: as the service sees it)
     * @param words         whether smartcn words are features
     * @param minGram       shortest character n-gram (0: none)
     * @param maxGram       longest character n-gram
     * @param minDf         a feature must occur in this many training messages
     * @param leadWeight    how many times the features of a text's first sentence (at most {@code leadChars}:
     *                      the subject when a message has one, else the body's opening) count again
     * @param leadApart     whether the first sentence's features are features of their own (else the same ones again)
     * @param cost          LIBLINEAR's C: the larger, the weaker the L2 penalty
     * @param balanced      whether each topic's examples are weighted inversely to their number
     * @param leadChars     the longest first sentence that counts again
     * @param bodyToo       whether a message with a subject is also learnt from its body alone (as a citizen's event
     *                      without a title would read)
     * @param wordChars     how many of a text's first characters are segmented into words (segmenting is the dearest
     *                      part of a classification; the n-grams cover the whole text)
     */
    record Options(int subjectWeight, boolean words, int minGram, int maxGram, int minDf, int leadWeight,
                   boolean leadApart, double cost, boolean balanced, int leadChars, boolean bodyToo, int wordChars) {

        /** The choice in service, fixed from the cross-validation in docs/benchmarks.md. */
        static final Options DEFAULT = new Options(1, true, 1, 3, 2, 12, false, 10, true, 40, false, 300);

        Options {
            if (subjectWeight < 1 || minGram < 0 || (minGram > 0 && maxGram < minGram) || minDf < 1 || cost <= 0
                    || leadWeight < 0 || leadChars < 1 || wordChars < 1) {
                throw new IllegalArgumentException("bad classifier options");
            }
        }
    }

    /** A topic (or a word) and its score: the model's probability of a topic. */
    record Scored(String topic, double probability) {
    }

    /**
     * @param ranked every topic, most probable first
     * @param terms  the message's terms (n-grams of two or more characters, or words) that point most to the first
     *               topic, at most five: the reason given
     */
    record Classification(List<Scored> ranked, List<String> terms) {
        Scored best() {
            return ranked.get(0);
        }
    }

    private static final int TERMS = 5;
    /** Greetings a message may open with (尊敬的领导：, 胡书记，您好！): not what it is about. */
    private static final java.util.regex.Pattern SALUTATION = java.util.regex.Pattern.compile(
            "^(\\s*[^，,：:！!。？?\\s]{0,12}(尊敬|您们?好|你们?好|大家好|领导|书记|市长|厅长|局长|主任|同志们?)"
                    + "[^，,：:！!。？?\\s]{0,8}\\s*[，,：:！!。]+)+");
    private static final java.util.regex.Pattern SENTENCE_END = java.util.regex.Pattern.compile("[。！？!?\\n]");
    private static final String WORD = "w:";
    private static final String GRAM = "c:";
    private static final String LEAD_MARK = "L";

    private final ChineseTokenizer tokenizer;
    private final Options options;
    private final Map<String, Integer> index;
    private final String[] names;
    private final double[] idf;
    private final List<String> topics;
    private final Model model;
    private final int[] labelColumn;
    private final int examples;

    private TopicClassifier(ChineseTokenizer tokenizer, Options options, Map<String, Integer> index, double[] idf,
                            List<String> topics, Model model, int examples) {
        this.tokenizer = tokenizer;
        this.options = options;
        this.index = index;
        this.names = new String[index.size()];
        index.forEach((feature, i) -> names[i - 1] = feature);
        this.idf = idf;
        this.topics = topics;
        this.model = model;
        this.examples = examples;
        this.labelColumn = new int[topics.size()];
        var labels = model.getLabels();
        for (int column = 0; column < labels.length; column++) {
            labelColumn[labels[column]] = column;
        }
    }

    static TopicClassifier train(ChineseTokenizer tokenizer, List<Example> examples, Options options) {
        var docs = new ArrayList<Map<String, Integer>>();
        var labels = new ArrayList<String>();
        for (var e : examples) {
            var texts = options.bodyToo() && !e.subject().isEmpty() && !e.body().isEmpty()
                    ? List.of(e.trainingText(options.subjectWeight()), e.body())
                    : List.of(e.trainingText(options.subjectWeight()));
            for (var text : texts) {
                var counts = counts(tokenizer, text, options);
                if (!counts.isEmpty()) {
                    docs.add(counts);
                    labels.add(e.topic());
                }
            }
        }
        var topics = List.copyOf(new TreeSet<>(labels));
        if (topics.size() < 2) {
            throw new IllegalArgumentException("training needs examples of at least two topics");
        }
        var df = new HashMap<String, Integer>();
        for (var doc : docs) {
            doc.keySet().forEach(f -> df.merge(f, 1, Integer::sum));
        }
        var index = new HashMap<String, Integer>();
        var idfs = new ArrayList<Double>();
        df.entrySet().stream().filter(d -> d.getValue() >= options.minDf()).map(Map.Entry::getKey).sorted()
                .forEach(f -> {
                    index.put(f, index.size() + 1);
                    idfs.add(Math.log((1.0 + docs.size()) / (1.0 + df.get(f))) + 1);
                });
        var idf = idfs.stream().mapToDouble(Double::doubleValue).toArray();

        var problem = new Problem();
        problem.l = docs.size();
        problem.n = index.size() + 1;
        problem.bias = 1;
        problem.x = new Feature[docs.size()][];
        problem.y = new double[docs.size()];
        for (int i = 0; i < docs.size(); i++) {
            problem.x[i] = vector(docs.get(i), index, idf, problem.n);
            problem.y[i] = topics.indexOf(labels.get(i));
        }
        Linear.disableDebugOutput();
        var parameter = new Parameter(SolverType.L2R_LR, options.cost(), 0.001);
        if (options.balanced()) {
            var weights = new double[topics.size()];
            var labelsOf = new int[topics.size()];
            for (int t = 0; t < topics.size(); t++) {
                labelsOf[t] = t;
                long n = Collections.frequency(labels, topics.get(t));
                weights[t] = (double) labels.size() / (topics.size() * n);
            }
            parameter.setWeights(weights, labelsOf);
        }
        var model = Linear.train(problem, parameter);
        return new TopicClassifier(tokenizer, options, Map.copyOf(index), idf, topics, model, docs.size());
    }

    /** The same model reading text with another tokenizer (the benchmark times an uncached one). */
    TopicClassifier withTokenizer(ChineseTokenizer other) {
        return new TopicClassifier(other, options, index, idf, topics, model, examples);
    }

    /** How many examples the model was trained on. */
    int examples() {
        return examples;
    }

    /** The topics the model knows. */
    List<String> topics() {
        return topics;
    }

    Classification classify(String text) {
        var counts = counts(tokenizer, text, options);
        var x = vector(counts, index, idf, index.size() + 1);
        var probabilities = new double[topics.size()];
        Linear.predictProbability(model, x, probabilities);
        var ranked = new ArrayList<Scored>();
        for (int t = 0; t < topics.size(); t++) {
            ranked.add(new Scored(topics.get(t), probabilities[labelColumn[t]]));
        }
        ranked.sort(Comparator.comparingDouble(Scored::probability).reversed()
                .thenComparing(s -> s.topic().toLowerCase(Locale.ROOT)));
        return new Classification(ranked, terms(x, topics.indexOf(ranked.get(0).topic()), text));
    }

    /**
     * The terms that push most towards the topic: each feature's value in the message times its weight for the
     * topic (one pass over the message's features, no re-scoring); words and n-grams of two or more characters,
     * positive shares only, largest first; a term inside one already chosen (or around it) is left out, one that
     * overlaps it in the message is joined to it.
     */
    private List<String> terms(Feature[] x, int topic, String text) {
        int column = labelColumn[topic];
        var shares = new ArrayList<Scored>();
        for (var f : x) {
            if (f.getIndex() > names.length) {
                continue; // the bias
            }
            var term = term(names[f.getIndex() - 1]);
            double share = f.getValue() * model.getDecfunCoef(f.getIndex(), column);
            if (term.length() > 1 && share > 0) {
                shares.add(new Scored(term, share));
            }
        }
        shares.sort(Comparator.comparingDouble(Scored::probability).reversed());
        var terms = new ArrayList<String>();
        for (var s : shares) {
            if (terms.size() == TERMS) {
                break;
            }
            var term = s.topic();
            if (terms.stream().anyMatch(t -> t.contains(term) || term.contains(t))) {
                continue;
            }
            int joined = -1;
            for (int t = 0; t < terms.size() && joined < 0; t++) {
                var merged = merge(terms.get(t), term, text);
                if (merged != null) {
                    terms.set(t, merged);
                    joined = t;
                }
            }
            if (joined < 0) {
                terms.add(term);
            }
        }
        return terms;
    }

    /**
     * Two overlapping n-grams as the one string of the message they come from (车司 + 司机 → 车司机), or null when
     * they do not overlap there.
     */
    private static String merge(String a, String b, String text) {
        for (var pair : List.of(List.of(a, b), List.of(b, a))) {
            var first = pair.get(0);
            var second = pair.get(1);
            for (int k = Math.min(first.length(), second.length()) - 1; k >= 1; k--) {
                if (first.endsWith(second.substring(0, k))) {
                    var merged = first + second.substring(k);
                    if (text.contains(merged)) {
                        return merged;
                    }
                }
            }
        }
        return null;
    }

    /** The text of a feature: its word or n-gram without the markers. */
    private static String term(String feature) {
        var f = feature.startsWith(LEAD_MARK) ? feature.substring(LEAD_MARK.length()) : feature;
        return f.substring(2);
    }

    /** The features of a text and how often each occurs. */
    static Map<String, Integer> counts(ChineseTokenizer tokenizer, String text, Options options) {
        var counts = plainCounts(tokenizer, text, options);
        if (options.leadWeight() > 0) {
            var opening = SALUTATION.matcher(text).replaceFirst("");
            var end = SENTENCE_END.matcher(opening);
            var lead = opening.substring(0, Math.min(options.leadChars(),
                    end.find() ? end.start() : opening.length()));
            for (var c : plainCounts(tokenizer, lead, options).entrySet()) {
                counts.merge(options.leadApart() ? LEAD_MARK + c.getKey() : c.getKey(),
                        c.getValue() * options.leadWeight(), Integer::sum);
            }
        }
        return counts;
    }

    private static Map<String, Integer> plainCounts(ChineseTokenizer tokenizer, String text, Options options) {
        var counts = new HashMap<String, Integer>(text.length() * 4);
        if (options.words()) {
            for (var word : tokenizer.words(text.length() > options.wordChars()
                    ? text.substring(0, options.wordChars()) : text)) {
                counts.merge(WORD + word, 1, Integer::sum);
            }
        }
        if (options.minGram() > 0) {
            for (var run : text.split("[^\\p{IsHan}]+")) {
                for (int n = options.minGram(); n <= options.maxGram(); n++) {
                    for (int i = 0; i + n <= run.length(); i++) {
                        counts.merge(GRAM + run.substring(i, i + n), 1, Integer::sum);
                    }
                }
            }
        }
        return counts;
    }

    /** Sublinear TF-IDF of the known features, L2-normalised, indices ascending, then the bias feature. */
    private static Feature[] vector(Map<String, Integer> counts, Map<String, Integer> index, double[] idf,
                                    int biasIndex) {
        var known = new ArrayList<int[]>();
        for (var c : counts.entrySet()) {
            var i = index.get(c.getKey());
            if (i != null) {
                known.add(new int[] {i, c.getValue()});
            }
        }
        known.sort(Comparator.comparingInt(k -> k[0]));
        var values = new double[known.size()];
        double norm = 0;
        for (int k = 0; k < values.length; k++) {
            values[k] = (1 + Math.log(known.get(k)[1])) * idf[known.get(k)[0] - 1];
            norm += values[k] * values[k];
        }
        norm = Math.sqrt(norm);
        var x = new Feature[values.length + 1];
        for (int k = 0; k < values.length; k++) {
            x[k] = new FeatureNode(known.get(k)[0], values[k] / norm);
        }
        x[values.length] = new FeatureNode(biasIndex, 1);
        return x;
    }
}

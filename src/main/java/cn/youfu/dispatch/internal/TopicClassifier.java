package cn.youfu.dispatch.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * Classifies a citizen's message into a first-level topic of the city's taxonomy: words from
 * {@link ChineseTokenizer}, a bag-of-words model trained with Apache OpenNLP's document categorizer. Immutable once
 * trained and safe to share between threads (each call makes its own categorizer over the shared model).
 */
final class TopicClassifier {

    /** Which of OpenNLP's trainers builds the model. */
    enum Algorithm {
        /** Multinomial naive Bayes. */
        NAIVE_BAYES("NAIVEBAYES"),
        /** Maximum entropy (multinomial logistic regression) by L-BFGS with an L2 penalty. */
        MAXENT_QN("MAXENT_QN");

        private final String name;

        Algorithm(String name) {
            this.name = name;
        }
    }

    /**
     * A labelled message: its subject (a title; may be empty) and its body. In training the subject counts
     * {@link #SUBJECT_WEIGHT} times, as a title says what a long message is about; classifying a message reads the
     * subject once, as a citizen's event has no separate title.
     */
    record Example(String subject, String body, String topic) {
        String trainingText() {
            return (subject + "。").repeat(SUBJECT_WEIGHT) + body;
        }

        String text() {
            return subject.isEmpty() ? body : subject + "。" + body;
        }
    }

    static final int SUBJECT_WEIGHT = 3;
    static final double L2_COST = 3.0;

    /** A topic and the model's probability for it. */
    record Scored(String topic, double probability) {
    }

    /**
     * @param ranked every topic, most probable first
     * @param terms  the message's words that point most to the first topic (at most five), the reason given
     */
    record Classification(List<Scored> ranked, List<String> terms) {
        Scored best() {
            return ranked.get(0);
        }
    }

    private static final int TERMS = 5;

    private final ChineseTokenizer tokenizer;
    private final DoccatModel model;
    private final int examples;

    private TopicClassifier(ChineseTokenizer tokenizer, DoccatModel model, int examples) {
        this.tokenizer = tokenizer;
        this.model = model;
        this.examples = examples;
    }

    static TopicClassifier train(ChineseTokenizer tokenizer, List<Example> examples, Algorithm algorithm) {
        var samples = examples.stream()
                .map(e -> new DocumentSample(e.topic(), features(tokenizer, e.trainingText())))
                .filter(s -> s.getText().length > 0)
                .toList();
        if (samples.stream().map(DocumentSample::getCategory).distinct().count() < 2) {
            throw new IllegalArgumentException("training needs examples of at least two topics");
        }
        var params = TrainingParameters.defaultParams();
        params.put(TrainingParameters.ALGORITHM_PARAM, algorithm.name);
        params.put(TrainingParameters.CUTOFF_PARAM, 1);
        params.put(TrainingParameters.ITERATIONS_PARAM, 200);
        if (algorithm == Algorithm.MAXENT_QN) {
            params.put("L2Cost", L2_COST);
        }
        try {
            var model = DocumentCategorizerME.train("zh", ObjectStreamUtils.createObjectStream(samples), params,
                    new DoccatFactory(new FeatureGenerator[] {new BagOfWordsFeatureGenerator()}));
            return new TopicClassifier(tokenizer, model, samples.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many examples the model was trained on. */
    int examples() {
        return examples;
    }

    /** The topics the model knows. */
    List<String> topics() {
        var categorizer = new DocumentCategorizerME(model);
        var topics = new ArrayList<String>();
        for (int i = 0; i < categorizer.getNumberOfCategories(); i++) {
            topics.add(categorizer.getCategory(i));
        }
        return topics;
    }

    /**
     * The features of a text: its words, and every pair of adjacent Chinese characters (marked {@code #}), which
     * catches compounds the segmenter splits differently from one message to the next.
     */
    static String[] features(ChineseTokenizer tokenizer, String text) {
        var features = new ArrayList<>(tokenizer.words(text));
        var han = text.replaceAll("[^\\p{IsHan}]", "");
        for (int i = 0; i + 1 < han.length(); i++) {
            features.add("#" + han.substring(i, i + 2));
        }
        return features.toArray(String[]::new);
    }

    Classification classify(String text) {
        var words = tokenizer.words(text);
        var categorizer = new DocumentCategorizerME(model);
        var ranked = rank(categorizer, categorizer.categorize(features(tokenizer, text)));
        var best = categorizer.getIndex(ranked.get(0).topic());
        var terms = new LinkedHashSet<>(words).stream()
                .map(w -> new Scored(w, categorizer.categorize(new String[] {w})[best]))
                .sorted(Comparator.comparingDouble(Scored::probability).reversed())
                .limit(TERMS).map(Scored::topic).toList();
        return new Classification(ranked, terms);
    }

    private static List<Scored> rank(DocumentCategorizerME categorizer, double[] probabilities) {
        var ranked = new ArrayList<Scored>();
        for (int i = 0; i < probabilities.length; i++) {
            ranked.add(new Scored(categorizer.getCategory(i), probabilities[i]));
        }
        ranked.sort(Comparator.comparingDouble(Scored::probability).reversed()
                .thenComparing(s -> s.topic().toLowerCase(Locale.ROOT)));
        return ranked;
    }
}

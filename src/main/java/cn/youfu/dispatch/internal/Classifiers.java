package cn.youfu.dispatch.internal;

import cn.youfu.dispatch.internal.TopicClassifier.Example;
import cn.youfu.dispatch.internal.TopicClassifier.Options;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The classifier in service: trained at start-up on the shipped file plus the dispatchers' corrections, retrained
 * on an administrator's request; the new model replaces the old one at once, in-flight classifications finish on
 * the old one. Each instance trains its own from the same data.
 */
@Component
class Classifiers {

    private static final Logger log = LoggerFactory.getLogger(Classifiers.class);

    /** What a training run used. */
    record Trained(int shippedExamples, int corrections, List<String> topics, Instant at, long millis) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ChineseTokenizer tokenizer = new ChineseTokenizer();
    private final List<Example> shipped = TrainingFile.examples();
    private final AtomicReference<TopicClassifier> current = new AtomicReference<>();
    private final AtomicReference<Trained> lastTraining = new AtomicReference<>();

    Classifiers(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Trains the first model in the background once the application is up, so that start-up does not wait. */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void trainInBackground() {
        var training = new Thread(this::current, "dispatch-classifier-training");
        training.setDaemon(true);
        training.start();
    }

    TopicClassifier current() {
        var classifier = current.get();
        if (classifier == null) {
            synchronized (this) {
                if (current.get() == null) {
                    retrain();
                }
            }
            classifier = current.get();
        }
        return classifier;
    }

    Trained lastTraining() {
        current();
        return lastTraining.get();
    }

    /** Trains a new model on the shipped file and every correction stored, and puts it in service. */
    synchronized Trained retrain() {
        long start = System.nanoTime();
        var corrections = jdbc.sql("SELECT text, topic FROM dispatch.training_example ORDER BY id")
                .query((rs, n) -> new Example("", rs.getString("text"), rs.getString("topic"))).list();
        var examples = new ArrayList<>(shipped);
        examples.addAll(TrainingFile.taxonomy(shipped.stream().map(Example::topic)
                .collect(java.util.stream.Collectors.toSet())));
        examples.addAll(corrections);
        var classifier = TopicClassifier.train(tokenizer, examples, Options.DEFAULT);
        current.set(classifier);
        var trained = new Trained(shipped.size(), corrections.size(), classifier.topics(), clock.instant(),
                (System.nanoTime() - start) / 1_000_000);
        lastTraining.set(trained);
        log.info("Dispatch classifier trained on {} shipped examples and {} corrections in {} ms",
                shipped.size(), corrections.size(), trained.millis());
        return trained;
    }

    /** A dispatcher's correction: the event's text with the topic the dispatcher chose, for the next training. */
    void correction(String reference, String text, String topic, String predicted, String by) {
        jdbc.sql("""
                        INSERT INTO dispatch.training_example (reference, text, topic, predicted, created_at, created_by)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .param(reference).param(text).param(topic).param(predicted).param(Timestamp.from(clock.instant()))
                .param(by).update();
    }
}

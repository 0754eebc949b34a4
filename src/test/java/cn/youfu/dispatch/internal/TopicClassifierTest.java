package cn.youfu.dispatch.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.youfu.dispatch.internal.TopicClassifier.Example;
import cn.youfu.dispatch.internal.TopicClassifier.Options;
import cn.youfu.dispatch.internal.TopicClassifier.Scored;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The classifier in service, trained on the shipped file: probabilities, explanations, unknown words. */
class TopicClassifierTest {

    static TopicClassifier classifier;

    @BeforeAll
    static void train() {
        classifier = TopicClassifier.train(new ChineseTokenizer(), TrainingFile.examples(), Options.DEFAULT);
    }

    @Test
    void givesEveryTopicAProbabilityAndExplainsTheBestWithTheMessagesOwnWords() {
        var text = "孩子上小学要考试分班，学校还乱收补课费，教育局管不管？";
        var result = classifier.classify(text);
        assertThat(result.best().topic()).isEqualTo("教育文体");
        assertThat(result.ranked()).hasSize(7);
        assertThat(result.ranked().stream().mapToDouble(Scored::probability).sum()).isCloseTo(1.0,
                org.assertj.core.data.Offset.offset(1e-6));
        assertThat(result.ranked()).allSatisfy(s -> assertThat(s.probability()).isBetween(0.0, 1.0));
        assertThat(result.terms()).isNotEmpty().hasSizeLessThanOrEqualTo(5);
        assertThat(result.terms()).allSatisfy(term -> assertThat(text).contains(term));
        assertThat(result.terms()).containsAnyOf("学校", "小学", "补课费", "补课", "教育局");
    }

    @Test
    void aMessageWithNothingKnownIsUnsureNotAnError() {
        var result = classifier.classify("hello 12345 !!!");
        assertThat(result.ranked()).hasSize(7);
        assertThat(result.best().probability()).isLessThan(0.5);
        assertThat(result.terms()).isEmpty();
    }

    @Test
    void needsTwoTopics() {
        assertThatThrownBy(() -> TopicClassifier.train(new ChineseTokenizer(),
                List.of(new Example("", "路灯坏了", "城乡建设")), Options.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

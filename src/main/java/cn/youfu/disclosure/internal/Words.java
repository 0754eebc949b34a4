package cn.youfu.disclosure.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.springframework.stereotype.Component;

/**
 * Cuts Chinese (and mixed) text into the words full-text search matches on, with Lucene's smartcn analyser (a hidden
 * Markov model over its bundled dictionary, its stop words removed, Latin letters lower-cased). The same cut is made
 * of a document when it is published and of a search, so 道路养护 finds 道路 … 养护. Thread-safe.
 */
@Component
class Words {

    private final Analyzer analyzer = new SmartChineseAnalyzer(true);

    /** The distinct words of {@code text}, in order; empty for blank text. */
    List<String> of(String text) {
        var words = new LinkedHashSet<String>();
        if (text == null || text.isBlank()) {
            return List.of();
        }
        try (var stream = analyzer.tokenStream("text", text)) {
            var term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                var word = term.toString();
                if (word.codePoints().anyMatch(Character::isLetterOrDigit)) {
                    words.add(word);
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(words);
    }
}

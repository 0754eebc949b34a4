package cn.youfu.dispatch.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Splits Chinese text into words with Lucene's smartcn analyser (a hidden Markov model over a bundled dictionary),
 * its stop words removed. Words without a Chinese character (numbers, the anonymised place letters such as
 * {@code A3区}'s "a3") and single characters carry little topic and are left out. Thread-safe.
 */
class ChineseTokenizer {

    private final Analyzer analyzer = new SmartChineseAnalyzer(true);

    List<String> words(String text) {
        var words = new ArrayList<String>();
        if (text == null || text.isBlank()) {
            return words;
        }
        try (var stream = analyzer.tokenStream("text", text)) {
            var term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                var word = term.toString();
                if (word.length() > 1 && hasChinese(word)) {
                    words.add(word);
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    private static boolean hasChinese(String word) {
        return word.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}

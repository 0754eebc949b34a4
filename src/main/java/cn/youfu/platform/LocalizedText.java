package cn.youfu.platform;

import java.util.Locale;
import java.util.Objects;

/** A text in Chinese (always present) and English (falls back to the Chinese when missing). */
public record LocalizedText(String zh, String en) {

    public LocalizedText {
        Objects.requireNonNull(zh, "zh");
        if (en == null || en.isBlank()) {
            en = zh;
        }
    }

    /** The text in the given language: English for {@code en}, Chinese otherwise. */
    public String in(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? en : zh;
    }
}

package cn.youfu.dispatch.internal;

import cn.youfu.platform.InvalidParameterException;
import java.util.Arrays;
import java.util.Locale;

/** What the citizen wants, as the 12345 hotline sorts it. */
enum Kind {
    /** 咨询 */
    CONSULTATION("咨询"),
    /** 求助 */
    HELP("求助"),
    /** 投诉 */
    COMPLAINT("投诉"),
    /** 举报 */
    REPORT("举报"),
    /** 建议 */
    SUGGESTION("建议");

    private final String zh;

    Kind(String zh) {
        this.zh = zh;
    }

    String zh() {
        return zh;
    }

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** By its code ({@code complaint}) or its Chinese name ({@code 投诉}); 400 problem otherwise. */
    static Kind of(String parameter, String value) {
        if (value == null || value.isBlank()) {
            throw InvalidParameterException.missing(parameter);
        }
        var wanted = value.strip();
        return Arrays.stream(values()).filter(k -> k.code().equalsIgnoreCase(wanted) || k.zh.equals(wanted))
                .findFirst().orElseThrow(() -> InvalidParameterException.because(parameter, "one-of", value,
                        String.join(", ", Arrays.stream(values()).map(Kind::code).toList())));
    }
}

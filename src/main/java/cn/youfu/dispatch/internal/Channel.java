package cn.youfu.dispatch.internal;

import cn.youfu.platform.Parameters;
import java.util.Locale;

/** Where an event came in. */
enum Channel {
    /** The web form. */
    WEB,
    /** The phone (mobile app) form. */
    MOBILE,
    /** The 12345 operator typing what the caller says. */
    HOTLINE,
    /** An app through the Open311 API. */
    API;

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Channel of(String value, Channel otherwise) {
        return Channel.valueOf(Parameters.oneOf("channel", value, otherwise.code(), "web", "mobile", "hotline", "api")
                .toUpperCase(Locale.ROOT));
    }
}

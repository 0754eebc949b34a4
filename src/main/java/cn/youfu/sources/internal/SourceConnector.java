package cn.youfu.sources.internal;

import cn.youfu.sources.SourceAnswer;

/** How one source is reached: embedded tables or the data-sharing platform over HTTP. Never throws for "down". */
interface SourceConnector<T> {

    /** The answer for {@code key} (already validated by the caller). */
    SourceAnswer<T> fetch(String key);

    /** {@code embedded} or {@code http}. */
    String mode();
}

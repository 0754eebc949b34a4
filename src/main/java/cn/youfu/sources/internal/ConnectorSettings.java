package cn.youfu.sources.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How one source reaches the data-sharing platform ({@code youfu.sources.<name>.*}). Without a {@code url} the
 * source is embedded.
 *
 * @param url            base URL; a lookup is {@code GET <url>/<key>} answering JSON (404: not found)
 * @param connectTimeout how long to wait for a connection (default 500 ms)
 * @param readTimeout    how long to wait for the answer (default 1 s)
 * @param attempts       tries per lookup, the first included (default 2)
 * @param cacheTtl       how long a found / not-found answer is reused (default 30 s; unavailable is never cached)
 * @param openFor        how long the circuit stays open after too many failures before one call may try again
 *                       (default 30 s)
 */
record ConnectorSettings(String url, @DefaultValue("500ms") Duration connectTimeout,
                         @DefaultValue("1s") Duration readTimeout, @DefaultValue("2") int attempts,
                         @DefaultValue("30s") Duration cacheTtl, @DefaultValue("30s") Duration openFor) {

    boolean http() {
        return url != null && !url.isBlank();
    }
}

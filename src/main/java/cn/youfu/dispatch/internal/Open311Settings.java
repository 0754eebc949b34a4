package cn.youfu.dispatch.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of Youfu's Open311 GeoReport v2 endpoint ({@code youfu.dispatch.open311.*}).
 *
 * @param jurisdictionId    the one jurisdiction served; a request naming another answers 404
 * @param changeset         when the service list or a service definition last changed (discovery's {@code changeset})
 * @param keyValidity       how long an API key is valid when the administrator does not say
 * @param maxKeyValidity    the longest an administrator may make a key valid
 * @param requestsPerMinute a key's rate of POSTs when the administrator does not set one
 * @param gridDegrees       the public grid's step, in degrees of latitude and of longitude: published coordinates are
 *                          the grid's nearest point (0.002° is about 220 m north–south, 200 m east–west in Fuzhou)
 * @param updatesSpan       the span of {@code servicerequestupdates} when the client gives no start date
 */
@ConfigurationProperties("youfu.dispatch.open311")
record Open311Settings(String jurisdictionId, OffsetDateTime changeset, Duration keyValidity, Duration maxKeyValidity,
                       int requestsPerMinute, BigDecimal gridDegrees, Duration updatesSpan) {

    /** The most a key may be allowed per minute: a hundred a second. */
    static final int MAX_REQUESTS_PER_MINUTE = 6000;

    Open311Settings {
        jurisdictionId = jurisdictionId == null || jurisdictionId.isBlank() ? "fuzhou.gov.cn" : jurisdictionId.strip();
        changeset = changeset == null ? OffsetDateTime.parse("2026-12-08T00:00:00+08:00") : changeset;
        keyValidity = keyValidity == null ? Duration.ofDays(365) : keyValidity;
        maxKeyValidity = maxKeyValidity == null ? Duration.ofDays(3 * 365) : maxKeyValidity;
        requestsPerMinute = requestsPerMinute <= 0 ? 60 : Math.min(requestsPerMinute, MAX_REQUESTS_PER_MINUTE);
        gridDegrees = gridDegrees == null || gridDegrees.signum() <= 0 ? new BigDecimal("0.002") : gridDegrees;
        updatesSpan = updatesSpan == null ? Duration.ofDays(1) : updatesSpan;
    }
}

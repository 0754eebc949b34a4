package cn.youfu.dispatch.internal;

import org.springframework.http.HttpStatus;

/**
 * A refusal in Open311's terms: its HTTP status is also the error's {@code code}, and its description is the message
 * {@code dispatch.open311.error.<reason>} of the bundles, in the request's language.
 */
final class Open311Exception extends RuntimeException {

    private final HttpStatus status;
    private final String reason;
    private final transient Object[] arguments;
    private final long retryAfterSeconds;

    private Open311Exception(HttpStatus status, String reason, long retryAfterSeconds, Object... arguments) {
        super(reason);
        this.status = status;
        this.reason = reason;
        this.arguments = arguments;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    HttpStatus status() {
        return status;
    }

    String messageCode() {
        return "dispatch.open311.error." + reason;
    }

    Object[] arguments() {
        return arguments.clone();
    }

    /** Seconds to wait before trying again (a 429), or 0. */
    long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** 400: the client must correct the request. */
    static Open311Exception badRequest(String reason, Object... arguments) {
        return new Open311Exception(HttpStatus.BAD_REQUEST, reason, 0, arguments);
    }

    /** 403: no valid key, or a key that may not do this. */
    static Open311Exception forbidden(String reason, Object... arguments) {
        return new Open311Exception(HttpStatus.FORBIDDEN, reason, 0, arguments);
    }

    /** 404: no such jurisdiction, service, request, token or format. */
    static Open311Exception notFound(String reason, Object... arguments) {
        return new Open311Exception(HttpStatus.NOT_FOUND, reason, 0, arguments);
    }

    /** 429: the key's rate is spent; try again after the given seconds. */
    static Open311Exception tooMany(long retryAfterSeconds, int perMinute) {
        return new Open311Exception(HttpStatus.TOO_MANY_REQUESTS, "rate", retryAfterSeconds, perMinute,
                retryAfterSeconds);
    }
}

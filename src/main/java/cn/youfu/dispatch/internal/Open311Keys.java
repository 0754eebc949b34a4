package cn.youfu.dispatch.internal;

import cn.youfu.dispatch.DispatchEvents.Open311KeyIssued;
import cn.youfu.dispatch.DispatchEvents.Open311KeyRevoked;
import cn.youfu.platform.InvalidParameterException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrator's side of Open311 API keys: issue one to a client (valid for a number of days, with its rate of
 * POSTs per minute), list them, revoke one with a reason. Issuing and revoking are recorded in the ledger.
 */
@Service
class Open311Keys {

    private final ApiKeys keys;
    private final Open311Settings settings;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    Open311Keys(ApiKeys keys, Open311Settings settings, ApplicationEventPublisher publisher, Clock clock) {
        this.keys = keys;
        this.settings = settings;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** What the administrator asks for; null {@code validDays} and {@code requestsPerMinute} take the settings'. */
    record IssueKey(String client, Integer validDays, Integer requestsPerMinute) {
    }

    /** The key, shown in this answer only. */
    record IssuedKey(String id, String client, String apiKey, Instant expiresAt, int requestsPerMinute) {
    }

    /** A key as listed: its state ({@code active}, {@code expired}, {@code revoked}), never the key. */
    record KeyView(String id, String client, String state, Instant createdAt, String createdBy, Instant expiresAt,
                   int requestsPerMinute, Instant revokedAt, String revokedBy, String revocationReason) {
    }

    @Transactional
    IssuedKey issue(IssueKey request, String by) {
        var client = DispatchService.required("client", request.client(), 100);
        long maxDays = settings.maxKeyValidity().toDays();
        var days = request.validDays() == null ? settings.keyValidity().toDays() : request.validDays();
        if (days < 1 || days > maxDays) {
            throw InvalidParameterException.outOfRange("validDays", days, 1, maxDays);
        }
        int rate = request.requestsPerMinute() == null ? settings.requestsPerMinute() : request.requestsPerMinute();
        if (rate < 1 || rate > Open311Settings.MAX_REQUESTS_PER_MINUTE) {
            throw InvalidParameterException.outOfRange("requestsPerMinute", rate, 1,
                    Open311Settings.MAX_REQUESTS_PER_MINUTE);
        }
        var now = clock.instant();
        var issued = keys.issue(client, now, now.plus(Duration.ofDays(days)), rate, by);
        var key = issued.key();
        publisher.publishEvent(new Open311KeyIssued(key.id(), by, now, client, key.expiresAt(), rate));
        return new IssuedKey(key.id(), client, issued.secret(), key.expiresAt(), rate);
    }

    List<KeyView> all() {
        var now = clock.instant();
        return keys.all().stream().map(k -> view(k, now)).toList();
    }

    /** Revokes the key (once; revoking a revoked key changes nothing) and says why. */
    @Transactional
    KeyView revoke(String id, String reason, String by) {
        var why = DispatchService.required("reason", reason, 500);
        keys.byId(id).orElseThrow(() -> DispatchProblems.keyNotFound(id));
        var now = clock.instant();
        if (keys.revoke(id, why, by, now)) {
            publisher.publishEvent(new Open311KeyRevoked(id, by, now, why));
        }
        return view(keys.byId(id).orElseThrow(), now);
    }

    private static KeyView view(ApiKeys.Key k, Instant now) {
        return new KeyView(k.id(), k.client(), k.state(now), k.createdAt(), k.createdBy(), k.expiresAt(),
                k.requestsPerMinute(), k.revokedAt(), k.revokedBy(), k.revocationReason());
    }
}

package cn.youfu.dispatch.internal;

import cn.youfu.identity.CurrentUser;
import cn.youfu.platform.InvalidParameterException;
import cn.youfu.platform.Parameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The routing table, the classifier's training, Open311 keys and the supervisor's three rates. */
@RestController
@RequestMapping(path = "/api/v1/dispatch", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Dispatch")
class AdministrationController {

    private static final Pattern DEPARTMENT = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");
    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

    private final Routes routes;
    private final Topics topics;
    private final Classifiers classifiers;
    private final Open311Keys keys;
    private final Supervision supervision;
    private final Clock clock;

    AdministrationController(Routes routes, Topics topics, Classifiers classifiers, Open311Keys keys,
                             Supervision supervision, Clock clock) {
        this.routes = routes;
        this.topics = topics;
        this.classifiers = classifiers;
        this.keys = keys;
        this.supervision = supervision;
        this.clock = clock;
    }

    record RouteRequest(String department) {
    }

    record RevokeRequest(String reason) {
    }

    @GetMapping("/routes")
    @PreAuthorize("hasAnyRole('OFFICER','SUPERVISOR','ADMIN')")
    @Operation(summary = "The routing table: the department of each first-level topic")
    List<Routes.Route> routes() {
        return routes.all();
    }

    @PutMapping(path = "/routes/{topic}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Route a first-level topic to a department")
    Routes.Route route(@PathVariable String topic, @RequestBody RouteRequest request, Authentication authentication) {
        if (!topics.exists(topic)) {
            throw InvalidParameterException.because("topic", "one-of", topic, "taxonomy");
        }
        var department = request.department() == null ? "" : request.department().strip();
        if (!DEPARTMENT.matcher(department).matches()) {
            throw InvalidParameterException.malformed("department", request.department(), "department");
        }
        return routes.put(topic, department, CurrentUser.of(authentication).username());
    }

    @GetMapping("/classifier")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN')")
    @Operation(summary = "What the classifier in service was trained on")
    Classifiers.Trained classifier() {
        return classifiers.lastTraining();
    }

    @PostMapping("/classifier/retrain")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Retrain the classifier on the shipped examples and every dispatcher's correction")
    Classifiers.Trained retrain() {
        return classifiers.retrain();
    }

    @PostMapping(path = "/open311-keys", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue an Open311 API key to an app (the key is shown once): validDays (default 365, at most "
            + "1095), requestsPerMinute (default 60, at most 6000)")
    Open311Keys.IssuedKey issueKey(@RequestBody Open311Keys.IssueKey request, Authentication authentication) {
        return keys.issue(request, CurrentUser.of(authentication).username());
    }

    @GetMapping("/open311-keys")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "The Open311 API keys: client, state (active, expired, revoked), expiry, rate; never a key")
    List<Open311Keys.KeyView> keys() {
        return keys.all();
    }

    @PostMapping(path = "/open311-keys/{id}/revoke", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Revoke an Open311 API key at once, with the reason (recorded in the ledger)")
    Open311Keys.KeyView revokeKey(@PathVariable String id, @RequestBody RevokeRequest request,
                                  Authentication authentication) {
        return keys.revoke(id, request.reason(), CurrentUser.of(authentication).username());
    }

    @GetMapping("/supervision")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN')")
    @Operation(summary = "Each department's response, resolution and satisfaction rates (三率) for events reported "
            + "between `from` and `to` (default: this year), with open, escalated, overdue, returned and reopened")
    Supervision.Dashboard supervision(@RequestParam(required = false) String from,
                                      @RequestParam(required = false) String to) {
        var today = LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai")));
        var start = from == null ? today.withDayOfYear(1) : Parameters.date("from", from, EARLIEST, LATEST);
        var end = to == null ? today : Parameters.date("to", to, EARLIEST, LATEST);
        if (end.isBefore(start)) {
            throw InvalidParameterException.because("to", "not-before", to, from);
        }
        return supervision.dashboard(start, end);
    }
}

package cn.youfu.cases.internal;

import cn.youfu.audit.Ledger;
import cn.youfu.audit.LedgerEntry;
import cn.youfu.cases.CaseEngine;
import cn.youfu.cases.CaseEngine.OpenCase;
import cn.youfu.cases.CaseView;
import cn.youfu.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/cases", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize("isAuthenticated()")
@Tag(name = "Cases", description = "Cases on statutory clocks: open, act, follow the timeline")
class CaseController {

    private final CaseService service;
    private final CaseQueries queries;
    private final Ledger ledger;

    CaseController(CaseService service, CaseQueries queries, Ledger ledger) {
        this.service = service;
        this.queries = queries;
        this.ledger = ledger;
    }

    record OpenRequest(String type, String title, Map<String, Object> details, String department) {
    }

    /**
     * @param expectedDays how long the step is expected to take, in the case's statutory limit's unit, where the type
     *                     asks for it (e.g. a hearing, an expert review: the applicant is told)
     */
    record TransitionRequest(String action, String comment, Integer expectedDays) {
    }

    record AssignRequest(String assignee) {
    }

    /** One line of a case's timeline, as the ledger recorded it. */
    record TimelineEntry(int sequence, java.time.Instant at, String actor, String action,
                         @com.fasterxml.jackson.annotation.JsonRawValue String details, String entryHash) {
        static TimelineEntry of(LedgerEntry e) {
            return new TimelineEntry(e.sequence(), e.at(), e.actor(), e.action(), e.payload(), e.entryHash());
        }
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Open a case of a type that allows direct creation by your role")
    ResponseEntity<CaseView> open(@RequestBody OpenRequest request, Authentication authentication) {
        var user = CurrentUser.of(authentication);
        var view = service.open(new OpenCase(request.type(), request.title(), request.details(), request.department(),
                false), user, user);
        return ResponseEntity.created(URI.create("/api/v1/cases/" + view.reference())).body(view);
    }

    @GetMapping
    @Operation(summary = "My cases (as applicant), newest first")
    List<cn.youfu.cases.CaseSummary> mine(Authentication authentication) {
        return queries.ofApplicant(CurrentUser.of(authentication).username());
    }

    @GetMapping("/{reference}")
    @Operation(summary = "A case; 404 when it does not exist or is not yours to see")
    CaseView view(@PathVariable String reference, Authentication authentication) {
        return service.view(reference, CurrentUser.of(authentication));
    }

    @PostMapping(path = "/{reference}/transitions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Take an action the case's type allows in its current state (or `extend`)")
    CaseView transition(@PathVariable String reference, @RequestBody TransitionRequest request,
                        Authentication authentication) {
        return service.take(reference, request.action(), request.comment(), request.expectedDays(),
                CurrentUser.of(authentication));
    }

    @PostMapping(path = "/{reference}/assignee", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('OFFICER','SUPERVISOR','ADMIN')")
    @Operation(summary = "Give the case to an officer")
    CaseView assign(@PathVariable String reference, @RequestBody AssignRequest request,
                    Authentication authentication) {
        return service.assign(reference, request.assignee(), CurrentUser.of(authentication));
    }

    @GetMapping("/{reference}/timeline")
    @Operation(summary = "Everything that happened on the case, in order, from the tamper-evident ledger")
    List<TimelineEntry> timeline(@PathVariable String reference, Authentication authentication) {
        var aCase = service.visible(reference, CurrentUser.of(authentication));
        return ledger.entries(aCase.reference()).stream().map(TimelineEntry::of).toList();
    }
}

package cn.youfu.dispatch.internal;

import cn.youfu.cases.CaseEngine;
import cn.youfu.dispatch.DispatchEvents.ReporterContactViewed;
import cn.youfu.dispatch.internal.CitizenEvents.Filter;
import cn.youfu.identity.CurrentUser;
import cn.youfu.identity.Role;
import cn.youfu.platform.DivisionCodes;
import cn.youfu.platform.InvalidParameterException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/dispatch", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Dispatch", description = "一线处置: citizens' events — report, dispatch, take on, return, co-handle, "
        + "reply, visit, merge")
class DispatchController {

    private final DispatchService service;
    private final CitizenEvents events;
    private final CaseEngine cases;
    private final DivisionCodes divisions;
    private final ApplicationEventPublisher publisher;
    private final PhotoReleases photoReleases;
    private final MessageSource messages;
    private final Clock clock;

    DispatchController(DispatchService service, CitizenEvents events, CaseEngine cases, DivisionCodes divisions,
                       ApplicationEventPublisher publisher, PhotoReleases photoReleases, MessageSource messages,
                       Clock clock) {
        this.service = service;
        this.events = events;
        this.cases = cases;
        this.divisions = divisions;
        this.publisher = publisher;
        this.photoReleases = photoReleases;
        this.messages = messages;
        this.clock = clock;
    }

    record Location(Double lat, Double lon, String crs) {
    }

    record Contact(String name, String phone, String email) {
    }

    record ReportRequest(String channel, String kind, String text, List<String> photos, String address,
                         Location location, Contact contact, Boolean anonymous, String topic) {
    }

    record ClassifyRequest(String text) {
    }

    record DispatchRequest(String topic, String department, List<String> coHandlers, String reason) {
    }

    record TextRequest(String text) {
    }

    record VisitRequest(String rating, String comment) {
    }

    record MergeRequest(String into) {
    }

    record ReleaseRequest(List<Integer> photos) {
    }

    @PostMapping(path = "/classify", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('OFFICER','SUPERVISOR','ADMIN')")
    @Operation(summary = "The topic, department and confidence the classifier gives a text; creates nothing")
    DispatchService.Proposal classify(@RequestBody ClassifyRequest request) {
        return service.propose(request == null ? null : request.text());
    }

    @PostMapping(path = "/events", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('APPLICANT','ENTERPRISE','OFFICER')")
    @Operation(summary = "Report an event (residents: web or mobile form; 12345 operators: the caller's words)",
            description = "kind: consultation|help|complaint|report|suggestion (or 咨询 求助 投诉 举报 建议); location "
                    + "crs WGS84 (default) or GCJ-02 (converted). Routed at once when the classifier is confident and "
                    + "nothing similar is open nearby; otherwise it waits for a 12345 dispatcher.")
    ResponseEntity<EventView> report(@RequestBody ReportRequest r, Authentication authentication) {
        var user = CurrentUser.of(authentication);
        var location = r.location() == null ? new Location(null, null, null) : r.location();
        var contact = r.contact() == null ? new Contact(null, null, null) : r.contact();
        var event = service.report(new DispatchService.NewEvent(r.channel(), r.kind(), r.text(), r.photos(),
                r.address(), location.lat(), location.lon(), location.crs(), contact.name(), contact.phone(),
                contact.email(), Boolean.TRUE.equals(r.anonymous()), r.topic()), user, null);
        return ResponseEntity.created(URI.create("/api/v1/dispatch/events/" + event.reference))
                .body(view(event, user, true));
    }

    @GetMapping("/events/{reference}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "An event: its reporter, the 12345 centre, its departments and supervisors may see it")
    @Transactional
    EventView event(@PathVariable String reference, Authentication authentication) {
        return act(authentication, user -> service.visible(reference, user));
    }

    @GetMapping("/queue")
    @PreAuthorize("hasAnyRole('OFFICER','SUPERVISOR','ADMIN')")
    @Operation(summary = "12345 dispatchers: events waiting for a dispatcher (with the top three suggestions); "
            + "department officers: their department's open events, as lead or co-handler")
    List<EventView> queue(@RequestParam(required = false) String department, Authentication authentication) {
        var user = CurrentUser.of(authentication);
        boolean overseer = user.has(Role.SUPERVISOR) || user.has(Role.ADMIN);
        var dept = overseer && department != null && !department.isBlank() ? department.strip() : user.department();
        Filter filter = dept != null && dept.equals(service.hotlineDepartment())
                ? new Filter(null, null, List.of(CitizenEvent.RECEIVED), null, null, null, 200)
                : new Filter(null, null, List.of(CitizenEvent.DISPATCHED, CitizenEvent.HANDLING,
                        CitizenEvent.REPLIED), dept, null, null, 200);
        if (dept == null && !overseer) {
            throw InvalidParameterException.missing("department");
        }
        return events.search(filter).stream().map(e -> view(e, user, false)).toList();
    }

    @PostMapping(path = "/events/{reference}/dispatch", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('OFFICER')")
    @Operation(summary = "12345 dispatcher: route the event to a lead department (default: the routing table's for "
            + "the topic) and co-handling ones; a topic other than the classifier's is kept for retraining")
    EventView dispatch(@PathVariable String reference, @RequestBody DispatchRequest r, Authentication authentication) {
        return act(authentication, user -> service.dispatch(reference, r.topic(), r.department(), r.coHandlers(),
                r.reason(), user));
    }

    @PostMapping("/events/{reference}/accept")
    @PreAuthorize("hasRole('OFFICER')")
    @Operation(summary = "Lead department: take the event on (签收); you become its handling officer")
    EventView accept(@PathVariable String reference, Authentication authentication) {
        return act(authentication, user -> service.accept(reference, user));
    }

    @PostMapping(path = "/events/{reference}/return", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('OFFICER')")
    @Operation(summary = "Lead department: send a wrongly routed event back to the dispatchers, with the reason")
    EventView giveBack(@PathVariable String reference, @RequestBody TextRequest r, Authentication authentication) {
        return act(authentication, user -> service.giveBack(reference, r.text(), user));
    }

    @PostMapping(path = "/events/{reference}/contributions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('OFFICER')")
    @Operation(summary = "Co-handling department: report your part to the lead department")
    EventView contribute(@PathVariable String reference, @RequestBody TextRequest r, Authentication authentication) {
        return act(authentication, user -> service.contribute(reference, r.text(), user));
    }

    @PostMapping(path = "/events/{reference}/reply", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('OFFICER')")
    @Operation(summary = "Lead department: reply to the citizen (once every co-handler has reported)")
    EventView reply(@PathVariable String reference, @RequestBody TextRequest r, Authentication authentication) {
        return act(authentication, user -> service.reply(reference, r.text(), user));
    }

    @PostMapping(path = "/events/{reference}/visit", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Follow-up visit (回访) by the 12345 centre or the reporter's own rating: satisfied | "
            + "basically_satisfied closes the event, dissatisfied reopens it")
    EventView visit(@PathVariable String reference, @RequestBody VisitRequest r, Authentication authentication) {
        return act(authentication, user -> service.visit(reference, r.rating(), r.comment(), user));
    }

    @PostMapping(path = "/events/{reference}/merge", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('OFFICER')")
    @Operation(summary = "12345 dispatcher: confirm the event is the same problem as an open one and merge it there")
    EventView merge(@PathVariable String reference, @RequestBody MergeRequest r, Authentication authentication) {
        return act(authentication, user -> service.merge(reference, r.into(), user));
    }

    @PostMapping(path = "/events/{reference}/photos/release", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('OFFICER')")
    @Operation(summary = "Lead department or 12345 centre: release the event's photos for publication through Open311 "
            + "(photos: their positions from 0; none given: all), after looking at them; recorded in the ledger")
    PhotoReleases.Released releasePhotos(@PathVariable String reference, @RequestBody ReleaseRequest r,
                                         Authentication authentication) {
        return photoReleases.release(reference, r.photos(), CurrentUser.of(authentication));
    }

    /** Takes a step as the caller and shows the event as they see it afterwards. */
    private EventView act(Authentication authentication, java.util.function.Function<CurrentUser, CitizenEvent> step) {
        var user = CurrentUser.of(authentication);
        return view(step.apply(user), user, false);
    }

    private EventView view(CitizenEvent e, CurrentUser viewer, boolean withToken) {
        boolean unmasked = service.handles(viewer, e);
        var report = e.report;
        if (unmasked && (report.contactPhone() != null || report.contactName() != null)) {
            publisher.publishEvent(new ReporterContactViewed(e.reference, viewer.username(), clock.instant()));
        }
        var reporter = new EventView.Reporter(report.anonymous(),
                unmasked ? report.contactName() : Masking.name(report.contactName()),
                unmasked ? report.contactPhone() : Masking.phone(report.contactPhone()),
                unmasked ? report.contactEmail() : Masking.email(report.contactEmail()), !unmasked);
        var place = new EventView.Place(report.address(),
                report.location() == null ? null : report.location().latitude(),
                report.location() == null ? null : report.location().longitude(), report.district(),
                divisions.name(report.district()).orElse(null), report.grid());
        var locale = LocaleContextHolder.getLocale();
        var stateName = cases.find(e.reference).map(c -> c.stateName()).orElse(e.state);
        return new EventView(e.reference, withToken ? e.token : null, report.channel().code(), report.kind().code(),
                messages.getMessage("dispatch.kind." + report.kind().code(), null, report.kind().zh(), locale),
                report.description(), report.photos(), place, reporter, e.state, stateName, e.topic, e.department,
                e.coHandlers, new EventView.Dispatch(e.confidence, e.terms, e.suggestions), e.duplicates,
                e.mergedInto, e.handler, e.responseDue, e.handlingDue, e.createdAt, e.dispatchedAt, e.acceptedAt,
                e.repliedAt, e.reply, e.closedAt, e.rating == null ? null : e.rating.name().toLowerCase(
                java.util.Locale.ROOT), e.ratingComment, e.reopened, e.returned, e.escalated, e.overdue);
    }
}

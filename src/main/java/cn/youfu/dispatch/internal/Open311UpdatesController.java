package cn.youfu.dispatch.internal;

import cn.youfu.dispatch.DispatchEvents.ClientUpdatePosted;
import cn.youfu.platform.PublicEndpoint;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The {@code servicerequestupdates} extension of GeoReport v2 (FixMyStreet's "Open311 FMS Complete Spec"): the
 * published events' updates since a date — each step of the city's handling, the reply masked — and a client's notes
 * on the requests it posted itself. A note is kept with the event and recorded in the ledger; it does not move the
 * case (the city closes a request after its follow-up visit), and the client's status is kept as it said it.
 */
@RestController
@RequestMapping("/open311/v2")
@PublicEndpoint
@Tag(name = "Open311")
class Open311UpdatesController {

    private final RequestUpdates updates;
    private final CitizenEvents events;
    private final Open311Clients clients;
    private final PublicRequests published;
    private final Open311Writer writer;
    private final Open311Settings settings;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    Open311UpdatesController(RequestUpdates updates, CitizenEvents events, Open311Clients clients,
                             PublicRequests published, Open311Writer writer, Open311Settings settings,
                             ApplicationEventPublisher publisher, Clock clock) {
        this.updates = updates;
        this.events = events;
        this.clients = clients;
        this.published = published;
        this.writer = writer;
        this.settings = settings;
        this.publisher = publisher;
        this.clock = clock;
    }

    @GetMapping("/servicerequestupdates.{format}")
    @Operation(summary = "Updates of published requests between start_date and end_date (W3C date-time; by default "
            + "the last day), oldest first, at most 1000; no key needed")
    ResponseEntity<byte[]> updates(@PathVariable String format,
                                   @RequestParam(name = "start_date", required = false) String startDate,
                                   @RequestParam(name = "end_date", required = false) String endDate) {
        var output = Open311Format.of(format);
        var end = endDate == null || endDate.isBlank() ? clock.instant()
                : Open311Controller.datetime("end_date", endDate);
        var start = startDate == null || startDate.isBlank() ? end.minus(settings.updatesSpan())
                : Open311Controller.datetime("start_date", startDate);
        var list = updates.published(start, end, Open311Controller.MAX_REQUESTS).stream().map(published::update)
                .toList();
        return writer.answer(HttpStatus.OK, output, list, new Open311.ServiceRequestUpdates(list));
    }

    @PostMapping(path = "/servicerequestupdates.{format}",
            consumes = {MediaType.APPLICATION_FORM_URLENCODED_VALUE, MediaType.MULTIPART_FORM_DATA_VALUE})
    @Operation(summary = "A client's update to a request it posted: service_request_id, status, description, "
            + "updated_datetime, optional update_id (the client's own: the same one posted again is taken once); "
            + "the key in the X-Api-Key header or the api_key field")
    @Parameter(name = Open311Clients.HEADER, in = ParameterIn.HEADER, description = "the client's API key")
    @Transactional
    ResponseEntity<byte[]> post(@PathVariable String format, @RequestParam MultiValueMap<String, String> form,
                                HttpServletRequest request) {
        var output = Open311Format.of(format);
        var client = clients.authenticate(request, form.getFirst("api_key"));
        var id = required(form, "service_request_id");
        var status = required(form, "status");
        var description = DispatchService.required("description", required(form, "description"),
                DispatchService.MAX_TEXT);
        Open311Controller.datetime("updated_datetime", required(form, "updated_datetime"));
        var clientUpdateId = Open311Controller.present(form.getFirst("update_id"));
        var event = events.find(id).orElseThrow(() -> Open311Exception.notFound("request", id));
        if (!client.name().equals(event.report.apiClient())) {
            throw Open311Exception.forbidden("not-your-request", id);
        }
        var now = clock.instant();
        var received = updates.fromClient(event.reference, event.state, !event.open(), client.name(),
                clientUpdateId, DispatchService.optional("status", status, 50), description, now);
        if (received.created()) {
            publisher.publishEvent(new ClientUpdatePosted(event.reference, "open311:" + client.name(), now,
                    received.id(), clientUpdateId, status));
        }
        var receipt = List.of(new Open311.UpdateReceipt(String.valueOf(received.id())));
        return writer.answer(HttpStatus.CREATED, output, receipt, new Open311.ServiceRequestUpdates(receipt));
    }

    private static String required(MultiValueMap<String, String> form, String field) {
        var value = Open311Controller.present(form.getFirst(field));
        if (value == null) {
            throw Open311Exception.badRequest("missing", field);
        }
        return value;
    }
}

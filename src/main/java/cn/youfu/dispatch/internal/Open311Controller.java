package cn.youfu.dispatch.internal;

import cn.youfu.dispatch.internal.CitizenEvents.Filter;
import cn.youfu.identity.CurrentUser;
import cn.youfu.platform.InvalidParameterException;
import cn.youfu.platform.PublicEndpoint;
import cn.youfu.platform.PublicSiteSettings;
import cn.youfu.platform.YoufuSettings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2): service discovery, the services (one per first-level topic),
 * a service's definition, posting a request (form-encoded or multipart form fields, with an API key), requests with
 * the standard filters, one request, and a token's request; each in JSON or XML by the path's extension, for the one
 * jurisdiction {@link Open311Settings#jurisdictionId()}. Status is {@code open} or {@code closed}; Youfu's finer state
 * is in {@code status_notes}. What is published is what {@link PublicRequests} allows; reports of wrongdoing (举报) are
 * not taken through Open311 at all. Errors are the specification's list of {@code code} and {@code description}
 * ({@link Open311Advice}, {@link Open311Errors}).
 */
@RestController
@RequestMapping("/open311/v2")
@PublicEndpoint
@Tag(name = "Open311", description = "Open311 GeoReport v2 (JSON or XML by extension); docs/open311.md")
class Open311Controller {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";
    static final int MAX_REQUESTS = 1000;
    private static final Duration DEFAULT_SPAN = Duration.ofDays(90);

    private final DispatchService service;
    private final CitizenEvents events;
    private final Topics topics;
    private final Open311Clients clients;
    private final PublicRequests published;
    private final Open311Writer writer;
    private final Open311Settings settings;
    private final PublicSiteSettings site;
    private final YoufuSettings youfu;
    private final MessageSource messages;
    private final Clock clock;

    Open311Controller(DispatchService service, CitizenEvents events, Topics topics, Open311Clients clients,
                      PublicRequests published, Open311Writer writer, Open311Settings settings,
                      PublicSiteSettings site, YoufuSettings youfu, MessageSource messages, Clock clock) {
        this.service = service;
        this.events = events;
        this.topics = topics;
        this.clients = clients;
        this.published = published;
        this.writer = writer;
        this.settings = settings;
        this.site = site;
        this.youfu = youfu;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/discovery.{format}")
    @Operation(summary = "Service discovery: the endpoint, its formats, when its services last changed, how to get a "
            + "key")
    ResponseEntity<byte[]> discovery(@PathVariable String format) {
        var changeset = settings.changeset().toString();
        var endpoint = new Open311.Endpoint(SPECIFICATION, site.link("/open311/v2"), changeset,
                youfu.demo() ? "test" : "production", List.of("text/xml", "application/json"));
        var discovery = new Open311.Discovery(changeset, text("dispatch.open311.discovery.contact"),
                text("dispatch.open311.discovery.key-service"), List.of(endpoint));
        return writer.answer(HttpStatus.OK, Open311Format.of(format), discovery, discovery);
    }

    @GetMapping("/services.{format}")
    @Operation(summary = "Service list: one service per first-level topic of the city's taxonomy")
    ResponseEntity<byte[]> services(@PathVariable String format) {
        var list = topics.services().stream().map(this::service).toList();
        return writer.answer(HttpStatus.OK, Open311Format.of(format), list, new Open311.Services(list));
    }

    @GetMapping("/services/{code}.{format}")
    @Operation(summary = "Service definition: the optional attribute `kind` (咨询 求助 投诉 建议; 举报 only by 12345)")
    ResponseEntity<byte[]> definition(@PathVariable String code, @PathVariable String format) {
        var output = Open311Format.of(format);
        var s = topics.ofCode(code).orElseThrow(() -> Open311Exception.notFound("service", code));
        var values = Arrays.stream(Kind.values()).filter(k -> k != Kind.REPORT)
                .map(k -> new Open311.Value(k.code(), name(k))).toList();
        var definition = new Open311.ServiceDefinition(s.code(), List.of(new Open311.Attribute(true, "kind",
                "singlevaluelist", false, text("dispatch.open311.kind.datatype"), 1,
                text("dispatch.open311.kind.description"), values)));
        return writer.answer(HttpStatus.OK, output, definition, definition);
    }

    @PostMapping(path = "/requests.{format}",
            consumes = {MediaType.APPLICATION_FORM_URLENCODED_VALUE, MediaType.MULTIPART_FORM_DATA_VALUE})
    @Operation(summary = "Post a service request: form fields service_code, lat+long (WGS84) or address_string, "
            + "description; optional attribute[kind], media_url (repeatable), first_name, last_name, phone, email; "
            + "the key in the X-Api-Key header or the api_key field, never in the address")
    @Parameter(name = Open311Clients.HEADER, in = ParameterIn.HEADER, description = "the client's API key")
    ResponseEntity<byte[]> create(@PathVariable String format, @RequestParam MultiValueMap<String, String> form,
                                  HttpServletRequest request) {
        var output = Open311Format.of(format);
        var client = clients.authenticate(request, form.getFirst("api_key"));
        var report = report(form);
        var apiUser = new CurrentUser("open311:" + client.name(), client.name(), Set.of(), null, null);
        var event = service.report(report, apiUser, client.name());
        var created = List.of(new Open311.Created(event.reference, event.token, published.notice(event), null));
        return writer.answer(HttpStatus.CREATED, output, created, new Open311.ServiceRequests(created));
    }

    /** The form as a new event; blank optional fields are absent, as the specification's clients send them. */
    private DispatchService.NewEvent report(MultiValueMap<String, String> form) {
        var code = present(form.getFirst("service_code"));
        if (code == null) {
            throw Open311Exception.badRequest("service-missing");
        }
        var s = topics.ofCode(code).orElseThrow(() -> Open311Exception.notFound("service", code));
        var lat = coordinate("lat", form.getFirst("lat"));
        var lon = coordinate("long", form.getFirst("long"));
        var address = present(form.getFirst("address_string"));
        if ((lat == null || lon == null) && address == null) {
            throw Open311Exception.badRequest("location-missing");
        }
        var description = present(form.getFirst("description"));
        if (description == null) {
            throw Open311Exception.badRequest("description-missing");
        }
        var kind = present(form.getFirst("attribute[kind]"));
        if (kind != null && Kind.of("attribute[kind]", kind) == Kind.REPORT) {
            throw Open311Exception.badRequest("kind-report");
        }
        var media = form.getOrDefault("media_url", List.of()).stream().map(Open311Controller::present)
                .filter(java.util.Objects::nonNull).toList();
        return new DispatchService.NewEvent(null, kind == null ? Kind.COMPLAINT.code() : kind, description, media,
                address, lat, lon, "WGS84", ReporterNames.join(form.getFirst("first_name"), form.getFirst("last_name")),
                present(form.getFirst("phone")), present(form.getFirst("email")), false, s.topic());
    }

    @GetMapping("/requests.{format}")
    @Operation(summary = "Service requests: service_request_id (comma-separated; other filters then ignored), "
            + "service_code, start_date, end_date (W3C date-time; 90 days by default), status (open, closed); at "
            + "most 1000, newest first")
    ResponseEntity<byte[]> requests(@PathVariable String format,
                                    @RequestParam(name = "service_request_id", required = false) String ids,
                                    @RequestParam(name = "service_code", required = false) String codes,
                                    @RequestParam(name = "start_date", required = false) String startDate,
                                    @RequestParam(name = "end_date", required = false) String endDate,
                                    @RequestParam(required = false) String status) {
        var output = Open311Format.of(format);
        List<CitizenEvent> found;
        if (ids != null && !ids.isBlank()) {
            found = events.search(new Filter(split(ids), null, null, null, null, null, MAX_REQUESTS, true));
        } else {
            var end = endDate == null ? clock.instant() : datetime("end_date", endDate);
            var start = startDate == null ? end.minus(DEFAULT_SPAN) : datetime("start_date", startDate);
            List<String> topicFilter = codes == null || codes.isBlank() ? null : split(codes).stream()
                    .map(c -> topics.ofCode(c).map(Topics.Service::topic).orElse("-")).toList();
            var wanted = status == null || status.isBlank() ? null : split(status);
            if (wanted != null && !Set.of("open", "closed").containsAll(wanted)) {
                throw Open311Exception.badRequest("status");
            }
            found = events.search(new Filter(null, topicFilter, null, null, start, end, MAX_REQUESTS, true)).stream()
                    .filter(e -> wanted == null || wanted.contains(published.status(e)))
                    .toList();
        }
        var list = published.requests(found);
        return writer.answer(HttpStatus.OK, output, list, new Open311.ServiceRequests(list));
    }

    @GetMapping("/requests/{id}.{format}")
    @Operation(summary = "One service request")
    ResponseEntity<byte[]> request(@PathVariable String id, @PathVariable String format) {
        var output = Open311Format.of(format);
        var list = published.requests(events.find(id).stream().toList());
        if (list.isEmpty()) {
            throw Open311Exception.notFound("request", id);
        }
        return writer.answer(HttpStatus.OK, output, list, new Open311.ServiceRequests(list));
    }

    @GetMapping("/tokens/{token}.{format}")
    @Operation(summary = "The service request a token (from posting) stands for")
    ResponseEntity<byte[]> token(@PathVariable String token, @PathVariable String format) {
        var output = Open311Format.of(format);
        var event = events.findByToken(token).orElseThrow(() -> Open311Exception.notFound("token", token));
        var list = List.of(new Open311.Token(event.reference, event.token));
        return writer.answer(HttpStatus.OK, output, list, new Open311.ServiceRequests(list));
    }

    private Open311.Service service(Topics.Service s) {
        var name = LocaleContextHolder.getLocale().getLanguage().equals("en") ? s.nameEn() : s.topic();
        return new Open311.Service(s.code(), name, name + "：" + String.join("、", s.subtopics()), true, "realtime",
                String.join(",", s.subtopics()), s.topic());
    }

    /** A W3C date-time (a date alone is its midnight in China); 400 otherwise. */
    static Instant datetime(String parameter, String value) {
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(value.strip()).atStartOfDay(CHINA).toInstant();
            } catch (DateTimeParseException again) {
                throw Open311Exception.badRequest("date", parameter);
            }
        }
    }

    private static Double coordinate(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw InvalidParameterException.malformed(parameter, value, "number");
        }
    }

    /** The value stripped, or null when it is absent or blank. */
    static String present(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static List<String> split(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private String name(Kind kind) {
        return messages.getMessage("dispatch.kind." + kind.code(), null, kind.zh(), LocaleContextHolder.getLocale());
    }

    private String text(String code) {
        return messages.getMessage(code, null, LocaleContextHolder.getLocale());
    }
}

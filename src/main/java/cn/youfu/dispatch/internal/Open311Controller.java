package cn.youfu.dispatch.internal;

import cn.youfu.cases.CaseEngine;
import cn.youfu.dispatch.internal.CitizenEvents.Filter;
import cn.youfu.identity.CurrentUser;
import cn.youfu.platform.InvalidParameterException;
import cn.youfu.platform.ProblemException;
import cn.youfu.platform.Problems;
import cn.youfu.platform.PublicEndpoint;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.xml.XmlMapper;

/**
 * Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2): the services (one per first-level topic), posting a request
 * (form-encoded, with an API key), requests with the standard filters, one request, and a token's request; each in
 * JSON or XML by the path's extension. Status is {@code open} or {@code closed}; Youfu's finer state is in
 * {@code status_notes}. Errors are the specification's list of {@code code} and {@code description}.
 *
 * <p>Nothing about the reporter is ever in an answer: no name, phone, e-mail or account, and phone and ID numbers
 * typed into a description are masked. Reports of wrongdoing (举报) are not listed at all: whistle-blowers are
 * protected.
 */
@RestController
@RequestMapping("/open311/v2")
@PublicEndpoint
@Tag(name = "Open311", description = "Open311 GeoReport v2 (JSON or XML by extension)")
class Open311Controller {

    private static final MediaType XML = new MediaType("application", "xml", StandardCharsets.UTF_8);
    private static final MediaType JSON = new MediaType("application", "json", StandardCharsets.UTF_8);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final int MAX_REQUESTS = 1000;
    private static final Duration DEFAULT_SPAN = Duration.ofDays(90);

    private final DispatchService service;
    private final CitizenEvents events;
    private final Topics topics;
    private final ApiKeys keys;
    private final CaseEngine cases;
    private final Problems problems;
    private final MessageSource messages;
    private final java.time.Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    /** Nulls as empty elements ({@code <zipcode/>}), as the specification's examples show them. */
    private final XmlMapper xml = XmlMapper.builder()
            .disable(tools.jackson.dataformat.xml.XmlWriteFeature.WRITE_NULLS_AS_XSI_NIL).build();

    Open311Controller(DispatchService service, CitizenEvents events, Topics topics, ApiKeys keys, CaseEngine cases,
                      Problems problems, MessageSource messages, java.time.Clock clock) {
        this.service = service;
        this.events = events;
        this.topics = topics;
        this.keys = keys;
        this.cases = cases;
        this.problems = problems;
        this.messages = messages;
        this.clock = clock;
    }

    /** A refusal in the specification's terms: its HTTP status is also the error's code. */
    static final class Open311Exception extends RuntimeException {
        private final HttpStatus status;

        Open311Exception(HttpStatus status, String description) {
            super(description);
            this.status = status;
        }
    }

    @GetMapping("/services.{format}")
    @Operation(summary = "Service list: one service per first-level topic of the city's taxonomy")
    ResponseEntity<byte[]> services(@PathVariable String format) {
        var list = topics.services().stream().map(this::service).toList();
        return answer(format, list, new Open311.Services(list));
    }

    @GetMapping("/services/{code}.{format}")
    @Operation(summary = "Service definition: the attribute `kind` (咨询 求助 投诉 举报 建议)")
    ResponseEntity<byte[]> definition(@PathVariable String code, @PathVariable String format) {
        var s = topics.ofCode(code).orElseThrow(() -> new Open311Exception(HttpStatus.NOT_FOUND,
                "service_code " + code + " not found"));
        var values = Arrays.stream(Kind.values()).map(k -> new Open311.Value(k.code(), name(k))).toList();
        var definition = new Open311.ServiceDefinition(s.code(), List.of(new Open311.Attribute(true, "kind",
                "singlevaluelist", false, "one of the keys; complaint when absent", 1, "诉求类型 / kind of request",
                values)));
        return answer(format, definition, definition);
    }

    @PostMapping(path = "/requests.{format}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @Operation(summary = "Post a service request (form-encoded; api_key, service_code, lat+long or address_string, "
            + "description; optional attribute[kind], media_url, first_name, last_name, phone, email)")
    ResponseEntity<byte[]> create(@PathVariable String format, @RequestParam MultiValueMap<String, String> form) {
        checkFormat(format);
        var client = keys.client(form.getFirst("api_key")).orElseThrow(() -> new Open311Exception(
                HttpStatus.FORBIDDEN, "api_key was not provided or is invalid"));
        var code = form.getFirst("service_code");
        if (code == null || code.isBlank()) {
            throw new Open311Exception(HttpStatus.BAD_REQUEST, "service_code was not provided");
        }
        var s = topics.ofCode(code.strip()).orElseThrow(() -> new Open311Exception(HttpStatus.BAD_REQUEST,
                "service_code " + code + " not found"));
        var lat = coordinate("lat", form.getFirst("lat"));
        var lon = coordinate("long", form.getFirst("long"));
        var address = form.getFirst("address_string");
        if ((lat == null || lon == null) && (address == null || address.isBlank())) {
            throw new Open311Exception(HttpStatus.BAD_REQUEST, "lat and long, or address_string, are required");
        }
        var name = Stream.of(form.getFirst("last_name"), form.getFirst("first_name"))
                .filter(n -> n != null && !n.isBlank()).map(String::strip).reduce("", String::concat);
        var media = form.getFirst("media_url");
        var kind = form.getFirst("attribute[kind]");
        var apiUser = new CurrentUser("open311:" + client, client, Set.of(), null, null);
        var event = service.report(new DispatchService.NewEvent(null, kind == null ? Kind.COMPLAINT.code() : kind,
                form.getFirst("description"), media == null || media.isBlank() ? List.of() : List.of(media.strip()),
                address, lat, lon, "WGS84", name.isEmpty() ? null : name, form.getFirst("phone"),
                form.getFirst("email"), false, s.topic()), apiUser, client);
        var created = List.of(new Open311.Created(event.reference, event.token, notice(event), null));
        return ResponseEntity.status(HttpStatus.CREATED).contentType(type(format))
                .body(write(format, created, new Open311.ServiceRequests(created)));
    }

    @GetMapping("/requests.{format}")
    @Operation(summary = "Service requests: service_request_id (comma-separated; other filters then ignored), "
            + "service_code, start_date, end_date (W3C date-time; 90 days by default), status (open, closed)")
    ResponseEntity<byte[]> requests(@PathVariable String format,
                                    @RequestParam(name = "service_request_id", required = false) String ids,
                                    @RequestParam(name = "service_code", required = false) String codes,
                                    @RequestParam(name = "start_date", required = false) String startDate,
                                    @RequestParam(name = "end_date", required = false) String endDate,
                                    @RequestParam(required = false) String status) {
        checkFormat(format);
        List<CitizenEvent> found;
        if (ids != null && !ids.isBlank()) {
            found = events.search(new Filter(split(ids), null, null, null, null, null, MAX_REQUESTS));
        } else {
            var end = endDate == null ? clock.instant() : datetime("end_date", endDate);
            var start = startDate == null ? end.minus(DEFAULT_SPAN) : datetime("start_date", startDate);
            List<String> topicFilter = codes == null || codes.isBlank() ? null : split(codes).stream()
                    .map(c -> topics.ofCode(c).map(Topics.Service::topic).orElse("-")).toList();
            var wanted = status == null || status.isBlank() ? null : split(status);
            if (wanted != null && !Set.of("open", "closed").containsAll(wanted)) {
                throw new Open311Exception(HttpStatus.BAD_REQUEST, "status must be open or closed");
            }
            found = events.search(new Filter(null, topicFilter, null, null, start, end, MAX_REQUESTS)).stream()
                    .filter(e -> wanted == null || wanted.contains(open311Status(e)))
                    .toList();
        }
        var list = found.stream().filter(e -> e.report.kind() != Kind.REPORT).map(this::request).toList();
        return answer(format, list, new Open311.ServiceRequests(list));
    }

    @GetMapping("/requests/{id}.{format}")
    @Operation(summary = "One service request")
    ResponseEntity<byte[]> request(@PathVariable String id, @PathVariable String format) {
        checkFormat(format);
        var event = events.find(id).filter(e -> e.report.kind() != Kind.REPORT)
                .orElseThrow(() -> new Open311Exception(HttpStatus.NOT_FOUND, "service_request_id " + id
                        + " not found"));
        var list = List.of(request(event));
        return answer(format, list, new Open311.ServiceRequests(list));
    }

    @GetMapping("/tokens/{token}.{format}")
    @Operation(summary = "The service request a token (from posting) stands for")
    ResponseEntity<byte[]> token(@PathVariable String token, @PathVariable String format) {
        checkFormat(format);
        var event = events.findByToken(token).orElseThrow(() -> new Open311Exception(HttpStatus.NOT_FOUND,
                "token " + token + " not found"));
        var list = List.of(new Open311.Token(event.reference, event.token));
        return answer(format, list, new Open311.ServiceRequests(list));
    }

    @ExceptionHandler(Open311Exception.class)
    ResponseEntity<byte[]> onOpen311(Open311Exception e, HttpServletRequest request) {
        return error(e.status, e.getMessage(), request);
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<byte[]> onProblem(ProblemException problem, HttpServletRequest request) {
        var detail = problems.of(problem, request);
        return error(problem.status(), detail.getDetail(), request);
    }

    private ResponseEntity<byte[]> error(HttpStatus status, String description, HttpServletRequest request) {
        var format = request.getRequestURI().endsWith(".xml") ? "xml" : "json";
        var list = List.of(new Open311.Error(status.value(), description));
        return ResponseEntity.status(status).contentType(type(format))
                .body(write(format, list, new Open311.Errors(list)));
    }

    private Open311.Service service(Topics.Service s) {
        var english = LocaleContextHolder.getLocale().getLanguage().equals("en");
        return new Open311.Service(s.code(), english ? s.nameEn() : s.topic(),
                (english ? s.nameEn() : s.topic()) + "：" + String.join("、", s.subtopics()), true, "realtime",
                String.join(",", s.subtopics()), s.topic());
    }

    private Open311.Request request(CitizenEvent e) {
        var s = topics.ofTopic(e.topic);
        var location = e.report.location();
        var photos = e.report.photos();
        return new Open311.Request(e.reference, open311Status(e), statusNotes(e),
                s.map(x -> LocaleContextHolder.getLocale().getLanguage().equals("en") ? x.nameEn() : x.topic())
                        .orElse(null),
                s.map(Topics.Service::code).orElse(null), Masking.text(e.report.description()), e.department,
                notice(e), datetime(e.createdAt), datetime(updated(e)),
                e.handlingDue == null ? null : datetime(e.handlingDue.plusDays(1).atStartOfDay(CHINA).toInstant()
                        .minusSeconds(1)),
                e.report.address(), null, null, location == null ? null : location.latitude(),
                location == null ? null : location.longitude(), photos.isEmpty() ? null : photos.get(0));
    }

    /** Closed when closed, or merged into an event that is closed. */
    private String open311Status(CitizenEvent e) {
        var effective = e.mergedInto == null ? e : events.find(e.mergedInto).orElse(e);
        return CitizenEvent.CLOSED.equals(effective.state) || CitizenEvent.MERGED.equals(effective.state)
                ? "closed" : "open";
    }

    private String statusNotes(CitizenEvent e) {
        var locale = LocaleContextHolder.getLocale();
        if (e.mergedInto != null) {
            var main = events.find(e.mergedInto).orElse(e);
            return messages.getMessage("dispatch.open311.merged", new Object[] {main.reference, stateName(main)},
                    locale);
        }
        return stateName(e);
    }

    private String stateName(CitizenEvent e) {
        return cases.find(e.reference).map(c -> c.stateName()).orElse(e.state);
    }

    private String notice(CitizenEvent e) {
        return e.responseDue == null ? null : messages.getMessage("dispatch.open311.notice",
                new Object[] {e.responseDue.toString(), String.valueOf(e.handlingDue)}, LocaleContextHolder.getLocale());
    }

    private static Instant updated(CitizenEvent e) {
        return Stream.of(e.createdAt, e.dispatchedAt, e.acceptedAt, e.repliedAt, e.closedAt)
                .filter(java.util.Objects::nonNull).max(Instant::compareTo).orElse(e.createdAt);
    }

    private static String datetime(Instant instant) {
        return instant == null ? null
                : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(CHINA).toOffsetDateTime()
                        .withNano(0));
    }

    private static Instant datetime(String parameter, String value) {
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(value.strip()).atStartOfDay(CHINA).toInstant();
            } catch (DateTimeParseException again) {
                throw new Open311Exception(HttpStatus.BAD_REQUEST, parameter
                        + " must be a W3C date-time such as 2026-11-25T09:00:00+08:00");
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

    private static List<String> split(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private String name(Kind kind) {
        return messages.getMessage("dispatch.kind." + kind.code(), null, kind.zh(), LocaleContextHolder.getLocale());
    }

    private static void checkFormat(String format) {
        if (!format.equals("json") && !format.equals("xml")) {
            throw new Open311Exception(HttpStatus.NOT_FOUND, "format must be json or xml");
        }
    }

    private static MediaType type(String format) {
        return format.equals("xml") ? XML : JSON;
    }

    private ResponseEntity<byte[]> answer(String format, Object asJson, Object asXml) {
        checkFormat(format);
        return ResponseEntity.ok().contentType(type(format)).body(write(format, asJson, asXml));
    }

    private byte[] write(String format, Object asJson, Object asXml) {
        return format.equals("xml") ? xml.writeValueAsBytes(asXml) : json.writeValueAsBytes(asJson);
    }

}

package cn.youfu.dispatch.internal;

import cn.youfu.cases.CaseEngine;
import cn.youfu.cases.CaseEngine.Limits;
import cn.youfu.cases.CaseEngine.OpenCase;
import cn.youfu.cases.CaseView;
import cn.youfu.dispatch.DispatchEvents.CoHandlerReported;
import cn.youfu.dispatch.DispatchEvents.EventDispatched;
import cn.youfu.dispatch.DispatchEvents.EventMerged;
import cn.youfu.dispatch.DispatchEvents.EventVisited;
import cn.youfu.dispatch.internal.CitizenEvent.Rating;
import cn.youfu.dispatch.internal.CitizenEvent.Report;
import cn.youfu.dispatch.internal.CitizenEvent.Suggestion;
import cn.youfu.identity.CurrentUser;
import cn.youfu.identity.Role;
import cn.youfu.platform.InvalidParameterException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The loop: report, classify and route, dispatch, take on, return, co-handle, reply, visit (close or reopen), merge.
 * Each step runs in one transaction with its case's transition; a refusal changes nothing.
 */
@Service
class DispatchService {

    static final String CASE_TYPE = "citizen-request";
    static final int MAX_TEXT = 4000;
    static final int MAX_PHOTOS = 9;
    /** The longest contact name kept, in characters. */
    static final int MAX_NAME = 100;
    private static final Pattern DEPARTMENT = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{4,19}");
    private static final Pattern URL = Pattern.compile("https?://\\S{1,490}");

    private final CaseEngine cases;
    private final CitizenEvents events;
    private final Routes routes;
    private final Classifiers classifiers;
    private final Topics topics;
    private final DispatchSettings settings;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    DispatchService(CaseEngine cases, CitizenEvents events, Routes routes, Classifiers classifiers, Topics topics,
                    DispatchSettings settings, ApplicationEventPublisher publisher, Clock clock) {
        this.cases = cases;
        this.events = events;
        this.routes = routes;
        this.classifiers = classifiers;
        this.topics = topics;
        this.settings = settings;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * What a reporter (or the operator for a caller) says. {@code crs} is {@code WGS84} (default) or {@code GCJ-02};
     * {@code topic} is the first-level topic the reporter chose (an Open311 service), null to let the classifier
     * decide.
     */
    record NewEvent(String channel, String kind, String text, List<String> photos, String address, Double latitude,
                    Double longitude, String crs, String contactName, String contactPhone, String contactEmail,
                    boolean anonymous, String topic) {
    }

    /** What the classifier says of a text and where the routing table sends it. */
    record Proposal(String topic, String department, double confidence, List<Suggestion> alternatives,
                    List<String> terms) {
    }

    String hotlineDepartment() {
        return settings.hotlineDepartment();
    }

    Proposal propose(String text) {
        var classification = classifiers.current().classify(required("text", text, MAX_TEXT));
        var ranked = classification.ranked().stream().limit(3)
                .map(s -> new Suggestion(s.topic(), routes.department(s.topic()).orElse(null), round(s.probability())))
                .toList();
        var best = ranked.get(0);
        return new Proposal(best.topic(), best.department(), best.confidence(), ranked.subList(1, ranked.size()),
                classification.terms());
    }

    @Transactional
    CitizenEvent report(NewEvent in, CurrentUser by, String apiClient) {
        var kind = Kind.of("kind", in.kind());
        var text = required("text", in.text(), MAX_TEXT);
        var channel = apiClient != null ? Channel.API
                : Channel.of(in.channel(), by.has(Role.OFFICER) ? Channel.HOTLINE : Channel.WEB);
        var photos = photos(in.photos());
        var location = location(in);
        var address = optional("address", in.address(), 300);
        var district = Districts.at(location).or(() -> Districts.named(address));
        var phone = optional("contactPhone", in.contactPhone(), 20);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            throw InvalidParameterException.malformed("contactPhone", phone, "phone");
        }
        if (in.topic() != null && !topics.exists(in.topic())) {
            throw InvalidParameterException.because("topic", "one-of", in.topic(), "taxonomy");
        }
        boolean resident = by.has(Role.APPLICANT) || by.has(Role.ENTERPRISE);
        var report = new Report(channel, kind, text, photos, address, location,
                district.map(Districts.District::code).orElse(null),
                Districts.grid(location, settings.gridCellMetres()).orElse(null),
                optional("contactName", in.contactName(), MAX_NAME), phone,
                optional("contactEmail", in.contactEmail(), 100),
                in.anonymous(), resident ? by.username() : null, apiClient);

        var clockOfKind = settings.kinds().get(kind);
        var details = new LinkedHashMap<String, Object>();
        details.put("kind", kind.code());
        details.put("channel", channel.code());
        if (report.district() != null) {
            details.put("district", report.district());
        }
        var caseView = cases.open(new OpenCase(CASE_TYPE, kind.zh() + "：" + abbreviate(text, 60), details, null, true,
                        new Limits(clockOfKind.handling(), clockOfKind.response())),
                applicant(report, by), by.has(Role.SYSTEM) ? CurrentUser.SYSTEM : by);
        var now = clock.instant();
        var event = new CitizenEvent(caseView.reference(), UUID.randomUUID().toString(), report, now,
                caseView.state());
        due(event, caseView);
        events.insert(event);

        var proposal = propose(text);
        event.suggestions = new ArrayList<>(List.of(new Suggestion(proposal.topic(), proposal.department(),
                proposal.confidence())));
        event.suggestions.addAll(proposal.alternatives());
        event.terms = proposal.terms();
        event.confidence = proposal.confidence();
        event.topic = in.topic() != null ? in.topic() : proposal.topic();
        double confidence = in.topic() != null ? 1.0 : proposal.confidence();
        event.duplicates = duplicates(event);
        var department = routes.department(event.topic);
        if (confidence >= settings.confidenceThreshold() && department.isPresent() && event.duplicates.isEmpty()) {
            var reason = in.topic() != null ? "诉求人选择的类别：" + event.topic
                    : "智能分派：" + event.topic + "（置信度 " + proposal.confidence() + "，关键词 "
                      + String.join("、", proposal.terms()) + "）";
            var view = cases.takeOnBehalf(event.reference, "dispatch", reason, CurrentUser.SYSTEM);
            event.dispatched(event.topic, department.get(), List.of(), now);
            due(event, view);
            publisher.publishEvent(new EventDispatched(event.reference, CurrentUser.SYSTEM.username(), now,
                    event.topic, department.get(), List.of(), confidence, proposal.terms(), true, reason));
        }
        save(event, now);
        return event;
    }

    /** A 12345 dispatcher routes (or re-routes) an event; a topic other than the classifier's teaches it. */
    @Transactional
    CitizenEvent dispatch(String reference, String topic, String department, List<String> coHandlers, String reason,
                          CurrentUser by) {
        var event = visible(reference, by);
        requireHotline(event, by, "dispatch");
        if (!topics.exists(topic)) {
            throw topic == null ? InvalidParameterException.missing("topic")
                    : InvalidParameterException.because("topic", "one-of", topic, "taxonomy");
        }
        var lead = department == null || department.isBlank() ? routes.department(topic)
                .orElseThrow(() -> InvalidParameterException.missing("department")) : department(department);
        var others = coHandlers == null ? List.<String>of() : coHandlers.stream().map(this::department).toList();
        var predicted = event.suggestions.isEmpty() ? null : event.suggestions.get(0).topic();
        if (!topic.equals(predicted)) {
            classifiers.correction(reference, event.report.description(), topic, predicted, by.username());
        }
        var now = clock.instant();
        var view = cases.takeOnBehalf(reference, "dispatch", reason, by);
        event.dispatched(topic, lead, others, now);
        due(event, view);
        publisher.publishEvent(new EventDispatched(reference, by.username(), now, topic, lead,
                event.coHandlers.stream().map(CitizenEvent.CoHandler::department).toList(),
                event.confidence == null ? 0 : event.confidence, event.terms, false, reason));
        return save(event, now);
    }

    @Transactional
    CitizenEvent accept(String reference, CurrentUser by) {
        var event = visible(reference, by);
        requireLead(event, by, "take-on");
        var now = clock.instant();
        cases.takeOnBehalf(reference, "take-on", null, by);
        event.accepted(by.username(), now);
        return save(event, now);
    }

    /** The lead department sends a wrongly routed event back to the 12345 dispatchers, with its reason. */
    @Transactional
    CitizenEvent giveBack(String reference, String reason, CurrentUser by) {
        var event = visible(reference, by);
        requireLead(event, by, "return");
        var now = clock.instant();
        cases.takeOnBehalf(reference, "return", reason, by);
        event.returnedToDispatcher();
        return save(event, now);
    }

    @Transactional
    CitizenEvent contribute(String reference, String text, CurrentUser by) {
        var event = visible(reference, by);
        if (!by.has(Role.OFFICER) || !event.coHandles(by.department())) {
            throw DispatchProblems.notYourStep(reference, "co-handle", "co-handling departments");
        }
        if (!CitizenEvent.DISPATCHED.equals(event.state) && !CitizenEvent.HANDLING.equals(event.state)) {
            throw DispatchProblems.notInState(reference, event.state, "co-handle");
        }
        var now = clock.instant();
        event.coHandlerReported(by.department(), required("text", text, MAX_TEXT), by.username(), now);
        publisher.publishEvent(new CoHandlerReported(reference, by.username(), now, by.department()));
        return save(event, now);
    }

    @Transactional
    CitizenEvent reply(String reference, String text, CurrentUser by) {
        var event = visible(reference, by);
        requireLead(event, by, "reply");
        var pending = event.coHandlersPending();
        if (!pending.isEmpty()) {
            throw DispatchProblems.coHandlersPending(reference, pending);
        }
        var answer = required("text", text, MAX_TEXT);
        var now = clock.instant();
        cases.takeOnBehalf(reference, "reply", answer, by);
        event.replied(answer, now);
        return save(event, now);
    }

    /** The follow-up visit (回访) by the 12345 centre, or the reporter's own rating. */
    @Transactional
    CitizenEvent visit(String reference, String rating, String comment, CurrentUser by) {
        var event = visible(reference, by);
        boolean reporter = by.username().equals(event.report.reporter());
        if (!reporter && !(by.has(Role.OFFICER) && settings.hotlineDepartment().equals(by.department()))) {
            throw DispatchProblems.notYourStep(reference, "visit", settings.hotlineDepartment() + ", reporter");
        }
        var value = Rating.valueOf(cn.youfu.platform.Parameters.oneOf("rating", rating, null,
                "satisfied", "basically_satisfied", "dissatisfied") == null ? missing("rating")
                : rating.strip().toUpperCase(Locale.ROOT));
        var note = optional("comment", comment, 1000);
        var now = clock.instant();
        if (value.satisfied()) {
            cases.takeOnBehalf(reference, "close", note, by);
        } else {
            cases.takeOnBehalf(reference, "reopen", note == null ? "回访不满意" : note, by);
        }
        event.visited(value, note, now);
        publisher.publishEvent(new EventVisited(reference, by.username(), now, value.name(), !value.satisfied()));
        return save(event, now);
    }

    /** A dispatcher confirms that an event is the same problem as an open one: it is handled once, as that one. */
    @Transactional
    CitizenEvent merge(String reference, String into, CurrentUser by) {
        var event = visible(reference, by);
        requireHotline(event, by, "merge");
        if (into == null || into.isBlank()) {
            throw InvalidParameterException.missing("into");
        }
        var main = events.find(into.strip()).orElseThrow(() -> DispatchProblems.notFound(into));
        if (main.reference.equals(reference) || !main.open() || main.mergedInto != null) {
            throw DispatchProblems.cannotMerge(reference, into);
        }
        var now = clock.instant();
        cases.takeOnBehalf(reference, "merge", "并入 " + main.reference, by);
        event.mergedInto(main.reference, now);
        publisher.publishEvent(new EventMerged(reference, by.username(), now, main.reference));
        return save(event, now);
    }

    /** The event if the caller may see it; otherwise the same 404 as for one that does not exist. */
    CitizenEvent visible(String reference, CurrentUser viewer) {
        return events.find(reference == null ? "" : reference.strip()).filter(e -> canSee(viewer, e))
                .orElseThrow(() -> DispatchProblems.notFound(String.valueOf(reference)));
    }

    boolean canSee(CurrentUser viewer, CitizenEvent event) {
        if (viewer.has(Role.SUPERVISOR) || viewer.has(Role.ADMIN)) {
            return true;
        }
        if (viewer.username().equals(event.report.reporter())) {
            return true;
        }
        var department = viewer.department();
        return viewer.has(Role.OFFICER) && department != null && (department.equals(settings.hotlineDepartment())
                || department.equals(event.department) || event.coHandles(department));
    }

    boolean handles(CurrentUser viewer, CitizenEvent event) {
        return viewer.has(Role.OFFICER) && viewer.username().equals(event.handler);
    }

    /** Open events that look like the same problem: same topic, recent, near. */
    private List<String> duplicates(CitizenEvent event) {
        var here = event.report.location();
        if (here == null || event.topic == null) {
            return List.of();
        }
        return events.openWithLocation(event.topic, event.createdAt.minus(settings.duplicateWindow())).stream()
                .filter(other -> !other.reference.equals(event.reference) && other.mergedInto == null)
                .filter(other -> other.report.location().metresTo(here) <= settings.duplicateDistance())
                .map(other -> other.reference).limit(5).toList();
    }

    private CitizenEvent save(CitizenEvent event, Instant now) {
        if (!events.update(event, now)) {
            throw DispatchProblems.notInState(event.reference, event.state, "save");
        }
        event.version++;
        return event;
    }

    private static void due(CitizenEvent event, CaseView view) {
        event.state = view.state();
        event.responseDue = view.clock().promisedDeadline();
        event.handlingDue = view.clock().statutoryDeadline();
    }

    private void requireHotline(CitizenEvent event, CurrentUser by, String step) {
        if (!by.has(Role.OFFICER) || !settings.hotlineDepartment().equals(by.department())) {
            throw DispatchProblems.notYourStep(event.reference, step, settings.hotlineDepartment());
        }
    }

    private void requireLead(CitizenEvent event, CurrentUser by, String step) {
        if (!by.has(Role.OFFICER) || by.department() == null || !by.department().equals(event.department)) {
            throw DispatchProblems.notYourStep(event.reference, step, String.valueOf(event.department));
        }
    }

    /** Who the case names as its applicant: the signed-in resident, unless anonymous; else a masked stand-in. */
    private static CurrentUser applicant(Report report, CurrentUser by) {
        if (report.reporter() != null && !report.anonymous()) {
            return by;
        }
        var name = report.anonymous() || report.contactName() == null ? "匿名群众" : Masking.name(report.contactName());
        return new CurrentUser("citizen", name, Set.of(), null, null);
    }

    private String department(String code) {
        var value = code == null ? "" : code.strip();
        if (!DEPARTMENT.matcher(value).matches()) {
            throw InvalidParameterException.malformed("department", code, "department");
        }
        return value;
    }

    private static Location location(NewEvent in) {
        if (in.latitude() == null && in.longitude() == null) {
            return null;
        }
        if (in.latitude() == null || in.longitude() == null) {
            throw InvalidParameterException.missing(in.latitude() == null ? "lat" : "long");
        }
        var crs = cn.youfu.platform.Parameters.oneOf("crs", in.crs(), "WGS84", "WGS84", "GCJ-02");
        return crs.equals("GCJ-02") ? Location.fromGcj02(in.latitude(), in.longitude())
                : new Location(in.latitude(), in.longitude());
    }

    private static List<String> photos(List<String> photos) {
        if (photos == null) {
            return List.of();
        }
        if (photos.size() > MAX_PHOTOS) {
            throw InvalidParameterException.outOfRange("photos", photos.size(), 0, MAX_PHOTOS);
        }
        for (var url : photos) {
            if (url == null || !URL.matcher(url).matches()) {
                throw InvalidParameterException.malformed("photos", url, "url");
            }
        }
        return List.copyOf(photos);
    }

    static String required(String parameter, String value, int max) {
        var text = optional(parameter, value, max);
        if (text == null) {
            throw InvalidParameterException.missing(parameter);
        }
        return text;
    }

    static String optional(String parameter, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        var text = value.strip();
        if (text.length() > max) {
            throw InvalidParameterException.outOfRange(parameter, text.length() + " characters", 1, max);
        }
        return text;
    }

    private static String missing(String parameter) {
        throw InvalidParameterException.missing(parameter);
    }

    private static String abbreviate(String text, int max) {
        var oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1) + "…";
    }

    private static double round(double p) {
        return Math.round(p * 1000) / 1000.0;
    }
}

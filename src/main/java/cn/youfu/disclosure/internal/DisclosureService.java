package cn.youfu.disclosure.internal;

import cn.youfu.calendar.Calendars;
import cn.youfu.cases.CaseEngine;
import cn.youfu.cases.CaseEngine.OpenCase;
import cn.youfu.cases.CaseEvents.CaseExtended;
import cn.youfu.cases.CaseEvents.CaseTransitioned;
import cn.youfu.cases.CaseView;
import cn.youfu.disclosure.DisclosureClock;
import cn.youfu.disclosure.DisclosureClock.History;
import cn.youfu.disclosure.DisclosureClock.Pause;
import cn.youfu.disclosure.DisclosureClock.PauseReason;
import cn.youfu.disclosure.DisclosureEvents.Notice;
import cn.youfu.disclosure.DisclosureEvents.NoticeSent;
import cn.youfu.disclosure.DisclosureEvents.RequestCorrected;
import cn.youfu.disclosure.DisclosureEvents.RequestReceived;
import cn.youfu.disclosure.DisclosureRequests;
import cn.youfu.disclosure.internal.Requests.Request;
import cn.youfu.disclosure.internal.Requests.StepRecord;
import cn.youfu.identity.CurrentUser;
import cn.youfu.identity.Role;
import cn.youfu.platform.InvalidParameterException;
import cn.youfu.platform.Parameters;
import cn.youfu.platform.Sm3;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests for government information on their case: submit, correction (once, within 7 working days, restarting
 * the period), consultations (the clock stands still), extension (once, before the deadline, the reason told),
 * withdrawal. Staff act only on their own department's requests; the case engine checks the state and the role.
 */
@Service
class DisclosureService implements DisclosureRequests {

    static final String CASE_TYPE = "information-disclosure";
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** Notices to applicants are official documents: in Chinese. */
    static final Locale OFFICIAL = Locale.SIMPLIFIED_CHINESE;
    /** Working days after receipt within which a correction may be asked for (Art. 30). */
    static final int CORRECTION_WINDOW = 7;
    /** Working days a third party has to give its opinion (Art. 32). */
    static final int THIRD_PARTY_DAYS = 15;
    static final List<String> REMEDY_KINDS = List.of("reconsideration", "litigation",
            "litigation-after-reconsideration");
    static final List<String> REMEDY_RESULTS = List.of("upheld", "corrected", "other", "pending");
    static final Set<String> DELIVERIES = Set.of("online", "email", "post", "pickup");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{4,19}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s]{1,40}");

    private final CaseEngine cases;
    private final Requests requests;
    private final Calendars calendars;
    private final DisclosureSettings settings;
    private final RequestViews views;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ReplyService replies;
    private final Replies stored;
    private final LetterVerification verification;

    DisclosureService(CaseEngine cases, Requests requests, Calendars calendars, DisclosureSettings settings,
                      RequestViews views, MessageSource messages, ApplicationEventPublisher events, Clock clock,
                      ReplyService replies, Replies stored, LetterVerification verification) {
        this.verification = verification;
        this.replies = replies;
        this.stored = stored;
        this.cases = cases;
        this.requests = requests;
        this.calendars = calendars;
        this.settings = settings;
        this.views = views;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public RequestView submit(NewRequest in, CurrentUser applicant) {
        if (!applicant.has(Role.APPLICANT) && !applicant.has(Role.ENTERPRISE)) {
            throw InvalidParameterException.because("applicant", "disclosure-applicant");
        }
        var request = checked(in);
        var agency = blank(in.agency()) ? settings.defaultAgency() : in.agency().strip();
        if (!settings.agencies().contains(agency)) {
            throw InvalidParameterException.because("agency", "one-of", agency, String.join(", ",
                    settings.agencies()));
        }
        var title = messages.getMessage("disclosure.case.title", new Object[] {abbreviate(
                request.documentTitle() != null ? request.documentTitle() : request.description(), 60)}, OFFICIAL);
        var opened = cases.open(new OpenCase(CASE_TYPE, title, Map.of("agency", agency), agency, true), applicant,
                applicant);
        var now = clock.instant();
        var receivedOn = opened.clock().startedOn();
        var kind = applicant.has(Role.ENTERPRISE) ? "enterprise" : "resident";
        var stored = new Request(opened.reference(), applicant.username(), kind, applicant.displayName(),
                applicant.subjectId(), request.phone(), request.email(), request.address(), request.description(),
                request.documentTitle(), request.documentNumber(), request.delivery(), agency, receivedOn, now, null,
                null);
        requests.insert(stored);
        events.publishEvent(new RequestReceived(stored.reference(), applicant.username(), now, agency, kind,
                stored.delivery(), receivedOn, Sm3.hex(stored.description().getBytes(StandardCharsets.UTF_8))));
        return views.of(stored, cases.view(stored.reference(), applicant), applicant);
    }

    /** The request's Art. 29 content, checked and trimmed (agency and identity are not part of it). */
    private static NewRequest checked(NewRequest in) {
        if (in == null) {
            throw InvalidParameterException.missing("description");
        }
        var description = Parameters.requiredText("description", in.description(), 2000);
        var delivery = Parameters.requiredText("delivery", in.delivery(), 20);
        if (!DELIVERIES.contains(delivery)) {
            throw InvalidParameterException.because("delivery", "one-of", delivery, "online, email, post, pickup");
        }
        var phone = Parameters.requiredText("phone", in.phone(), 20);
        if (!PHONE.matcher(phone).matches()) {
            throw InvalidParameterException.malformed("phone", phone, "phone");
        }
        var email = "email".equals(delivery) ? Parameters.requiredText("email", in.email(), 254)
                : Parameters.text("email", in.email(), 254);
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw InvalidParameterException.malformed("email", email, "email");
        }
        var address = "post".equals(delivery) ? Parameters.requiredText("address", in.address(), 300)
                : Parameters.text("address", in.address(), 300);
        return new NewRequest(null, description, Parameters.text("documentTitle", in.documentTitle(), 200),
                Parameters.text("documentNumber", in.documentNumber(), 100), delivery, phone, email, address);
    }

    @Override
    @Transactional
    public RequestView view(String reference, CurrentUser viewer) {
        var request = visible(reference, viewer);
        return views.of(request, cases.view(reference, viewer), viewer);
    }

    @Override
    @Transactional(readOnly = true)
    public DisclosureClock.Explanation clock(String reference, CurrentUser viewer) {
        var request = visible(reference, viewer);
        return DisclosureClock.explain(history(request, requests.steps(reference)), today(), calendars.current());
    }

    /** What the clock depends on, from the request and its steps. */
    static History history(Request request, List<StepRecord> steps) {
        var pauses = steps.stream().filter(s -> !StepRecord.EXTENSION.equals(s.kind()))
                .map(s -> new Pause(switch (s.kind()) {
                    case StepRecord.CORRECTION -> PauseReason.CORRECTION;
                    case StepRecord.THIRD_PARTY -> PauseReason.THIRD_PARTY;
                    default -> PauseReason.AGENCY;
                }, s.startedOn(), s.endedOn())).toList();
        int extended = steps.stream().filter(s -> StepRecord.EXTENSION.equals(s.kind()))
                .mapToInt(s -> s.days() == null ? 0 : s.days()).sum();
        return new History(request.receivedOn(), request.correctedOn(), pauses, extended);
    }

    @Override
    @Transactional
    public RequestView requestCorrection(String reference, String whatToCorrect, Integer workingDays,
                                         CurrentUser officer) {
        var request = actingStaff(reference, officer);
        var what = Parameters.requiredText("whatToCorrect", whatToCorrect, 1000);
        int days = workingDays == null ? settings.correctionDays() : workingDays;
        if (days < 1 || days > 30) {
            throw InvalidParameterException.outOfRange("workingDays", days, 1, 30);
        }
        var steps = requests.steps(reference);
        steps.stream().filter(s -> StepRecord.CORRECTION.equals(s.kind())).findFirst().ifPresent(s -> {
            throw DisclosureProblems.correctionAlreadyAsked(reference, s.startedOn());
        });
        var calendar = calendars.current();
        var today = today();
        if (calendar.workingDaysBetween(request.receivedOn(), today) > CORRECTION_WINDOW) {
            throw DisclosureProblems.correctionTooLate(reference,
                    calendar.deadline(request.receivedOn(), CORRECTION_WINDOW).deadline());
        }
        var dueOn = calendar.deadline(today, days).deadline();
        var notice = messages.getMessage("disclosure.notice.correction", new Object[] {what, days, dueOn}, OFFICIAL);
        var view = cases.takeOnBehalf(reference, "request-correction", notice, officer);
        step(request, StepRecord.CORRECTION, today, dueOn, null, null, what, officer);
        events.publishEvent(new NoticeSent(reference, officer.username(), clock.instant(), Notice.CORRECTION, notice,
                dueOn));
        return views.of(request, view, officer);
    }

    @Override
    @Transactional
    public RequestView correct(String reference, String correctedDescription, CurrentUser applicant) {
        var request = ownRequest(reference, applicant);
        var description = Parameters.requiredText("description", correctedDescription, 2000);
        var view = cases.takeOnBehalf(reference, "correct", null, applicant);
        var today = today();
        openStep(reference, Set.of(StepRecord.CORRECTION)).ifPresent(s -> requests.end(s.id(), today, "corrected"));
        requests.corrected(reference, description, today);
        events.publishEvent(new RequestCorrected(reference, applicant.username(), clock.instant(), today,
                Sm3.hex(description.getBytes(StandardCharsets.UTF_8))));
        return views.of(requests.find(reference).orElseThrow(), view, applicant);
    }

    @Override
    @Transactional
    public RequestView consult(String reference, String party, String who, String what, CurrentUser officer) {
        var request = actingStaff(reference, officer);
        var kind = Parameters.requiredText("party", party, 20);
        if (!StepRecord.THIRD_PARTY.equals(kind) && !StepRecord.AGENCY.equals(kind)) {
            throw InvalidParameterException.because("party", "one-of", kind, "third-party, agency");
        }
        var whom = Parameters.requiredText("who", who, 200);
        var about = Parameters.requiredText("what", what, 1000);
        var today = today();
        var dueOn = StepRecord.THIRD_PARTY.equals(kind)
                ? calendars.current().deadline(today, THIRD_PARTY_DAYS).deadline() : null;
        var notice = messages.getMessage("disclosure.notice.consultation." + kind, new Object[] {dueOn}, OFFICIAL);
        var view = cases.takeOnBehalf(reference, StepRecord.THIRD_PARTY.equals(kind) ? "consult-third-party"
                : "consult-agency", notice, officer);
        step(request, kind, today, dueOn, whom, null, about, officer);
        events.publishEvent(new NoticeSent(reference, officer.username(), clock.instant(), Notice.CONSULTATION,
                notice, dueOn));
        return views.of(request, view, officer);
    }

    @Override
    @Transactional
    public RequestView endConsultation(String reference, String opinion, CurrentUser officer) {
        var request = actingStaff(reference, officer);
        var open = openStep(reference, Set.of(StepRecord.THIRD_PARTY, StepRecord.AGENCY))
                .orElseThrow(() -> DisclosureProblems.noConsultation(reference));
        var action = StepRecord.THIRD_PARTY.equals(open.kind()) ? "receive-third-party-opinion"
                : "receive-agency-opinion";
        var view = cases.takeOnBehalf(reference, action, Parameters.text("opinion", opinion, 1000), officer);
        requests.end(open.id(), today(), "answered");
        return views.of(request, view, officer);
    }

    @Override
    @Transactional
    public RequestView extend(String reference, String reason, CurrentUser supervisor) {
        var request = actingStaff(reference, supervisor);
        var view = cases.takeOnBehalf(reference, "extend", Parameters.requiredText("reason", reason, 1000), supervisor);
        return views.of(request, view, supervisor);
    }

    /**
     * Every extension of a request, whoever took it and through whichever door, is told to the applicant with its
     * reason (Art. 33) and counted by the clock's explanation: recorded in the extension's own transaction.
     */
    @EventListener
    void extended(CaseExtended extension) {
        if (!CASE_TYPE.equals(extension.type())) {
            return;
        }
        var request = requests.find(extension.reference()).orElse(null);
        if (request == null) {
            return; // a case opened before the module recorded requests: nothing to tell
        }
        var notice = messages.getMessage("disclosure.notice.extension", new Object[] {extension.reason(),
                extension.days(), extension.statutoryDeadline()}, OFFICIAL);
        requests.insert(new StepRecord(null, request.reference(), StepRecord.EXTENSION, today(),
                extension.statutoryDeadline(), null, extension.days(), null, extension.reason(), null, extension.actor(),
                extension.at()));
        events.publishEvent(new NoticeSent(request.reference(), extension.actor(), extension.at(), Notice.EXTENSION,
                notice, extension.statutoryDeadline()));
    }

    /**
     * A request's case was closed (a reply, abandonment, withdrawal — through whichever door): the day and the final
     * state are kept for the annual report, in the closing's own transaction.
     */
    @EventListener
    void closed(CaseTransitioned transition) {
        if (CASE_TYPE.equals(transition.type()) && transition.closed()) {
            requests.closed(transition.reference(), LocalDate.ofInstant(transition.at(), CHINA), transition.to());
        }
    }

    @Override
    @Transactional
    public RecordedRemedy recordRemedy(String reference, NewRemedy remedy, CurrentUser staff) {
        var request = actingStaff(reference, staff);
        if (remedy == null) {
            throw InvalidParameterException.missing("kind");
        }
        var kind = Parameters.requiredText("kind", remedy.kind(), 40);
        if (!REMEDY_KINDS.contains(kind)) {
            throw InvalidParameterException.because("kind", "one-of", kind, String.join(", ", REMEDY_KINDS));
        }
        var result = remedy.result() == null ? "pending" : remedy.result().strip();
        if (!REMEDY_RESULTS.contains(result)) {
            throw InvalidParameterException.because("result", "one-of", result, String.join(", ", REMEDY_RESULTS));
        }
        if (remedy.filedOn() == null) {
            throw InvalidParameterException.missing("filedOn");
        }
        if (remedy.filedOn().isBefore(request.receivedOn()) || remedy.filedOn().isAfter(today())) {
            throw InvalidParameterException.outOfRange("filedOn", remedy.filedOn(), request.receivedOn(), today());
        }
        if (remedy.decidedOn() != null && (remedy.decidedOn().isBefore(remedy.filedOn())
                || remedy.decidedOn().isAfter(today()))) {
            throw InvalidParameterException.outOfRange("decidedOn", remedy.decidedOn(), remedy.filedOn(), today());
        }
        requests.remedy(reference, kind, result, remedy.filedOn(), remedy.decidedOn(), staff.username(),
                clock.instant());
        return new RecordedRemedy(reference, kind, result, remedy.filedOn(), remedy.decidedOn());
    }

    @Override
    @Transactional
    public RequestView withdraw(String reference, CurrentUser applicant) {
        var request = ownRequest(reference, applicant);
        var view = cases.takeOnBehalf(reference, "withdraw", null, applicant);
        openStep(reference, Set.of(StepRecord.CORRECTION, StepRecord.THIRD_PARTY, StepRecord.AGENCY))
                .ifPresent(s -> requests.end(s.id(), today(), "withdrawn"));
        return views.of(request, view, applicant);
    }

    @Override
    @Transactional
    public ReplyView reply(String reference, Reply reply, CurrentUser officer) {
        return replies.reply(actingStaff(reference, officer), reply, officer);
    }

    @Override
    @Transactional(readOnly = true)
    public ReplyView replyOf(String reference, CurrentUser viewer) {
        visible(reference, viewer);
        return replies.view(stored.of(reference).orElseThrow(() -> DisclosureProblems.noReply(reference)),
                org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }

    @Override
    @Transactional(readOnly = true)
    public LetterFile letter(String reference, CurrentUser viewer) {
        visible(reference, viewer);
        return replies.letter(stored.of(reference).orElseThrow(() -> DisclosureProblems.noReply(reference)));
    }

    @Override
    @Transactional(readOnly = true)
    public ProvidedFile file(String reference, String sm3, CurrentUser viewer) {
        visible(reference, viewer);
        return replies.file(stored.of(reference).orElseThrow(() -> DisclosureProblems.noReply(reference)), sm3);
    }

    @Override
    public LetterCheck verifyLetter(String letterId) {
        try {
            return verification.byId(letterId == null ? null : java.util.UUID.fromString(letterId));
        } catch (IllegalArgumentException notAnId) {
            return verification.byId(null);
        }
    }

    /** The request if the viewer may see it: the applicant their own, staff their department's, supervisors all. */
    Request visible(String reference, CurrentUser viewer) {
        var request = reference == null ? null : requests.find(reference).orElse(null);
        if (request == null || !RequestViews.maySee(viewer, request)) {
            throw DisclosureProblems.notFound(String.valueOf(reference));
        }
        return request;
    }

    /** The request, for a member of its own department's staff; others of the staff are refused. */
    Request actingStaff(String reference, CurrentUser staff) {
        var request = visible(reference, staff);
        if (staff.department() == null || !staff.department().equals(request.department())) {
            throw DisclosureProblems.otherDepartment(reference, request.department());
        }
        return request;
    }

    private Request ownRequest(String reference, CurrentUser applicant) {
        var request = visible(reference, applicant);
        if (!request.applicant().equals(applicant.username())) {
            throw DisclosureProblems.notFound(reference);
        }
        return request;
    }

    private java.util.Optional<StepRecord> openStep(String reference, Set<String> kinds) {
        return requests.steps(reference).stream().filter(s -> kinds.contains(s.kind()) && s.open()).findFirst();
    }

    private void step(Request request, String kind, LocalDate on, LocalDate dueOn, String party, Integer days,
                      String text, CurrentUser actor) {
        requests.insert(new StepRecord(null, request.reference(), kind, on, dueOn, null, days, party, text, null,
                actor.username(), clock.instant()));
    }

    LocalDate today() {
        return today(clock);
    }

    static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(CHINA));
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    CaseView caseOf(String reference) {
        return cases.find(reference).orElseThrow(() -> DisclosureProblems.notFound(reference));
    }
}

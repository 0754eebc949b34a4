package cn.youfu.disclosure.internal;

import cn.youfu.calendar.Calendars;
import cn.youfu.cases.CaseView;
import cn.youfu.disclosure.DisclosureRequests.Applicant;
import cn.youfu.disclosure.DisclosureRequests.RequestView;
import cn.youfu.disclosure.DisclosureRequests.Step;
import cn.youfu.disclosure.internal.Requests.Request;
import cn.youfu.identity.CurrentUser;
import cn.youfu.identity.Role;
import cn.youfu.platform.CreditCode;
import cn.youfu.platform.ResidentId;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** What a viewer sees of a request, and which of the module's actions they may take now. */
@Component
class RequestViews {

    static final Set<String> CONSULTING = Set.of("third-party-consultation", "agency-consultation");
    static final Set<String> OPEN_TO_WITHDRAW = Set.of("received", "awaiting-correction", "third-party-consultation",
            "agency-consultation");

    private final Requests requests;
    private final Calendars calendars;
    private final Clock clock;

    RequestViews(Requests requests, Calendars calendars, Clock clock) {
        this.requests = requests;
        this.calendars = calendars;
        this.clock = clock;
    }

    /** The applicant their own request; officers and reviewers their department's; supervisors and admins all. */
    static boolean maySee(CurrentUser viewer, Request request) {
        if (viewer.username().equals(request.applicant())) {
            return true;
        }
        if (viewer.has(Role.SUPERVISOR) || viewer.has(Role.ADMIN)) {
            return true;
        }
        return (viewer.has(Role.OFFICER) || viewer.has(Role.REVIEWER))
                && request.department().equals(viewer.department());
    }

    RequestView of(Request r, CaseView aCase, CurrentUser viewer) {
        var steps = requests.steps(r.reference()).stream().map(s -> new Step(s.kind(), s.startedOn(), s.dueOn(),
                s.endedOn(), s.days(), s.text(), s.outcome())).toList();
        var clockView = aCase.clock();
        return new RequestView(r.reference(), aCase.state(), aCase.stateName(), aCase.closed(), r.department(),
                r.description(), r.documentTitle(), r.documentNumber(), r.delivery(), r.receivedOn(),
                r.correctedDescription(), r.correctedOn(),
                new Applicant(r.applicantKind(), r.applicantName(), maskedId(r.applicantId()), r.phone(), r.email(),
                        r.address()),
                aCase.closed() ? null : clockView.statutoryDeadline(), clockView.paused(), clockView.extensions(),
                clockView.onTime(), steps, actions(r, aCase, steps, viewer));
    }

    private List<String> actions(Request r, CaseView aCase, List<Step> steps, CurrentUser viewer) {
        var actions = new ArrayList<String>();
        if (aCase.closed()) {
            return actions;
        }
        var state = aCase.state();
        if (viewer.username().equals(r.applicant())) {
            if ("awaiting-correction".equals(state)) {
                actions.add("correct");
            }
            if (OPEN_TO_WITHDRAW.contains(state)) {
                actions.add("withdraw");
            }
            return actions;
        }
        if (!r.department().equals(viewer.department())) {
            return actions;
        }
        if (viewer.has(Role.OFFICER)) {
            officerActions(r, state, steps, actions);
        }
        var deadline = aCase.clock().statutoryDeadline();
        if (viewer.has(Role.SUPERVISOR) && aCase.clock().extensions() == 0
                && (deadline == null || !today().isAfter(deadline))) {
            actions.add("extend");
        }
        return actions;
    }

    private void officerActions(Request r, String state, List<Step> steps, List<String> actions) {
        if ("received".equals(state)) {
            boolean asked = steps.stream().anyMatch(s -> Requests.StepRecord.CORRECTION.equals(s.kind()));
            if (!asked && calendars.current().workingDaysBetween(r.receivedOn(), today())
                    <= DisclosureService.CORRECTION_WINDOW) {
                actions.add("request-correction");
            }
            actions.add("consult");
            actions.add("reply");
        }
        if (CONSULTING.contains(state)) {
            actions.add("end-consultation");
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(DisclosureService.CHINA));
    }

    /** An ID number or credit code with its middle hidden; anything else as it is. */
    static String maskedId(String id) {
        if (id == null) {
            return null;
        }
        if (ResidentId.isValid(id)) {
            return ResidentId.of(id).masked();
        }
        return CreditCode.isValid(id) ? CreditCode.of(id).masked() : id;
    }
}

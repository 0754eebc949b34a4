package cn.youfu.cases;

import cn.youfu.calendar.PeriodUnit;
import cn.youfu.identity.CurrentUser;
import java.util.Map;

/**
 * Opens cases and moves them through their types' transitions. Each method runs in one transaction with the ledger
 * record of what it did; a refusal changes nothing. Refusals are problem exceptions: 400 (bad input), 403 (a role
 * that may not), 404 (no such case or not the caller's to see), 409 (not allowed in the current state, or changed
 * meanwhile).
 */
public interface CaseEngine {

    /**
     * Opens a case.
     *
     * @param command    what to open; {@code department} may be null for the type's own department
     * @param applicant  whose case it is (their own when a resident or enterprise opens it)
     * @param creator    who opens it; must hold a role allowed to create the type directly unless {@code onBehalf}
     */
    CaseView open(OpenCase command, CurrentUser applicant, CurrentUser creator);

    /**
     * Opens a case and at once takes an action on it, in one transaction: a case decided on arrival (an instant
     * approval opens an application and approves, refuses or refers it). The ledger and the applicant's messages show
     * both steps; the case is written once, in the state the action leads to. Refused as {@link #open} and
     * {@link #take} refuse, and then nothing is opened.
     */
    CaseView openAndTake(OpenCase command, CurrentUser applicant, CurrentUser creator, String action, String comment,
                         CurrentUser actor);

    /** Takes an action ({@code extend} included, where the type allows) as the given person. */
    default CaseView take(String reference, String action, String comment, CurrentUser actor) {
        return take(reference, action, comment, null, actor);
    }

    /**
     * Takes an action as the given person, saying how long it is expected to take where the type asks for it (a
     * hearing or an expert review stops a licence's clock, and the applicant is told how long, 行政许可法 Art. 45).
     *
     * @param expectedDays in the case's statutory limit's unit; null when the action needs none
     */
    CaseView take(String reference, String action, String comment, Integer expectedDays, CurrentUser actor);

    /**
     * Takes an action for a module that has itself decided that the actor may act on the case: {@code dispatch} lets
     * the officers of the department a citizen's request was routed to act on a case the 12345 centre owns. The
     * type's rules (state, the actor's roles, a required reason) still apply and the ledger records the actor; only
     * the department visibility check is the caller's. 404 problem when there is no such case.
     */
    CaseView takeOnBehalf(String reference, String action, String comment, CurrentUser actor);

    /**
     * Gives the case to an officer of its department (reassigns it); officers, supervisors and administrators may.
     *
     * @param officer the officer's username; not blank
     */
    CaseView assign(String reference, String officer, CurrentUser by);

    /**
     * Whether {@code viewer} may see the case (the rule {@link #view} applies), for a module guarding something that
     * belongs to a case, such as its certificate. Records nothing: the caller records what it shows.
     */
    boolean visibleTo(String reference, CurrentUser viewer);

    /** The case as the viewer may see it; 404 problem when they may not. Viewing another's case is recorded. */
    CaseView view(String reference, CurrentUser viewer);

    /**
     * The case as the platform sees it, for a module acting on the case's events (no person sees it, so nothing is
     * recorded); empty when there is no such case.
     */
    java.util.Optional<CaseView> find(String reference);

    /**
     * @param type     the case type code, e.g. {@code licensing}
     * @param title    a short description shown in inboxes
     * @param details  what the case is about (form fields, findings); stored as JSON
     * @param onBehalf true when another module opens the case for the applicant (the type need not allow direct
     *                 creation); the REST API always passes false
     * @param limits   the case's own limits (a service item's), each with its unit and basis; null for the type's
     */
    record OpenCase(String type, String title, Map<String, Object> details, String department, boolean onBehalf,
                    Limits limits) {

        public OpenCase(String type, String title, Map<String, Object> details, String department, boolean onBehalf) {
            this(type, title, details, department, onBehalf, null);
        }
    }

    /**
     * A case's own time limit, overriding its type's (a service item's limits, a 12345 kind's).
     *
     * @param days  how many; at least 1 (an extension's may be 0: none)
     * @param unit  the unit its law writes it in; null: the type's corresponding limit's unit
     * @param basis the article that sets it (a commitment's name when not set by law); null: the type's
     */
    record Limit(int days, PeriodUnit unit, String basis) {
        public Limit {
            if (days < 0) {
                throw new IllegalArgumentException("a limit's days may not be negative");
            }
        }
    }

    /**
     * A case's own limits; any part null takes the type's.
     *
     * @param statutory      the limit the case must be decided within
     * @param statutoryByLaw whether a law sets {@code statutory}; false when no law sets a limit and the statutory
     *                       slot holds the government's published commitment; null: as the type's
     * @param promised       the shorter limit the city promises
     * @param extension      how far the statutory limit may be extended once, in its unit; {@link #NO_EXTENSION}
     *                       when the case's own law allows none
     */
    record Limits(Limit statutory, Boolean statutoryByLaw, Limit promised, Limit extension) {

        /** An extension of no days: the case's law allows none. */
        public static final Limit NO_EXTENSION = new Limit(0, null, null);

        public Limits {
            if (statutory == null || statutory.days() < 1 || (promised != null && promised.days() < 1)) {
                throw new IllegalArgumentException("limits must be positive");
            }
            if (promised != null && promised.days() > statutory.days()
                    && (promised.unit() == statutory.unit() || promised.unit() == PeriodUnit.WORKING_DAYS)) {
                throw new IllegalArgumentException("the promise may not be longer than the law");
            }
        }

        /** Own days, in the type's units and on the type's bases: {@code promised} null for the type's. */
        public Limits(int statutory, Integer promised) {
            this(new Limit(statutory, null, null), null, promised == null ? null : new Limit(promised, null, null),
                    null);
        }
    }
}

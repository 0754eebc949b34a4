package cn.youfu.cases.internal;

import cn.youfu.identity.CurrentUser;
import cn.youfu.identity.Role;

/**
 * Who may see a case: the applicant their own; officers their department's; legal reviewers their department's and
 * any case waiting for a reviewer's action; supervisors and administrators all. Everyone else gets the same answer
 * as for a case that does not exist.
 */
final class Visibility {

    private Visibility() {
    }

    static boolean canSee(CurrentUser viewer, Case aCase) {
        if (viewer.has(Role.SUPERVISOR) || viewer.has(Role.ADMIN) || viewer.has(Role.SYSTEM)) {
            return true;
        }
        if (viewer.username().equals(aCase.applicant().username())) {
            return true;
        }
        boolean staff = viewer.has(Role.OFFICER) || viewer.has(Role.REVIEWER);
        if (staff && viewer.department() != null && viewer.department().equals(aCase.department())) {
            return true;
        }
        return awaitsReview(viewer, aCase);
    }

    /**
     * Who may act on a case they can see: the platform; supervisors and administrators (their type's transitions
     * still name their role); the applicant on their own case as the applicant; staff only on their own department's
     * cases — being the applicant of record of a case they opened gives staff no more — and legal reviewers on a case
     * waiting for a reviewer's action.
     */
    static boolean mayAct(CurrentUser actor, Case aCase) {
        if (actor.has(Role.SYSTEM) || actor.has(Role.SUPERVISOR) || actor.has(Role.ADMIN)) {
            return true;
        }
        boolean staff = actor.has(Role.OFFICER) || actor.has(Role.REVIEWER);
        if (staff) {
            return actor.department() != null && actor.department().equals(aCase.department())
                    || awaitsReview(actor, aCase);
        }
        return actor.username().equals(aCase.applicant().username());
    }

    private static boolean awaitsReview(CurrentUser viewer, Case aCase) {
        return viewer.has(Role.REVIEWER) && aCase.type().transitionsFrom(aCase.state()).stream()
                .anyMatch(t -> t.by().contains(Role.REVIEWER));
    }
}

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
        return viewer.has(Role.REVIEWER) && aCase.type().transitionsFrom(aCase.state()).stream()
                .anyMatch(t -> t.by().contains(Role.REVIEWER));
    }
}

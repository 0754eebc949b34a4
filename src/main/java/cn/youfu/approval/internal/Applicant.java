package cn.youfu.approval.internal;

import cn.youfu.identity.CurrentUser;
import cn.youfu.identity.Role;
import cn.youfu.platform.CreditCode;
import cn.youfu.platform.ResidentId;

/**
 * Who applies, as the token says: a resident (their ID number from the real-name authentication) or an enterprise
 * (its credit code). The identity comes from the token, never from the request body.
 *
 * @param residentId  the valid resident ID number, or null (not a resident, or the number is not valid)
 * @param creditCode  the valid credit code, or null
 * @param claimedId   the identifier the token carries, valid or not
 */
record Applicant(CurrentUser user, String claimedId, ResidentId residentId, CreditCode creditCode) {

    static Applicant of(CurrentUser user) {
        var claimed = user.subjectId() != null ? user.subjectId() : user.username();
        ResidentId resident = null;
        CreditCode code = null;
        if (user.has(Role.APPLICANT) && ResidentId.isValid(claimed)) {
            resident = ResidentId.of(claimed);
        }
        if (user.has(Role.ENTERPRISE) && CreditCode.isValid(claimed)) {
            code = CreditCode.of(claimed);
        }
        return new Applicant(user, claimed, resident, code);
    }

    String name() {
        return user.displayName();
    }
}

package cn.youfu.cases;

import cn.youfu.identity.CurrentUser;
import cn.youfu.identity.Role;
import java.util.Set;

/** People the case engine's tests act as: a resident of the demo data and an officer of the approval department. */
public final class TestActors {

    public static final CurrentUser RESIDENT = new CurrentUser("applicant", "陈有福", Set.of(Role.APPLICANT), null,
            "350102195803120016");
    public static final CurrentUser OFFICER = new CurrentUser("officer", "林秀英", Set.of(Role.OFFICER), "fz-approval",
            null);

    private TestActors() {
    }
}

package cn.youfu.cases.internal;

import cn.youfu.cases.CaseEvents;
import cn.youfu.identity.CurrentUser;
import cn.youfu.identity.Role;
import java.util.Set;

/** Who takes an action: a signed-in person, or the platform itself. */
record Actor(String username, Set<Role> roles, String department) {

    static final Actor SYSTEM = new Actor(CaseEvents.SYSTEM, Set.of(), null);

    static Actor of(CurrentUser user) {
        return new Actor(user.username(), user.roles(), user.department());
    }

    boolean hasAny(Set<Role> wanted) {
        return roles.stream().anyMatch(wanted::contains);
    }
}

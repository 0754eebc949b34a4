package cn.youfu.identity.internal;

import cn.youfu.identity.Role;
import java.util.Set;

/** A password account (demo accounts in demo mode). */
record Account(String username, String passwordHash, String displayName, Set<Role> roles, String department,
               String subjectId) {
}

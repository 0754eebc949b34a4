package cn.youfu.identity.internal;

import cn.youfu.identity.Role;
import java.util.Set;
import org.springframework.context.ApplicationContext;

/**
 * Tokens for people the demo accounts do not cover — as the province's identity platform would issue them for
 * someone the population registry does not know, or under a different name.
 */
public final class TestTokens {

    private TestTokens() {
    }

    public static String bearer(ApplicationContext context, String username, String name, Role role, String subject) {
        return bearer(context, username, name, role, subject, null);
    }

    /** A token of a staff member of {@code department}. */
    public static String bearer(ApplicationContext context, String username, String name, Role role, String subject,
                                String department) {
        var account = new Account(username, "-", name, Set.of(role), department, subject);
        return "Bearer " + context.getBean(DemoIssuer.class).issue(account).value();
    }
}

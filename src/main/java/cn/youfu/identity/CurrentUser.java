package cn.youfu.identity;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.core.Authentication;

/**
 * The signed-in caller, read from the verified token (API) or the signed-in session (web pages).
 *
 * @param username    the token's subject: an account name, or for a resident their ID number
 * @param displayName the name to show; may equal the username
 * @param roles       the caller's roles Youfu knows (never empty for a signed-in caller)
 * @param department  the department an officer, reviewer or supervisor belongs to; {@code null} for others
 * @param subjectId   the resident ID number or unified social credit code the caller acts as; {@code null} if none
 */
public record CurrentUser(String username, String displayName, Set<Role> roles, String department,
                          String subjectId) implements java.io.Serializable {

    public CurrentUser {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /** The platform itself, acting by its rules. */
    public static final CurrentUser SYSTEM = new CurrentUser("system", "有福平台", Set.of(Role.SYSTEM), null, null);

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /**
     * An authentication or a principal that stands for a {@link CurrentUser}: a verified bearer token, read by the
     * claims contract (docs/production.md); the pages' OpenID Connect sign-in, which keeps the identity platform's
     * user (its tokens and claims) as the principal and the caller it was mapped to beside it.
     */
    public interface Carrier {
        CurrentUser currentUser();
    }

    /**
     * The caller behind a Spring Security authentication made from a bearer token or a web sign-in (the demo's form
     * or the identity platform's OpenID Connect sign-in).
     *
     * @throws IllegalArgumentException when the authentication is neither a verified token nor a signed-in session
     */
    public static CurrentUser of(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new IllegalArgumentException("nobody is signed in: " + authentication);
        }
        if (authentication instanceof Carrier token) {
            return token.currentUser();
        }
        if (authentication.getPrincipal() instanceof CurrentUser signedIn) {
            return signedIn;
        }
        if (authentication.getPrincipal() instanceof Carrier carrier) {
            return carrier.currentUser();
        }
        throw new IllegalArgumentException("not a bearer-token authentication nor a session: " + authentication);
    }
}

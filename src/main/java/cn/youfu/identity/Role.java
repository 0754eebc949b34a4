package cn.youfu.identity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The roles Youfu knows. In tokens a role is its lower-case {@link #claim()}; in Spring Security it is the
 * authority {@code ROLE_<NAME>}, so that {@code @PreAuthorize("hasRole('OFFICER')")} reads naturally.
 */
public enum Role {
    /** A resident who applies, complains or asks, for themselves. */
    APPLICANT("applicant"),
    /** An enterprise acting through its authorised person. */
    ENTERPRISE("enterprise"),
    /** A department's officer who handles what the machine could not decide. */
    OFFICER("officer"),
    /** A legal reviewer (法制审核), the city's own or a retained lawyer. */
    REVIEWER("reviewer"),
    /** A supervisor (督办) who watches clocks and rates. */
    SUPERVISOR("supervisor"),
    /** An administrator of the platform. */
    ADMIN("admin"),
    /**
     * The platform itself, deciding by its rules (秒批) and running timers. No token can carry it: {@link #fromClaim}
     * never returns it.
     */
    SYSTEM("system");

    private final String claim;

    Role(String claim) {
        this.claim = claim;
    }

    public String claim() {
        return claim;
    }

    public String authority() {
        return "ROLE_" + name();
    }

    /** The role a token's claim value names, ignoring case; empty for names Youfu does not know and for system. */
    public static Optional<Role> fromClaim(String value) {
        return named(value).filter(role -> role != SYSTEM);
    }

    /** The role a definition file names (system included), ignoring case; empty for unknown names. */
    public static Optional<Role> named(String value) {
        if (value == null) {
            return Optional.empty();
        }
        var wanted = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.claim.equals(wanted)).findFirst();
    }
}

package cn.youfu.identity.internal;

import cn.youfu.identity.CurrentUser;
import cn.youfu.identity.Role;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The names of staff who signed in to the pages through the identity platform (production): the platform's subject
 * id is what cases record, the name is what people read. Residents and enterprises are not kept.
 */
@Repository
class StaffNames {

    private static final Set<Role> STAFF = Set.of(Role.OFFICER, Role.REVIEWER, Role.SUPERVISOR, Role.ADMIN);

    private final JdbcClient jdbc;
    private final Clock clock;

    StaffNames(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Keeps (or updates) the name of a member of staff who signed in; does nothing for anyone else. */
    void signedIn(CurrentUser user) {
        if (user.roles().stream().noneMatch(STAFF::contains)) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO identity.staff_name (username, display_name, seen_at) VALUES (?, ?, ?)
                        ON CONFLICT (username) DO UPDATE SET display_name = EXCLUDED.display_name,
                                                             seen_at = EXCLUDED.seen_at""")
                .params(user.username(), user.displayName(), java.sql.Timestamp.from(clock.instant())).update();
    }

    Optional<String> find(String username) {
        return jdbc.sql("SELECT display_name FROM identity.staff_name WHERE username = ?").param(username)
                .query(String.class).optional();
    }
}

package cn.youfu.identity.internal;

import cn.youfu.identity.Role;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Accounts {

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Account> find(String username) {
        return jdbc.sql("""
                        SELECT username, password_hash, display_name, roles, department, subject_id
                        FROM identity.account WHERE username = ?""")
                .param(username).query(Accounts::map).optional();
    }

    List<Account> all() {
        return jdbc.sql("""
                        SELECT username, password_hash, display_name, roles, department, subject_id
                        FROM identity.account ORDER BY username""")
                .query(Accounts::map).list();
    }

    boolean exists(String username) {
        return jdbc.sql("SELECT count(*) FROM identity.account WHERE username = ?").param(username)
                .query(Long.class).single() > 0;
    }

    /** Adds the account unless one of that name exists (safe when two instances start at once). */
    void addIfAbsent(Account account) {
        jdbc.sql("""
                        INSERT INTO identity.account (username, password_hash, display_name, roles, department, subject_id)
                        VALUES (:username, :hash, :name, string_to_array(:roles, ','), :department, :subject)
                        ON CONFLICT (username) DO NOTHING""")
                .param("username", account.username())
                .param("hash", account.passwordHash())
                .param("name", account.displayName())
                .param("roles", String.join(",", account.roles().stream().map(Role::claim).toList()))
                .param("department", account.department())
                .param("subject", account.subjectId())
                .update();
    }

    private static Account map(ResultSet rs, int row) throws SQLException {
        Array array = rs.getArray("roles");
        var roles = EnumSet.noneOf(Role.class);
        Arrays.stream((String[]) array.getArray()).map(Role::fromClaim).flatMap(Optional::stream).forEach(roles::add);
        return new Account(rs.getString("username"), rs.getString("password_hash"), rs.getString("display_name"),
                roles, rs.getString("department"), rs.getString("subject_id"));
    }
}

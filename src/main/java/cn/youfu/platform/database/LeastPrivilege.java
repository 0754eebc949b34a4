package cn.youfu.platform.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After every migration, grants the application's role what it needs and no more: it may use the schemas the owner
 * made, read and write their tables and sequences, but only read and append to the append-only tables (every table
 * with a trigger named {@code *_append_only}: the ledger, its checkpoints and keys, the document library, …) and
 * not touch Flyway's history. It owns nothing, so it cannot alter a table, disable a trigger or drop anything: a
 * compromised application can add false entries to the ledger but cannot rewrite or remove true ones.
 *
 * <p>Nothing is done when the application connects as the owner itself (an external database configured with one
 * role): the README's production set-up says to configure two.
 */
final class LeastPrivilege implements Callback {

    private static final Logger log = LoggerFactory.getLogger(LeastPrivilege.class);

    private final String applicationRole;

    LeastPrivilege(String applicationRole) {
        this.applicationRole = applicationRole;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        try {
            grant(context.getConnection());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot grant the application role " + applicationRole
                    + " its privileges: " + e.getMessage(), e);
        }
    }

    private void grant(Connection owner) throws SQLException {
        if (applicationRole == null || applicationRole.isBlank() || applicationRole.equals(currentUser(owner))) {
            log.warn("The application connects as the schema's owner: it could alter the ledger's tables. "
                    + "Configure a separate owner role (YOUFU_DB_OWNER_USER) for the migrations.");
            return;
        }
        var role = quoted(owner, applicationRole);
        var statements = new ArrayList<String>();
        for (var schema : list(owner, """
                SELECT quote_ident(nspname) FROM pg_namespace
                WHERE (nspowner = (SELECT oid FROM pg_roles WHERE rolname = current_user) OR nspname = 'public')
                  AND nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'""")) {
            statements.add("GRANT USAGE ON SCHEMA " + schema + " TO " + role);
            statements.add("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + schema + " TO " + role);
            statements.add("GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA " + schema + " TO " + role);
            statements.add("GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA " + schema + " TO " + role);
        }
        for (var table : list(owner, """
                SELECT DISTINCT quote_ident(event_object_schema) || '.' || quote_ident(event_object_table)
                FROM information_schema.triggers WHERE trigger_name LIKE '%\\_append\\_only'""")) {
            statements.add("REVOKE UPDATE, DELETE, TRUNCATE ON " + table + " FROM " + role);
        }
        for (var table : list(owner, "SELECT quote_ident(schemaname) || '.' || quote_ident(tablename) FROM pg_tables "
                + "WHERE tablename = 'flyway_schema_history'")) {
            statements.add("REVOKE ALL ON " + table + " FROM " + role);
        }
        try (var statement = owner.createStatement()) {
            for (var sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static String currentUser(Connection connection) throws SQLException {
        return list(connection, "SELECT current_user").get(0);
    }

    private static String quoted(Connection connection, String identifier) throws SQLException {
        try (var query = connection.prepareStatement("SELECT quote_ident(?)")) {
            query.setString(1, identifier);
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    private static List<String> list(Connection connection, String sql) throws SQLException {
        var values = new ArrayList<String>();
        try (var query = connection.prepareStatement(sql); var rows = query.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    @Override
    public String getCallbackName() {
        return "least-privilege";
    }
}

package cn.youfu;

import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Changes an append-only table as its owner could (its {@code <table>_append_only} trigger off for the moment of
 * the change), committed: for tests that show that such a change is detected. The application's own role can do
 * none of this.
 */
public final class AsOwner {

    private AsOwner() {
    }

    /** Runs {@code sql} with {@code parameters} on {@code table} (schema-qualified), as its owner, and commits. */
    public static void change(DataSource owner, String table, String sql, Object... parameters) {
        var trigger = table.substring(table.indexOf('.') + 1) + "_append_only";
        try (var connection = owner.getConnection()) {
            connection.setAutoCommit(false);
            try (var off = connection.createStatement()) {
                off.execute("ALTER TABLE " + table + " DISABLE TRIGGER " + trigger);
            }
            try (var statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                statement.executeUpdate();
            }
            try (var on = connection.createStatement()) {
                on.execute("ALTER TABLE " + table + " ENABLE TRIGGER " + trigger);
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("the owner's change failed: " + sql, e);
        }
    }
}

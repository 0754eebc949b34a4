package cn.youfu.dispatch.internal;

import java.sql.SQLException;
import java.util.ArrayList;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Flyway migration (a Java one, as PostgreSQL has no SM4): encrypts the reporters' contact details stored in plain
 * text before, then makes the database refuse any contact value that is not SM4-encrypted, and stores a check value
 * by which {@link ContactKeyCheck} recognises the key at each start. Runs once, in Flyway's transaction.
 */
@Component
class V20261203_1000__EncryptReporterContacts extends BaseJavaMigration {

    static final String[] COLUMNS = {"contact_name", "contact_phone", "contact_email"};

    private final ContactCipher cipher;

    V20261203_1000__EncryptReporterContacts(ContactCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        var connection = context.getConnection();
        record Row(String reference, String[] values) {
        }
        var rows = new ArrayList<Row>();
        try (var select = connection.prepareStatement("""
                SELECT reference, contact_name, contact_phone, contact_email FROM dispatch.event
                WHERE contact_name IS NOT NULL OR contact_phone IS NOT NULL OR contact_email IS NOT NULL""");
             var rs = select.executeQuery()) {
            while (rs.next()) {
                rows.add(new Row(rs.getString(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)}));
            }
        }
        try (var update = connection.prepareStatement("""
                UPDATE dispatch.event SET contact_name = ?, contact_phone = ?, contact_email = ?
                WHERE reference = ?""")) {
            for (var row : rows) {
                for (int c = 0; c < COLUMNS.length; c++) {
                    var value = row.values()[c];
                    update.setString(c + 1, value == null || value.startsWith(ContactCipher.PREFIX) ? value
                            : cipher.encrypt(COLUMNS[c], value));
                }
                update.setString(4, row.reference());
                update.addBatch();
            }
            update.executeBatch();
        }
        try (var ddl = connection.createStatement()) {
            for (var column : COLUMNS) {
                ddl.execute("ALTER TABLE dispatch.event ADD CONSTRAINT event_" + column + "_encrypted CHECK ("
                        + column + " IS NULL OR " + column + " LIKE '" + ContactCipher.PREFIX + "%')");
            }
            ddl.execute("""
                    COMMENT ON COLUMN dispatch.event.contact_name IS 'SM4/GCM, see ContactCipher';
                    COMMENT ON COLUMN dispatch.event.contact_phone IS 'SM4/GCM, see ContactCipher';
                    COMMENT ON COLUMN dispatch.event.contact_email IS 'SM4/GCM, see ContactCipher';
                    CREATE TABLE dispatch.contact_key_check (
                        id    int PRIMARY KEY CHECK (id = 1),
                        value text NOT NULL
                    )""");
        }
        try (var insert = connection.prepareStatement(
                "INSERT INTO dispatch.contact_key_check (id, value) VALUES (1, ?)")) {
            insert.setString(1, cipher.encrypt(ContactKeyCheck.COLUMN, ContactKeyCheck.VALUE));
            insert.executeUpdate();
        }
    }
}

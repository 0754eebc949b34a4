package cn.youfu.sources.internal;

import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/** Bulk loading with PostgreSQL's COPY (text format) on the caller's connection and transaction. */
final class Copy {

    private Copy() {
    }

    /** Copies {@code rows} (values in {@code columns} order; null for NULL) into {@code table}; returns the count. */
    static long into(Connection connection, String table, List<String> columns, Iterable<Object[]> rows)
            throws SQLException {
        var text = new StringBuilder(1 << 16);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                append(text, row[i]);
            }
            text.append('\n');
        }
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        try {
            return copy.copyIn("COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN",
                    new StringReader(text.toString()));
        } catch (java.io.IOException e) {
            throw new SQLException("COPY into " + table + " failed", e);
        }
    }

    private static void append(StringBuilder text, Object value) {
        if (value == null) {
            text.append("\\N");
            return;
        }
        String s = value instanceof BigDecimal d ? d.toPlainString() : value.toString();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }
}

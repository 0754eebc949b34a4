package cn.youfu.platform.database;

import java.nio.file.Path;

/** Gives tests outside this package a PostgreSQL server to use as an "external" database. */
public final class TestDatabases {

    private TestDatabases() {
    }

    /** A running server the test owns; close it when done. */
    public interface Server extends AutoCloseable {
        String jdbcUrl();

        @Override
        void close() throws Exception;
    }

    public static Server startExternal(Path dir) {
        var db = EmbeddedDatabase.start(dir.resolve("external"), true);
        return new Server() {
            @Override
            public String jdbcUrl() {
                return "jdbc:postgresql://localhost:" + db.port() + "/" + EmbeddedDatabase.DATABASE;
            }

            @Override
            public void close() throws Exception {
                db.close();
            }
        };
    }

    public static Class<?> embeddedType() {
        return EmbeddedDatabase.class;
    }
}

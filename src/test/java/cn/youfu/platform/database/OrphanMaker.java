package cn.youfu.platform.database;

import java.nio.file.Path;

/** Run in a child JVM by {@link EmbeddedDatabaseTest}: starts the embedded server, says so, and waits to be killed. */
public final class OrphanMaker {

    static final String READY = "ORPHAN-MAKER-READY";

    private OrphanMaker() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedDatabase.start(Path.of(args[0]), false);
        System.out.println(READY);
        System.out.flush();
        Thread.sleep(120_000);
    }
}

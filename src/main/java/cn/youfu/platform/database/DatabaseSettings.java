package cn.youfu.platform.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the data lives.
 *
 * @param url       {@code YOUFU_DB_URL}: a JDBC URL of an external PostgreSQL; blank means "start the embedded one"
 * @param user      {@code YOUFU_DB_USER}: the role the application connects as; it should own nothing
 * @param password  {@code YOUFU_DB_PASSWORD}
 * @param ownerUser {@code YOUFU_DB_OWNER_USER}: the role that owns the schema and runs the migrations; blank means
 *                  the application's role does (it then owns the tables and could alter the ledger's)
 * @param ownerPassword {@code YOUFU_DB_OWNER_PASSWORD}
 * @param poolSize  connections in the pool
 * @param ephemeral embedded only: a throw-away server in a temporary directory, deleted on close (tests)
 */
@ConfigurationProperties("youfu.db")
record DatabaseSettings(String url, String user, String password, String ownerUser, String ownerPassword,
                        @DefaultValue("20") int poolSize, @DefaultValue("false") boolean ephemeral) {

    boolean separateOwner() {
        return ownerUser != null && !ownerUser.isBlank() && !ownerUser.equals(user);
    }
}

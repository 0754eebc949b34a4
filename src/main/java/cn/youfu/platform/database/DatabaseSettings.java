package cn.youfu.platform.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the data lives.
 *
 * @param url       {@code YOUFU_DB_URL}: a JDBC URL of an external PostgreSQL; blank means "start the embedded one"
 * @param user      {@code YOUFU_DB_USER}
 * @param password  {@code YOUFU_DB_PASSWORD}
 * @param poolSize  connections in the pool
 * @param ephemeral embedded only: a throw-away server in a temporary directory, deleted on close (tests)
 */
@ConfigurationProperties("youfu.db")
record DatabaseSettings(String url, String user, String password, @DefaultValue("20") int poolSize,
                        @DefaultValue("false") boolean ephemeral) {
}

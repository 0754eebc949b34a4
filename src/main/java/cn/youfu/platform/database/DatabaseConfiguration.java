package cn.youfu.platform.database;

import cn.youfu.platform.YoufuSettings;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * One connection pool, to the external PostgreSQL named by {@code YOUFU_DB_URL} or else to the embedded server.
 * Nothing else is kept in process memory that a second instance on the same database would need.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseSettings.class)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    @Conditional(Embedded.class)
    EmbeddedDatabase embeddedDatabase(YoufuSettings youfu, DatabaseSettings db) {
        return EmbeddedDatabase.start(youfu.dataDir(), db.ephemeral());
    }

    @Bean(destroyMethod = "close")
    @Conditional(Embedded.class)
    HikariDataSource embeddedDataSource(EmbeddedDatabase embedded, DatabaseSettings db) {
        return pool(embedded.jdbcUrl(), EmbeddedDatabase.USER, null, db.poolSize());
    }

    @Bean(destroyMethod = "close")
    @Conditional(External.class)
    HikariDataSource externalDataSource(DatabaseSettings db) {
        return pool(db.url(), db.user(), db.password(), db.poolSize());
    }

    private static HikariDataSource pool(String url, String user, String password, int size) {
        var config = new HikariConfig();
        config.setPoolName("youfu");
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(size);
        // pgjdbc sends a batch of inserts as multi-row INSERTs instead of one execution per row: the ledger's
        // entries and the messages of a decision are one statement each, so PostgreSQL starts its executor once.
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new HikariDataSource(config);
    }

    static final class External implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            var url = context.getEnvironment().getProperty("youfu.db.url");
            return url != null && !url.isBlank();
        }
    }

    static final class Embedded implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !new External().matches(context, metadata);
        }
    }
}

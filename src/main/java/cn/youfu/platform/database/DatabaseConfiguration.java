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
import org.springframework.context.annotation.Primary;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * One connection pool, to the external PostgreSQL named by {@code YOUFU_DB_URL} or else to the embedded server, as
 * the application's role; and the migrations' connections, as the schema's owner, opened only while Flyway runs.
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
    @Primary
    @Conditional(Embedded.class)
    HikariDataSource embeddedDataSource(EmbeddedDatabase embedded, DatabaseSettings db) {
        var url = embedded.jdbcUrl(EmbeddedDatabase.APPLICATION_ROLE);
        return pool(url, EmbeddedDatabase.APPLICATION_ROLE, null, db.poolSize());
    }

    @Bean(destroyMethod = "close")
    @Primary
    @Conditional(External.class)
    HikariDataSource externalDataSource(DatabaseSettings db) {
        return pool(db.url(), db.user(), db.password(), db.poolSize());
    }

    /** The schema owner's connections, for Flyway: a connection is opened per use and closed after it. */
    @Bean
    @FlywayDataSource
    @Conditional(Embedded.class)
    SimpleDriverDataSource embeddedMigrationDataSource(EmbeddedDatabase embedded) {
        return new SimpleDriverDataSource(new org.postgresql.Driver(), embedded.jdbcUrl(EmbeddedDatabase.USER));
    }

    @Bean
    @FlywayDataSource
    @Conditional(External.class)
    SimpleDriverDataSource externalMigrationDataSource(DatabaseSettings db) {
        return db.separateOwner()
                ? new SimpleDriverDataSource(new org.postgresql.Driver(), db.url(), db.ownerUser(), db.ownerPassword())
                : new SimpleDriverDataSource(new org.postgresql.Driver(), db.url(), db.user(), db.password());
    }

    /** The role the application connects as, to which the migrations grant what it needs ({@link LeastPrivilege}). */
    @Bean
    LeastPrivilege leastPrivilege(DatabaseSettings db) {
        boolean embedded = db.url() == null || db.url().isBlank();
        return new LeastPrivilege(embedded ? EmbeddedDatabase.APPLICATION_ROLE : db.user());
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

package cn.youfu.sources.internal;

import cn.youfu.platform.DemoOnly;
import cn.youfu.platform.DivisionCodes;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode: on the first start (population empty, no marker row) generates the synthetic city and loads it with
 * COPY, before the server takes requests. One transaction under a PostgreSQL advisory lock, with the marker row
 * written in it, so that instances starting together load it once: the second waits, then finds the marker.
 */
@Component
@DemoOnly
class SyntheticCityLoader implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SyntheticCityLoader.class);
    /** The advisory lock key: "youfu.sources.city" as a number (any constant unique in the application). */
    private static final long LOCK = 0x796f75667563L;

    private final JdbcClient jdbc;
    private final javax.sql.DataSource dataSource;
    private final TransactionTemplate transaction;
    private final DivisionCodes divisions;
    private final SourcesSettings.SyntheticCity settings;
    private final Clock clock;
    private final Environment environment;

    SyntheticCityLoader(JdbcClient jdbc, javax.sql.DataSource dataSource, PlatformTransactionManager transactions,
                        DivisionCodes divisions, SourcesSettings settings, Clock clock, Environment environment) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transaction = new TransactionTemplate(transactions);
        this.divisions = divisions;
        this.settings = settings.syntheticCity();
        this.clock = clock;
        this.environment = environment;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!settings.enabled() || !environment.getProperty("youfu.command", "").isBlank()) {
            return;
        }
        transaction.executeWithoutResult(status -> load());
    }

    private void load() {
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(LOCK).query().listOfRows();
        boolean loaded = jdbc.sql("SELECT EXISTS (SELECT 1 FROM sources.synthetic_city) "
                + "OR EXISTS (SELECT 1 FROM sources.population)").query(Boolean.class).single();
        if (loaded) {
            return;
        }
        long start = System.nanoTime();
        var city = SyntheticCity.generate(settings.seed(), settings.residents(), settings.enterprises(), divisions);
        long generated = System.nanoTime();
        long rows = 0;
        try {
            var connection = DataSourceUtils.getConnection(dataSource);
            for (var source : city.entrySet()) {
                rows += Copy.into(connection, source.getKey().qualifiedTable(), source.getKey().columnNames(),
                        source.getValue());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("loading the synthetic city failed", e);
        }
        jdbc.sql("ANALYZE sources.population").update();
        long millis = (System.nanoTime() - start) / 1_000_000;
        int residents = city.get(SourceCatalog.POPULATION).size();
        jdbc.sql("INSERT INTO sources.synthetic_city (seed, residents, loaded_at, millis) VALUES (?, ?, ?, ?)")
                .params(settings.seed(), residents, Instant.now(clock).atOffset(ZoneOffset.UTC), (int) millis)
                .update();
        log.info("Synthetic city (seed {}): {} residents, {} rows in all, generated in {} ms, loaded in {} ms",
                settings.seed(), residents, rows, (generated - start) / 1_000_000,
                (System.nanoTime() - generated) / 1_000_000);
    }
}

package cn.youfu.sources.internal;

import cn.youfu.platform.DivisionCodes;
import cn.youfu.platform.Sm3;
import cn.youfu.sources.SourceEvents;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a validated CSV upload to an embedded source in one transaction: COPY into a temporary table, then one
 * upsert by the source's key, then the ledger record. Any failure rolls all of it back.
 */
@Component
class RecordsUpload {

    /** What an upload did. */
    record Result(String source, int inserted, int updated) {
    }

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final DivisionCodes divisions;
    private final SourcesSettings settings;
    private final Clock clock;

    RecordsUpload(DataSource dataSource, JdbcClient jdbc, PlatformTransactionManager transactions,
                  ApplicationEventPublisher events, DivisionCodes divisions, SourcesSettings settings, Clock clock) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.events = events;
        this.divisions = divisions;
        this.settings = settings;
        this.clock = clock;
    }

    Result upload(SourceDefinition<?> source, byte[] body, String actor) {
        List<Object[]> rows = CsvRecords.read(source, body, divisions, settings.upload());
        String hash = Sm3.hex(body);
        return transaction.execute(status -> {
            var result = apply(source, rows);
            events.publishEvent(new SourceEvents.RecordsUploaded(source.name(), actor, Instant.now(clock),
                    result.inserted(), result.updated(), hash));
            return result;
        });
    }

    private Result apply(SourceDefinition<?> source, List<Object[]> rows) {
        var columns = String.join(", ", source.columnNames());
        var staging = "upload_" + source.table();
        jdbc.sql("CREATE TEMP TABLE " + staging + " ON COMMIT DROP AS SELECT " + columns + " FROM "
                + source.qualifiedTable() + " WITH NO DATA").update();
        try {
            Copy.into(DataSourceUtils.getConnection(dataSource), staging, source.columnNames(), rows);
        } catch (SQLException e) {
            throw new IllegalStateException("COPY of an upload to " + source.name() + " failed", e);
        }
        var updates = source.columnNames().stream().filter(c -> !source.key().contains(c))
                .map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", "));
        // A source whose every column is its key (a list of records): a row already held is left as it is.
        var onConflict = updates.isEmpty() ? "DO NOTHING" : "DO UPDATE SET " + updates;
        var result = jdbc.sql("WITH up AS (INSERT INTO " + source.qualifiedTable() + " (" + columns + ") SELECT "
                        + columns + " FROM " + staging + " ON CONFLICT (" + String.join(", ", source.key()) + ") "
                        + onConflict + " RETURNING (xmax = 0) AS inserted) "
                        + "SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM up")
                .query((rs, n) -> new Result(source.name(), rs.getInt(1), rs.getInt(2))).single();
        return updates.isEmpty() ? new Result(source.name(), result.inserted(), rows.size() - result.inserted())
                : result;
    }
}

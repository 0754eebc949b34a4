package cn.youfu.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.youfu.YoufuIntegrationTest;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The statement that locks streams and reads their tips runs at every decision, so PostgreSQL must plan it once and
 * reuse the plan, not plan each execution afresh (0.11–0.13 ms of the server's CPU per decision when it did).
 */
@YoufuIntegrationTest
class LedgerTipsPlanTest {

    @Autowired
    DataSource dataSource;

    @Test
    void theTipsArePlannedOnceForAllExecutions() throws SQLException {
        try (var connection = dataSource.getConnection()) {
            for (int i = 0; i < 12; i++) {
                connection.setAutoCommit(false);
                try (var statement = connection.prepareStatement(LedgerAppender.lockAndReadTips(2))) {
                    for (int parameter = 1; parameter <= 4; parameter++) {
                        statement.setString(parameter, "tips-plan-" + (parameter % 2));
                    }
                    statement.execute(); // the appends' lock
                    assertThat(statement.getMoreResults()).as("the streams' locks").isTrue();
                    assertThat(statement.getMoreResults()).as("the tips follow the locks").isTrue();
                }
                connection.rollback();
            }
            connection.setAutoCommit(true);
            // PostgreSQL plans a prepared statement's first five executions for their parameters, then keeps one
            // plan for all unless it estimates that plan dearer than planning each time. The pooled connection may
            // hold the tips statements for other numbers of streams too, prepared by the appends of earlier tests:
            // only the one for two streams ($1, $2) is this test's.
            try (var plans = connection.prepareStatement("""
                    SELECT generic_plans, custom_plans FROM pg_prepared_statements
                    WHERE statement LIKE '%unnest(ARRAY[$1::text, $2::text]) AS t(stream)%CROSS JOIN LATERAL%'""");
                 var row = plans.executeQuery()) {
                assertThat(row.next()).as("the tips statement is prepared on the server").isTrue();
                assertThat(row.getLong("custom_plans")).isLessThanOrEqualTo(5);
                assertThat(row.getLong("generic_plans")).isGreaterThan(0);
            }
        }
    }
}

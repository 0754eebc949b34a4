package cn.youfu.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import cn.youfu.YoufuIntegrationTest;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The pool's connections send a batch of inserts as multi-row statements (the ledger's entries, the messages). */
@YoufuIntegrationTest
class BatchedInsertsTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    @FlywayDataSource
    DataSource ownerDataSource;

    /** Made by the owner, as a migration would, for the application's role to write. */
    @BeforeEach
    void table() {
        var owner = new JdbcTemplate(ownerDataSource);
        owner.execute("DROP TABLE IF EXISTS public.batched_inserts_test");
        owner.execute("CREATE TABLE public.batched_inserts_test (n int PRIMARY KEY, s text NOT NULL)");
        owner.execute("GRANT SELECT, INSERT ON public.batched_inserts_test TO " + EmbeddedDatabase.APPLICATION_ROLE);
    }

    @Test
    void aBatchOfInsertsIsOneMultiRowStatement() {
        var counts = jdbc.batchUpdate("INSERT INTO public.batched_inserts_test (n, s) VALUES (?, ?)",
                List.of(new Object[] {1, "a"}, new Object[] {2, "b"}, new Object[] {3, "c"}, new Object[] {4, "d"}));

        // pgjdbc counts 1 for a row it executed alone, and "no information" for rows it sent in one statement
        // (it groups them in powers of two: four rows are one statement, three would be two and one).
        assertThat(counts).hasSize(4).containsOnly(Statement.SUCCESS_NO_INFO);
        assertThat(jdbc.queryForList("SELECT s FROM public.batched_inserts_test ORDER BY n", String.class))
                .containsExactly("a", "b", "c", "d");
    }

    @Test
    void rowsThatConflictAreSkippedAndTheOthersWritten() {
        jdbc.update("INSERT INTO public.batched_inserts_test (n, s) VALUES (2, 'kept')");

        jdbc.batchUpdate("INSERT INTO public.batched_inserts_test (n, s) VALUES (?, ?) ON CONFLICT (n) DO NOTHING",
                List.of(new Object[] {1, "a"}, new Object[] {2, "b"}, new Object[] {1, "again"},
                        new Object[] {3, "c"}));

        assertThat(jdbc.queryForList("SELECT n || s FROM public.batched_inserts_test ORDER BY n", String.class))
                .containsExactly("1a", "2kept", "3c");
    }
}

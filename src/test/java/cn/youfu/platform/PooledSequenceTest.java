package cn.youfu.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.youfu.YoufuIntegrationTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import javax.sql.DataSource;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

@YoufuIntegrationTest
class PooledSequenceTest {

    @Autowired
    JdbcClient jdbc;
    /** Sequences are made by the schema's owner, as migrations make them, and used by the application. */
    @Autowired
    @FlywayDataSource
    DataSource ownerDataSource;

    private void createSequence(String name, int increment) {
        var owner = JdbcClient.create(ownerDataSource);
        owner.sql("DROP SEQUENCE IF EXISTS " + name).update();
        owner.sql("CREATE SEQUENCE " + name + " INCREMENT BY " + increment).update();
        owner.sql("GRANT USAGE, SELECT, UPDATE ON SEQUENCE " + name + " TO youfu_app").update();
    }

    @Test
    void twoInstancesHandOutDisjointNumbersWithOneRoundTripPerBlock() throws Exception {
        createSequence("public.pooled_test_seq", 10);
        var first = new PooledSequence(jdbc, "public.pooled_test_seq");
        var second = new PooledSequence(jdbc, "public.pooled_test_seq");
        var pool = Executors.newFixedThreadPool(4);
        var tasks = new ArrayList<Callable<List<Long>>>();
        for (var sequence : List.of(first, second, first, second)) {
            tasks.add(() -> {
                var got = new ArrayList<Long>();
                for (int i = 0; i < 25; i++) {
                    got.add(sequence.next());
                }
                return got;
            });
        }
        var all = new HashSet<Long>();
        for (var result : pool.invokeAll(tasks)) {
            all.addAll(result.get());
        }
        pool.shutdown();
        assertThat(all).as("100 numbers, none twice").hasSize(100);
        long calls = jdbc.sql("SELECT last_value FROM public.pooled_test_seq").query(Long.class).single();
        assertThat((calls - 1) / 10 + 1).as("blocks taken from the sequence: 50 numbers each instance, 10 a block")
                .isEqualTo(10);
    }

    @Test
    void aSequenceThatCountsDownIsRefused() {
        createSequence("public.pooled_down_seq", -1);
        assertThatThrownBy(() -> new PooledSequence(jdbc, "public.pooled_down_seq").next())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("upwards");
    }
}

package cn.youfu.cases;

import static org.assertj.core.api.Assertions.assertThat;

import cn.youfu.OverlappingStarts;
import cn.youfu.identity.CurrentUser;
import cn.youfu.identity.Role;
import cn.youfu.platform.database.TestDatabases;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Two application instances on one database: every timer fires once, whichever instance runs it. */
class TwoInstancesTimersIntegrationTest {

    static final CurrentUser RESIDENT = new CurrentUser("applicant", "陈有福", Set.of(Role.APPLICANT), null,
            "350102195803120016");

    @TempDir
    Path dir;

    static String[] arguments(String url, Path dataDir) {
        return Stream.of("server.port=0", "youfu.db.url=" + url, "youfu.db.user=postgres",
                        "youfu.data-dir=" + dataDir, "youfu.cases.sweep-interval=1s", "db-scheduler.polling-interval=1s",
                        "db-scheduler.heartbeat-interval=2s")
                .map(p -> "--" + p).toArray(String[]::new);
    }

    @Test
    void eachCaseIsEscalatedAndMarkedOverdueExactlyOnce() throws Exception {
        try (var server = TestDatabases.startExternal(dir)) {
            var both = OverlappingStarts.start(arguments(server.jdbcUrl(), dir.resolve("a")),
                    arguments(server.jdbcUrl(), dir.resolve("b")));
            try (var first = both[0]; var second = both[1]) {
                var engine = first.getBean(CaseEngine.class);
                var jdbc = first.getBean(JdbcClient.class);
                var refs = new ArrayList<String>();
                for (int i = 0; i < 6; i++) {
                    refs.add(engine.open(new CaseEngine.OpenCase("licensing", "申请 " + i, Map.of(), null, false),
                            RESIDENT, RESIDENT).reference());
                }
                // Test setup standing in for the passing of time: both limits ended long ago.
                jdbc.sql("UPDATE cases.case SET promised_deadline = '2026-01-02', statutory_deadline = '2026-01-05' "
                        + "WHERE reference = ANY(?)").param(refs.toArray(String[]::new)).update();

                long deadline = System.currentTimeMillis() + 40_000;
                while (System.currentTimeMillis() < deadline && overdue(jdbc, refs) < refs.size()) {
                    Thread.sleep(250);
                }
                assertThat(overdue(jdbc, refs)).isEqualTo(refs.size());
                Thread.sleep(4_000); // several more sweeps on both instances
                for (var ref : refs) {
                    var alerts = jdbc.sql("""
                                    SELECT action, count(*) FROM audit.entry
                                    WHERE stream = ? AND action LIKE 'case.clock.%' GROUP BY action""")
                            .param(ref).query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list();
                    assertThat(alerts).as(ref).containsExactlyInAnyOrder(Map.entry("case.clock.escalated", 1L),
                            Map.entry("case.clock.overdue", 1L));
                }
                assertThat(second.isActive()).isTrue();
            }
        }
    }

    static long overdue(JdbcClient jdbc, java.util.List<String> refs) {
        return jdbc.sql("SELECT count(*) FROM cases.case WHERE overdue AND reference = ANY(?)")
                .param(refs.toArray(String[]::new)).query(Long.class).single();
    }
}

package cn.youfu.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.youfu.YoufuIntegrationTest;
import cn.youfu.cases.CaseEngine;
import cn.youfu.cases.CaseEngine.OpenCase;
import cn.youfu.identity.CurrentUser;
import cn.youfu.identity.Role;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@YoufuIntegrationTest
class ClockSweepIntegrationTest {

    static final CurrentUser RESIDENT = new CurrentUser("applicant", "陈有福", Set.of(Role.APPLICANT), null,
            "350102195803120016");

    @Autowired
    ClockSweep sweep;
    @Autowired
    CaseEngine engine;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    long ledger(String reference, String action) {
        return jdbc.sql("SELECT count(*) FROM audit.entry WHERE stream = ? AND action = ?")
                .params(reference, action).query(Long.class).single();
    }

    @Test
    void remindsEscalatesAndMarksOverdueOnceEach() {
        var ref = engine.open(new OpenCase("licensing", "延续食品经营许可证", Map.of(), null, false), RESIDENT, RESIDENT)
                .reference();
        var now = clock.instant();
        sweep.sweep(now);
        assertThat(ledger(ref, "case.clock.escalated")).isZero();

        // Sixty days on, the promise and the statutory limit have both passed.
        var later = now.plus(Duration.ofDays(60));
        assertThat(sweep.sweep(later)).isGreaterThanOrEqualTo(1);
        assertThat(ledger(ref, "case.clock.escalated")).isOne();
        assertThat(ledger(ref, "case.clock.overdue")).isOne();
        var flags = jdbc.sql("SELECT escalated AND overdue AND reminded FROM cases.case WHERE reference = ?")
                .param(ref).query(Boolean.class).single();
        assertThat(flags).isTrue();

        sweep.sweep(later);
        sweep.sweep(later.plus(Duration.ofDays(1)));
        assertThat(ledger(ref, "case.clock.escalated")).isOne();
        assertThat(ledger(ref, "case.clock.overdue")).isOne();
    }

    @Test
    void aClosedCaseRaisesNoAlert() {
        var officer = new CurrentUser("officer", "林秀英", Set.of(Role.OFFICER), "fz-approval", null);
        var ref = engine.open(new OpenCase("licensing", "申请", Map.of(), null, false), RESIDENT, RESIDENT)
                .reference();
        engine.take(ref, "approve", null, officer);
        sweep.sweep(clock.instant().plus(Duration.ofDays(90)));
        assertThat(ledger(ref, "case.clock.overdue")).isZero();
    }
}

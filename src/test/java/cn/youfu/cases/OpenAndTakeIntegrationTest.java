package cn.youfu.cases;

import static cn.youfu.cases.TestActors.OFFICER;
import static cn.youfu.cases.TestActors.RESIDENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.youfu.YoufuIntegrationTest;
import cn.youfu.audit.Ledger;
import cn.youfu.audit.LedgerEntry;
import cn.youfu.cases.CaseEngine.OpenCase;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A case decided on arrival: opened and moved in one transaction, written once, recorded as two steps. */
@YoufuIntegrationTest
class OpenAndTakeIntegrationTest {

    @Autowired
    CaseEngine engine;
    @Autowired
    Ledger ledger;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theCaseIsWrittenInItsNewStateAndBothStepsAreRecorded() {
        var view = engine.openAndTake(new OpenCase("licensing", "食品经营许可证延续", Map.of("n", 1), null, false),
                RESIDENT, RESIDENT, "approve", null, OFFICER);
        assertThat(view.state()).isEqualTo("approved");
        assertThat(view.closed()).isTrue();
        assertThat(engine.find(view.reference()).orElseThrow().state()).isEqualTo("approved");
        assertThat(ledger.entries(view.reference())).extracting(LedgerEntry::action)
                .containsExactly("case.opened", "case.transition.approve");
        assertThat(jdbc.sql("SELECT kind FROM notifications.message WHERE reference = ? ORDER BY id")
                .param(view.reference()).query(String.class).list()).containsExactly("case-opened", "case-closed");
    }

    @Test
    void aRefusedActionOpensNothing() {
        long before = jdbc.sql("SELECT count(*) FROM cases.case").query(Long.class).single();
        assertThatThrownBy(() -> engine.openAndTake(new OpenCase("licensing", "食品经营许可证延续", Map.of(), null,
                false), RESIDENT, RESIDENT, "close-hearing", null, OFFICER))
                .hasMessageContaining("transition-not-allowed");
        assertThatThrownBy(() -> engine.openAndTake(new OpenCase("licensing", "食品经营许可证延续", Map.of(), null,
                false), RESIDENT, RESIDENT, "approve", null, RESIDENT))
                .hasMessageContaining("role-may-not");
        assertThat(jdbc.sql("SELECT count(*) FROM cases.case").query(Long.class).single()).isEqualTo(before);
    }
}

package cn.youfu.cases.internal;

import static cn.youfu.cases.TestActors.OFFICER;
import static cn.youfu.cases.TestActors.RESIDENT;
import static org.assertj.core.api.Assertions.assertThat;

import cn.youfu.YoufuIntegrationTest;
import cn.youfu.audit.Ledger;
import cn.youfu.cases.CaseEngine;
import cn.youfu.cases.CaseEngine.OpenCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Transitions asked for at the same moment share one transaction ({@link GroupCommit}); each still succeeds or is
 * refused on its own, and a batch that fails as a whole is run again one by one.
 */
@YoufuIntegrationTest
class GroupCommitIntegrationTest {

    static final int CALLERS = 24;

    @Autowired
    CaseEngine engine;
    @Autowired
    Ledger ledger;
    @Autowired
    JdbcClient jdbc;

    record Outcome(String reference, String action, String state, String failure) {
    }

    /** Each caller takes one action on its own case, all released at once; returns what each got. */
    List<Outcome> takeAtOnce(List<String> references, List<String> actions) throws Exception {
        var barrier = new CyclicBarrier(references.size());
        var pool = Executors.newFixedThreadPool(references.size());
        try {
            var work = new ArrayList<Callable<Outcome>>();
            for (int i = 0; i < references.size(); i++) {
                var ref = references.get(i);
                var action = actions.get(i);
                work.add(() -> {
                    barrier.await(10, TimeUnit.SECONDS);
                    try {
                        return new Outcome(ref, action, engine.take(ref, action, "请补正", OFFICER).state(), null);
                    } catch (RuntimeException e) {
                        return new Outcome(ref, action, null, e.getMessage());
                    }
                });
            }
            var outcomes = new ArrayList<Outcome>();
            for (var f : pool.invokeAll(work)) {
                outcomes.add(f.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    List<String> open(int n) {
        var refs = new ArrayList<String>();
        for (int i = 0; i < n; i++) {
            refs.add(engine.open(new OpenCase("licensing", "食品经营许可证延续", Map.of(), null, false), RESIDENT,
                    RESIDENT).reference());
        }
        return refs;
    }

    @Autowired
    MeterRegistry meters;
    @Autowired
    @FlywayDataSource
    DataSource ownerDataSource;

    DistributionSummary batches() {
        return meters.get("youfu.cases.transitions.per.transaction").summary();
    }

    String state(String reference) {
        return jdbc.sql("SELECT state FROM cases.case WHERE reference = ?").param(reference).query(String.class)
                .single();
    }

    @Test
    void transitionsAskedForTogetherCommitTogetherAndARefusalStaysWithItsOwnCaller() throws Exception {
        var refs = open(CALLERS);
        var actions = new ArrayList<String>();
        for (int i = 0; i < CALLERS; i++) {
            actions.add(i % 6 == 5 ? "supplement" : "request-supplement"); // supplement is not allowed yet
        }
        long transactionsBefore = batches().count();
        double transitionsBefore = batches().totalAmount();
        var outcomes = takeAtOnce(refs, actions);
        long transactions = batches().count() - transactionsBefore;
        double transitions = batches().totalAmount() - transitionsBefore;

        for (var o : outcomes) {
            if (o.action().equals("request-supplement")) {
                assertThat(o.failure()).as(o.reference()).isNull();
                assertThat(o.state()).isEqualTo("awaiting-supplement");
                assertThat(state(o.reference())).isEqualTo("awaiting-supplement");
                assertThat(ledger.entries(o.reference())).hasSize(2);
            } else {
                assertThat(o.failure()).as(o.reference()).contains("transition-not-allowed");
                assertThat(state(o.reference())).isEqualTo("received");
                assertThat(ledger.entries(o.reference())).hasSize(1);
            }
        }
        // Every request went through a transaction, and some shared one.
        assertThat(transitions).isEqualTo(CALLERS);
        assertThat(transactions).isLessThan(CALLERS);
        assertThat(ledger.verify().ok()).isTrue();
    }

    @Test
    void aBatchThatFailsAsAWholeIsRunAgainOneByOne() throws Exception {
        var refs = open(CALLERS);
        var doomed = refs.get(CALLERS / 2);
        // The ledger refuses this one case's entries, as a broken row would: its batch's commit fails.
        var owner = JdbcClient.create(ownerDataSource); // only the owner may add a trigger to the ledger
        owner.sql("""
                CREATE OR REPLACE FUNCTION audit.test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN IF NEW.stream = '%s' THEN RAISE EXCEPTION 'refused (test)'; END IF; RETURN NEW; END $$"""
                .formatted(doomed)).update();
        owner.sql("CREATE TRIGGER test_refuse BEFORE INSERT ON audit.entry FOR EACH ROW "
                + "EXECUTE FUNCTION audit.test_refuse()").update();
        List<Outcome> outcomes;
        try {
            outcomes = takeAtOnce(refs, refs.stream().map(r -> "request-supplement").toList());
        } finally {
            owner.sql("DROP TRIGGER test_refuse ON audit.entry").update();
            owner.sql("DROP FUNCTION audit.test_refuse()").update();
        }
        for (var o : outcomes) {
            if (o.reference().equals(doomed)) {
                assertThat(o.failure()).contains("refused (test)");
                assertThat(state(doomed)).isEqualTo("received");
                assertThat(ledger.entries(doomed)).hasSize(1);
            } else {
                assertThat(o.failure()).as(o.reference()).isNull();
                assertThat(state(o.reference())).isEqualTo("awaiting-supplement");
            }
        }
        assertThat(ledger.verify().ok()).isTrue();
    }
}

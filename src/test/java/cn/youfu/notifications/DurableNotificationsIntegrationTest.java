package cn.youfu.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import cn.youfu.Api;
import cn.youfu.YoufuIntegrationTest;
import cn.youfu.cases.CaseEngine;
import cn.youfu.cases.CaseEngine.OpenCase;
import cn.youfu.cases.CaseEvents.Alert;
import cn.youfu.cases.CaseEvents.CaseClockAlerted;
import cn.youfu.identity.CurrentUser;
import cn.youfu.identity.Role;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

@YoufuIntegrationTest
class DurableNotificationsIntegrationTest {

    static final CurrentUser RESIDENT = new CurrentUser("applicant", "陈有福", Set.of(Role.APPLICANT), null,
            "350102195803120016");

    @Autowired
    CaseEngine engine;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    @FlywayDataSource
    DataSource ownerDataSource;
    @Autowired
    IncompleteEventPublications incomplete;
    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transaction;

    static void await(BooleanSupplier condition) throws InterruptedException {
        long until = System.currentTimeMillis() + 15_000;
        while (!condition.getAsBoolean() && System.currentTimeMillis() < until) {
            Thread.sleep(50);
        }
        assertThat(condition.getAsBoolean()).as("condition reached in time").isTrue();
    }

    long messages(String reference) {
        return jdbc.sql("SELECT count(*) FROM notifications.message WHERE reference = ?").param(reference)
                .query(Long.class).single();
    }

    long pending(String reference) {
        return jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL "
                + "AND serialized_event LIKE ?").param("%" + reference + "%").query(Long.class).single();
    }

    @Test
    void theApplicantIsToldAndTheMessageReadsInTheirLanguage() throws Exception {
        var ref = engine.open(new OpenCase("licensing", "申请", Map.of(), null, false), RESIDENT, RESIDENT)
                .reference();
        // Written in the case's own transaction: there as soon as the case is.
        assertThat(messages(ref)).isOne();
        var token = Api.bearer(mvc, "applicant");
        mvc.perform(get("/api/v1/notifications").header("Authorization", token))
                .andExpect(jsonPath("$[?(@.reference == '" + ref + "')].text")
                        .value(Matchers.hasItem(Matchers.startsWith("您的事项 " + ref + " 已收到"))));
        mvc.perform(get("/api/v1/notifications").header("Authorization", token).header("Accept-Language", "en"))
                .andExpect(jsonPath("$[?(@.reference == '" + ref + "')].text")
                        .value(Matchers.hasItem(Matchers.startsWith("Your case " + ref))));
    }

    @Test
    void aCaseChangeWhoseMessageCannotBeWrittenDoesNotHappen() {
        long cases = jdbc.sql("SELECT count(*) FROM cases.case").query(Long.class).single();
        withMessagesRefused(() -> assertThatThrownBy(() -> engine.open(
                new OpenCase("licensing", "申请", Map.of(), null, false), RESIDENT, RESIDENT))
                .hasMessageContaining("notifications store down"));
        assertThat(jdbc.sql("SELECT count(*) FROM cases.case").query(Long.class).single()).isEqualTo(cases);
    }

    @Test
    void aClockAlertWhoseDeliveryFailedIsKeptAndDeliveredLater() throws Exception {
        var ref = engine.open(new OpenCase("licensing", "申请", Map.of(), null, false), RESIDENT, RESIDENT)
                .reference();
        var alert = new CaseClockAlerted(ref, "licensing", Alert.ESCALATED, Instant.now(), "fz-market", null,
                LocalDate.of(2026, 12, 1));
        withMessagesRefused(() -> {
            transaction.executeWithoutResult(status -> events.publishEvent(alert));
            try {
                await(() -> jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL "
                                + "AND status = 'FAILED' AND serialized_event LIKE ?").param("%" + ref + "%")
                        .query(Long.class).single() >= 1);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            assertThat(messages(ref)).isOne(); // only the opening's
            // The timer's transaction committed: the failure of a listener never undoes it.
            assertThat(jdbc.sql("SELECT count(*) FROM audit.entry WHERE stream = ? AND action = ?")
                    .params(ref, "case.clock.escalated").query(Long.class).single()).isOne();
        });
        incomplete.resubmitIncompletePublications(publication -> true);
        await(() -> messages(ref) == 3 && pending(ref) == 0); // the department and the supervisors
    }

    /** Runs {@code action} while the database refuses messages, as if the notifications store were down. */
    private void withMessagesRefused(Runnable action) {
        var owner = JdbcClient.create(ownerDataSource); // only the owner may add a trigger
        owner.sql("""
                CREATE OR REPLACE FUNCTION notifications.test_outage() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'notifications store down (test)'; END $$""").update();
        owner.sql("CREATE TRIGGER test_outage BEFORE INSERT ON notifications.message "
                + "FOR EACH ROW EXECUTE FUNCTION notifications.test_outage()").update();
        try {
            action.run();
        } finally {
            owner.sql("DROP TRIGGER test_outage ON notifications.message").update();
            owner.sql("DROP FUNCTION notifications.test_outage()").update();
        }
    }
}

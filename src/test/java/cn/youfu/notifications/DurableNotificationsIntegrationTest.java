package cn.youfu.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import cn.youfu.Api;
import cn.youfu.YoufuIntegrationTest;
import cn.youfu.cases.CaseEngine;
import cn.youfu.cases.CaseEngine.OpenCase;
import cn.youfu.identity.CurrentUser;
import cn.youfu.identity.Role;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.test.web.servlet.MockMvc;

@YoufuIntegrationTest
class DurableNotificationsIntegrationTest {

    static final CurrentUser RESIDENT = new CurrentUser("applicant", "陈有福", Set.of(Role.APPLICANT), null,
            "350102195803120016");

    @Autowired
    CaseEngine engine;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IncompleteEventPublications incomplete;
    @Autowired
    MockMvc mvc;

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
        await(() -> messages(ref) == 1);
        var token = Api.bearer(mvc, "applicant");
        mvc.perform(get("/api/v1/notifications").header("Authorization", token))
                .andExpect(jsonPath("$[?(@.reference == '" + ref + "')].text")
                        .value(Matchers.hasItem(Matchers.startsWith("您的事项 " + ref + " 已受理"))));
        mvc.perform(get("/api/v1/notifications").header("Authorization", token).header("Accept-Language", "en"))
                .andExpect(jsonPath("$[?(@.reference == '" + ref + "')].text")
                        .value(Matchers.hasItem(Matchers.startsWith("Your case " + ref))));
    }

    @Test
    void anEventWhoseDeliveryFailedIsKeptAndDeliveredLater() throws Exception {
        // The listener's database refuses messages for a while, as if the notifications store were down.
        jdbc.sql("""
                CREATE OR REPLACE FUNCTION notifications.test_outage() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'notifications store down (test)'; END $$""").update();
        jdbc.sql("CREATE TRIGGER test_outage BEFORE INSERT ON notifications.message "
                + "FOR EACH ROW EXECUTE FUNCTION notifications.test_outage()").update();
        String ref;
        try {
            ref = engine.open(new OpenCase("licensing", "申请", Map.of(), null, false), RESIDENT, RESIDENT)
                    .reference();
            var failed = ref;
            await(() -> jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL "
                            + "AND status = 'FAILED' AND serialized_event LIKE ?").param("%" + failed + "%")
                    .query(Long.class).single() == 1);
            assertThat(messages(ref)).isZero();
            // The case itself committed: the failure of a listener never undoes it.
            assertThat(jdbc.sql("SELECT count(*) FROM cases.case WHERE reference = ?").param(ref)
                    .query(Long.class).single()).isOne();
        } finally {
            jdbc.sql("DROP TRIGGER test_outage ON notifications.message").update();
            jdbc.sql("DROP FUNCTION notifications.test_outage()").update();
        }
        incomplete.resubmitIncompletePublications(publication -> true);
        var delivered = ref;
        await(() -> messages(delivered) == 1 && pending(delivered) == 0);
    }

}

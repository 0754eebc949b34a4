package cn.youfu.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.youfu.Api;
import cn.youfu.YoufuIntegrationTest;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

@YoufuIntegrationTest
class CaseApiIntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    String applicant;
    String officer;
    String supervisor;

    @BeforeEach
    void signIn() throws Exception {
        applicant = Api.bearer(mvc, "applicant");
        officer = Api.bearer(mvc, "officer");
        supervisor = Api.bearer(mvc, "supervisor");
    }

    String open(String type, String token) throws Exception {
        var body = mvc.perform(post("/api/v1/cases").header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"" + type + "\",\"title\":\"申请食品经营许可证延续\","
                                + "\"details\":{\"licence\":\"JY13501020000001\"}}"))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andReturn().getResponse().getContentAsString();
        return JSON.readTree(body).get("reference").asString();
    }

    String transition(String reference, String token, String action, String comment) throws Exception {
        return "{\"action\":\"" + action + "\"" + (comment == null ? "" : ",\"comment\":\"" + comment + "\"") + "}";
    }

    @Test
    void aResidentOpensALicensingCaseAndTheOfficerDecidesIt() throws Exception {
        var ref = open("licensing", applicant);
        assertThat(ref).matches("FZ-\\d{4}-\\d{8}");
        mvc.perform(get("/api/v1/cases/" + ref).header("Authorization", applicant))
                .andExpect(status().isOk())
                // received, not yet accepted: on receipt the agency accepts, refuses or asks for what is missing
                // (行政许可法 Art. 32)
                .andExpect(jsonPath("$.state").value("received"))
                .andExpect(jsonPath("$.stateName").value("已收到申请（待受理）"))
                .andExpect(jsonPath("$.department").value("fz-approval"))
                .andExpect(jsonPath("$.applicant.subjectId").value("350102195803120016"))
                .andExpect(jsonPath("$.clock.statutoryDeadline").isString())
                .andExpect(jsonPath("$.clock.unit").value("WORKING_DAYS"))
                .andExpect(jsonPath("$.allowedActions[*].action").value(hasItem("withdraw")))
                .andExpect(jsonPath("$.allowedActions[*].action").value(not(hasItem("approve"))));
        mvc.perform(post("/api/v1/cases/" + ref + "/transitions").header("Authorization", officer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(transition(ref, officer, "request-supplement", "请补充营业执照副本（一次性告知）")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("awaiting-supplement"))
                .andExpect(jsonPath("$.clock.paused").value(true))
                .andExpect(jsonPath("$.clock.statutoryDeadline").isEmpty())
                .andExpect(jsonPath("$.assignee").value("officer"));
        mvc.perform(post("/api/v1/cases/" + ref + "/transitions").header("Authorization", applicant)
                        .contentType(MediaType.APPLICATION_JSON).content(transition(ref, applicant, "supplement", null)))
                .andExpect(jsonPath("$.state").value("received"))
                .andExpect(jsonPath("$.clock.paused").value(false));
        mvc.perform(post("/api/v1/cases/" + ref + "/transitions").header("Authorization", officer)
                        .contentType(MediaType.APPLICATION_JSON).content(transition(ref, officer, "approve", null)))
                .andExpect(jsonPath("$.state").value("approved"))
                .andExpect(jsonPath("$.closed").value(true))
                .andExpect(jsonPath("$.clock.onTime").value(true))
                .andExpect(jsonPath("$.allowedActions").isEmpty());

        // The timeline is the ledger: opened, viewed by the officer? (no: the officer acted without a GET), three
        // transitions, in order and hash-chained.
        var timeline = JSON.readTree(mvc.perform(get("/api/v1/cases/" + ref + "/timeline")
                .header("Authorization", applicant)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        var actions = new ArrayList<String>();
        timeline.forEach(e -> actions.add(e.get("action").asString()));
        assertThat(actions).containsExactly("case.opened", "case.transition.request-supplement",
                "case.transition.supplement", "case.transition.approve");
        assertThat(timeline.get(1).get("details").get("comment").asString()).isEqualTo("请补充营业执照副本（一次性告知）");
        assertThat(timeline.get(3).get("sequence").asInt()).isEqualTo(4);
    }

    @Test
    void aTransitionTheTypeDoesNotAllowIs409NamingTheStateAndWhatIsAllowed() throws Exception {
        var ref = open("licensing", applicant);
        mvc.perform(post("/api/v1/cases/" + ref + "/transitions").header("Authorization", officer)
                        .contentType(MediaType.APPLICATION_JSON).content(transition(ref, officer, "close-hearing", null)))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.currentState").value("received"))
                .andExpect(jsonPath("$.allowedActions").value(hasItem("approve")))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("received")));
        mvc.perform(post("/api/v1/cases/" + ref + "/transitions").header("Authorization", officer)
                        .contentType(MediaType.APPLICATION_JSON).content(transition(ref, officer, "refuse", null)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("comment"));
        mvc.perform(post("/api/v1/cases/" + ref + "/transitions").header("Authorization", applicant)
                        .contentType(MediaType.APPLICATION_JSON).content(transition(ref, applicant, "approve", null)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.allowedRoles[0]").value("officer"));
        mvc.perform(post("/api/v1/cases/" + ref + "/transitions").header("Authorization", officer)
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("action"));
        // Nothing of the refused attempts changed the case or its record.
        assertThat(jdbc.sql("SELECT state FROM cases.case WHERE reference = ?").param(ref).query(String.class)
                .single()).isEqualTo("received");
        assertThat(jdbc.sql("SELECT count(*) FROM audit.entry WHERE stream = ?").param(ref).query(Long.class)
                .single()).isEqualTo(1);
    }

    @Test
    void othersCasesAre404() throws Exception {
        var ref = open("licensing", applicant);
        var enterprise = Api.bearer(mvc, "enterprise");
        var reviewer = Api.bearer(mvc, "reviewer");
        for (var outsider : new String[] {enterprise, reviewer}) {
            mvc.perform(get("/api/v1/cases/" + ref).header("Authorization", outsider))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.type").value("urn:youfu:problem:case-not-found"));
            mvc.perform(get("/api/v1/cases/" + ref + "/timeline").header("Authorization", outsider))
                    .andExpect(status().isNotFound());
            mvc.perform(post("/api/v1/cases/" + ref + "/transitions").header("Authorization", outsider)
                            .contentType(MediaType.APPLICATION_JSON).content(transition(ref, outsider, "withdraw", null)))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(get("/api/v1/cases/FZ-2026-99999999").header("Authorization", officer))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/cases/not-a-reference").header("Authorization", officer))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/cases/" + ref)).andExpect(status().isUnauthorized());
    }

    @Test
    void anOfficerViewingTheCaseIsRecordedAsAViewOfPersonalData() throws Exception {
        var ref = open("licensing", applicant);
        mvc.perform(get("/api/v1/cases/" + ref).header("Authorization", officer)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/cases/" + ref).header("Authorization", applicant)).andExpect(status().isOk());
        var viewed = jdbc.sql("SELECT actor FROM audit.entry WHERE stream = ? AND action = 'case.personal-data-viewed'")
                .param(ref).query(String.class).list();
        assertThat(viewed).containsExactly("officer");
    }

    @Test
    void creationIsCheckedAgainstTheType() throws Exception {
        mvc.perform(post("/api/v1/cases").header("Authorization", applicant).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"administrative-penalty\",\"title\":\"我要处罚自己\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("type"));
        mvc.perform(post("/api/v1/cases").header("Authorization", applicant).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"no-such-type\",\"title\":\"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("licensing")));
        mvc.perform(post("/api/v1/cases").header("Authorization", applicant).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"licensing\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("title"));
        mvc.perform(post("/api/v1/cases").header("Authorization", applicant).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"licensing\",\"title\":\"" + "长".repeat(201) + "\"}"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void concurrentTransitionsOnOneCaseExactlyOneWins() throws Exception {
        for (int round = 0; round < 5; round++) {
            var ref = open("licensing", applicant);
            int threads = 4;
            var start = new CountDownLatch(1);
            var pool = Executors.newFixedThreadPool(threads);
            var results = new ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < threads; i++) {
                var action = i % 2 == 0 ? "approve" : "hold-hearing";
                Callable<Integer> attempt = () -> {
                    start.await();
                    return mvc.perform(post("/api/v1/cases/" + ref + "/transitions").header("Authorization", officer)
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .content(transition(ref, officer, action, "并发测试")))
                            .andReturn().getResponse().getStatus();
                };
                results.add(pool.submit(attempt));
            }
            start.countDown();
            var statuses = new ArrayList<Integer>();
            for (var result : results) {
                statuses.add(result.get());
            }
            pool.shutdown();
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(threads - 1);
            // The record has the opening and exactly one transition, and the chain is whole.
            assertThat(jdbc.sql("SELECT count(*) FROM audit.entry WHERE stream = ?").param(ref).query(Long.class)
                    .single()).isEqualTo(2);
            assertThat(jdbc.sql("SELECT version FROM cases.case WHERE reference = ?").param(ref).query(Long.class)
                    .single()).isEqualTo(1);
        }
    }

    @Test
    void inboxIsOrderedByDeadlineAndFilters() throws Exception {
        var licensing = open("licensing", applicant);
        var petition = open("petition", applicant); // another department
        var body = mvc.perform(get("/api/v1/inbox").header("Authorization", officer))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        var refs = new ArrayList<String>();
        var deadlines = new ArrayList<String>();
        JSON.readTree(body).forEach(c -> {
            refs.add(c.get("reference").asString());
            deadlines.add(c.get("statutoryDeadline").isNull() ? "9999" : c.get("statutoryDeadline").asString());
            assertThat(c.get("department").asString()).isEqualTo("fz-approval");
        });
        assertThat(refs).contains(licensing).doesNotContain(petition);
        assertThat(deadlines).isSorted();
        mvc.perform(get("/api/v1/inbox").param("type", "licensing").param("dueWithin", "25")
                        .header("Authorization", officer))
                .andExpect(jsonPath("$[*].reference").value(hasItem(licensing)));
        mvc.perform(get("/api/v1/inbox").param("dueWithin", "0").header("Authorization", officer))
                .andExpect(jsonPath("$[*].reference").value(not(hasItem(licensing))));
        mvc.perform(get("/api/v1/inbox").param("overdue", "true").header("Authorization", officer))
                .andExpect(jsonPath("$[*].reference").value(not(hasItem(licensing))));
        mvc.perform(get("/api/v1/inbox").param("department", "fz-petitions")
                        .header("Authorization", supervisor))
                .andExpect(jsonPath("$[*].reference").value(hasItem(petition)))
                .andExpect(jsonPath("$[*].reference").value(not(hasItem(licensing))));
        mvc.perform(get("/api/v1/inbox").param("department", "fz-government-office")
                        .header("Authorization", officer))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/inbox").param("dueWithin", "-1").header("Authorization", officer))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.parameter").value("dueWithin"));
        mvc.perform(get("/api/v1/inbox").param("overdue", "maybe").header("Authorization", officer))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.parameter").value("overdue"));
        mvc.perform(get("/api/v1/inbox").header("Authorization", applicant)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/cases").header("Authorization", applicant))
                .andExpect(jsonPath("$[*].reference").value(hasItem(licensing)));
    }

    @Test
    void supervisorsSeeOnTimeRateHandlingTimeAndOverdueCases() throws Exception {
        var ref = open("licensing", applicant);
        mvc.perform(post("/api/v1/cases/" + ref + "/transitions").header("Authorization", officer)
                .contentType(MediaType.APPLICATION_JSON).content(transition(ref, officer, "approve", null)));
        mvc.perform(get("/api/v1/supervision/stats").header("Authorization", supervisor))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.byDepartment[?(@.key == 'fz-approval')].closed").value(hasItem(
                        org.hamcrest.Matchers.greaterThanOrEqualTo(1))))
                .andExpect(jsonPath("$.byType[?(@.key == 'licensing')].onTimeRate").isNotEmpty())
                .andExpect(jsonPath("$.byType[?(@.key == 'licensing')].averageHandlingWorkingDays").isNotEmpty());
        mvc.perform(get("/api/v1/supervision/stats").header("Authorization", officer))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/supervision/stats").param("from", "2026-12-01").param("to", "2026-01-01")
                        .header("Authorization", supervisor))
                .andExpect(status().isBadRequest());
    }

    @Test
    void onlyTheListenersAnEventConcernsAreKeptForIt() throws Exception {
        var ref = open("licensing", applicant);
        mvc.perform(post("/api/v1/cases/" + ref + "/transitions").header("Authorization", officer)
                .contentType(MediaType.APPLICATION_JSON).content(transition(ref, officer, "approve", null)))
                .andExpect(status().isOk());
        // The certificate issuer wants only approvals of service applications; the applicant's message was written
        // in the transition's own transaction, so nothing is kept to deliver.
        var listeners = jdbc.sql("SELECT listener_id FROM event_publication WHERE serialized_event LIKE ? "
                        + "AND event_type LIKE '%CaseTransitioned'").param("%" + ref + "%").query(String.class).list();
        assertThat(listeners).isEmpty();
        assertThat(jdbc.sql("SELECT kind FROM notifications.message WHERE reference = ? ORDER BY id").param(ref)
                .query(String.class).list()).containsExactly("case-opened", "case-closed");
    }

    @Test
    void caseTypesArePublic() throws Exception {
        mvc.perform(get("/api/v1/case-types/licensing"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.clock.statutory.days").value(20))
                .andExpect(jsonPath("$.clock.extension.days").value(10));
        mvc.perform(get("/api/v1/case-types/nothing")).andExpect(status().isBadRequest());
    }
}

package cn.youfu.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.youfu.YoufuIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/** The whole loop through the API: report, dispatch, take on, return and re-route, co-handle, reply, visit, merge. */
@YoufuIntegrationTest
class DispatchLoopIntegrationTest {

    static final String PROPERTY_COMPLAINT = "投诉小区物业公司：未经业主同意在小区公共道路乱收停车费，物业还擅自停水停电，"
            + "业主多次向物业和社区反映无人处理，请住建部门督促物业整改。";

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    DispatchFixture f;

    @BeforeEach
    void people() throws Exception {
        f = new DispatchFixture(mvc, context);
    }

    @Test
    void aConfidentComplaintIsRoutedAtOnceHandledAndReopenedAfterABadRatingThenClosed() throws Exception {
        // GCJ-02 from a Chinese map app, near the Gulou district government.
        var event = f.report(f.resident, "complaint", PROPERTY_COMPLAINT, 26.0797, 119.3032, "GCJ-02");
        var ref = event.get("reference").asString();
        assertThat(event.get("state").asString()).isEqualTo("dispatched");
        assertThat(event.get("topic").asString()).isEqualTo("城乡建设");
        assertThat(event.get("department").asString()).isEqualTo("fz-housing");
        assertThat(event.get("token").asString()).isNotBlank();
        assertThat(event.get("dispatch").get("confidence").asDouble()).isGreaterThanOrEqualTo(0.5);
        assertThat(event.get("dispatch").get("terms")).isNotEmpty();
        assertThat(event.get("dispatch").get("suggestions")).hasSize(3);
        assertThat(event.get("place").get("district").asString()).isEqualTo("350102");
        assertThat(event.get("place").get("latitude").asDouble()).isBetween(26.081, 26.084);
        assertThat(event.get("place").get("grid").asString()).matches("\\d+-\\d+");
        assertThat(event.get("reporter").get("phone").asString()).isEqualTo("138****5678");
        assertThat(event.get("responseDue").asString()).isNotBlank();

        // The department sees it masked until someone takes it on; the handling officer then sees the contact.
        var taken = f.step(f.housing, ref, "accept", null, 200);
        assertThat(taken.get("state").asString()).isEqualTo("handling");
        assertThat(taken.get("handler").asString()).isEqualTo("housing-lin");
        assertThat(taken.get("reporter").get("phone").asString()).isEqualTo("13812345678");
        mvc.perform(get("/api/v1/dispatch/events/" + ref).header("Authorization", f.dispatcher))
                .andExpect(jsonPath("$.reporter.phone").value("138****5678"))
                .andExpect(jsonPath("$.reporter.masked").value(true));
        mvc.perform(get("/api/v1/dispatch/events/" + ref).header("Authorization", f.education))
                .andExpect(status().isNotFound());

        f.step(f.housing, ref, "reply", "{\"text\":\"已约谈物业公司，停车收费暂停，供水已恢复。\"}", 200);
        var reopened = f.step(f.resident, ref, "visit", "{\"rating\":\"dissatisfied\",\"comment\":\"停车费仍在收\"}",
                200);
        assertThat(reopened.get("state").asString()).isEqualTo("handling");
        assertThat(reopened.get("reopened").asInt()).isEqualTo(1);
        assertThat(reopened.get("rating").asString()).isEqualTo("dissatisfied");

        f.step(f.housing, ref, "reply", "{\"text\":\"已责令物业退还停车费并公示收费依据。\"}", 200);
        var closed = f.step(f.dispatcher, ref, "visit", "{\"rating\":\"satisfied\"}", 200);
        assertThat(closed.get("state").asString()).isEqualTo("closed");
        mvc.perform(get("/api/v1/cases/" + ref).header("Authorization", f.supervisor))
                .andExpect(jsonPath("$.state").value("closed"))
                .andExpect(jsonPath("$.type").value("citizen-request"));
        mvc.perform(get("/api/v1/cases/" + ref + "/timeline").header("Authorization", f.supervisor))
                .andExpect(jsonPath("$[?(@.action == 'dispatch.dispatched')]").exists())
                .andExpect(jsonPath("$[?(@.action == 'case.transition.reopen')]").exists())
                .andExpect(jsonPath("$[?(@.action == 'dispatch.visited')]").exists());

        mvc.perform(get("/api/v1/dispatch/supervision").header("Authorization", f.supervisor))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.departments[?(@.department == 'fz-housing')].resolutionRate").exists())
                .andExpect(jsonPath("$.departments[?(@.department == 'fz-housing')].responseRate").exists())
                .andExpect(jsonPath("$.departments[?(@.department == 'fz-housing')].satisfactionRate").exists());
    }

    @Test
    void aWronglyRoutedEventIsReturnedReroutedCoHandledAndTeachesTheClassifier() throws Exception {
        var event = f.report(f.dispatcher, "help", "您好，我有个情况需要反映：商场那边收费的问题，麻烦尽快处理。",
                25.7215, 119.3850, "WGS84");
        var ref = event.get("reference").asString();
        assertThat(event.get("channel").asString()).isEqualTo("hotline");
        assertThat(event.get("place").get("district").asString()).isEqualTo("350181");
        assertThat(event.get("state").asString()).isEqualTo("received"); // too vague for the machine
        f.step(f.dispatcher, ref, "dispatch", "{\"topic\":\"城乡建设\"}", 200);
        assertThat(f.mvc.perform(get("/api/v1/dispatch/events/" + ref).header("Authorization", f.housing))
                .andReturn().getResponse().getStatus()).isEqualTo(200);

        f.step(f.housing, ref, "return", "{}", 400);
        var returned = f.step(f.housing, ref, "return", "{\"text\":\"商场经营收费属市场监管职责\"}", 200);
        assertThat(returned.get("state").asString()).isEqualTo("received");
        assertThat(returned.get("returned").asInt()).isEqualTo(1);
        mvc.perform(get("/api/v1/dispatch/queue").header("Authorization", f.dispatcher))
                .andExpect(jsonPath("$[?(@.reference == '" + ref + "')]").exists());

        f.step(f.housing, ref, "dispatch", "{\"topic\":\"商贸旅游\"}", 404); // no longer theirs to see
        f.step(f.market, ref, "dispatch", "{\"topic\":\"商贸旅游\"}", 404);
        var rerouted = f.step(f.dispatcher, ref, "dispatch", "{\"topic\":\"商贸旅游\",\"coHandlers\":[\"fz-housing\"],"
                + "\"reason\":\"商场收费由市场监管局主办，住建局协办停水停电\"}", 200);
        assertThat(rerouted.get("department").asString()).isEqualTo("fz-market-regulation");
        assertThat(rerouted.get("coHandlers").get(0).get("department").asString()).isEqualTo("fz-housing");

        f.step(f.market, ref, "accept", null, 200);
        f.step(f.housing, ref, "accept", null, 403);
        var blocked = f.step(f.market, ref, "reply", "{\"text\":\"已处理\"}", 409);
        assertThat(blocked.get("pendingDepartments").get(0).asString()).isEqualTo("fz-housing");
        f.step(f.housing, ref, "contributions", "{\"text\":\"已督促恢复供水供电\"}", 200);
        var replied = f.step(f.market, ref, "reply", "{\"text\":\"已责令商场停止违规收费，供水供电已恢复\"}", 200);
        assertThat(replied.get("state").asString()).isEqualTo("replied");

        // The dispatcher's topic is kept as a labelled example; retraining learns from it.
        var trained = f.call(f.admin, "/api/v1/dispatch/classifier/retrain", null, 200);
        assertThat(trained.get("corrections").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(trained.get("shippedExamples").asInt()).isEqualTo(298);
        f.call(f.dispatcher, "/api/v1/dispatch/classifier/retrain", null, 403);
    }

    @Test
    void anUnsureClassificationWaitsForADispatcherWithThreeSuggestions() throws Exception {
        var event = f.report(f.resident, "consultation", "你好，想问一下这个事情应该怎么办，谢谢。", 26.4900, 119.5500,
                "WGS84");
        assertThat(event.get("state").asString()).isEqualTo("received");
        assertThat(event.get("department").isNull()).isTrue();
        assertThat(event.get("dispatch").get("suggestions")).hasSize(3);
        assertThat(event.get("dispatch").get("confidence").asDouble()).isLessThan(0.5);
    }

    @Test
    void aNewEventNearAnOpenOneOfTheSameTopicIsOfferedAsTheSameProblemAndMergedOnConfirmation() throws Exception {
        var first = f.report(f.resident, "complaint", PROPERTY_COMPLAINT, 25.9630, 119.5232, "WGS84");
        var second = f.report(f.dispatcher, "complaint", "又有人反映：" + PROPERTY_COMPLAINT, 25.9631, 119.5233,
                "WGS84");
        var main = first.get("reference").asString();
        var ref = second.get("reference").asString();
        assertThat(second.get("possibleDuplicates").get(0).asString()).isEqualTo(main);
        assertThat(second.get("state").asString()).isEqualTo("received");

        f.step(f.dispatcher, ref, "merge", "{\"into\":\"" + ref + "\"}", 409);
        var merged = f.step(f.dispatcher, ref, "merge", "{\"into\":\"" + main + "\"}", 200);
        assertThat(merged.get("state").asString()).isEqualTo("merged");
        assertThat(merged.get("mergedInto").asString()).isEqualTo(main);
        f.step(f.dispatcher, ref, "merge", "{\"into\":\"" + main + "\"}", 409);
    }

    @Test
    void classifyAnswersWithoutCreatingAnything() throws Exception {
        var answer = f.call(f.housing, "/api/v1/dispatch/classify",
                "{\"text\":\"孩子上小学要考试分班，学校还乱收补课费，教育局管不管？\"}", 200);
        assertThat(answer.get("topic").asString()).isEqualTo("教育文体");
        assertThat(answer.get("department").asString()).isEqualTo("fz-education");
        assertThat(answer.get("confidence").asDouble()).isBetween(0.0, 1.0);
        assertThat(answer.get("alternatives")).hasSize(2);
        f.call(f.housing, "/api/v1/dispatch/classify", "{\"text\":\" \"}", 400);
        f.call(f.resident, "/api/v1/dispatch/classify", "{\"text\":\"学校乱收费\"}", 403);
    }

    @Test
    void badInputIsAProblemAndChangesNothing() throws Exception {
        f.call(f.resident, "/api/v1/dispatch/events", "{\"kind\":\"rumour\",\"text\":\"路灯坏了\"}", 400);
        f.call(f.resident, "/api/v1/dispatch/events", "{\"kind\":\"help\"}", 400);
        f.call(f.resident, "/api/v1/dispatch/events",
                "{\"kind\":\"help\",\"text\":\"路灯坏了\",\"location\":{\"lat\":95,\"lon\":119}}", 400);
        f.call(f.resident, "/api/v1/dispatch/events",
                "{\"kind\":\"help\",\"text\":\"路灯坏了\",\"photos\":[\"file:///etc/passwd\"]}", 400);
    }
}

package cn.youfu.disclosure.internal;

import static cn.youfu.disclosure.internal.DisclosureFixture.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.youfu.YoufuIntegrationTest;
import cn.youfu.calendar.Calendars;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** Proactive disclosure: publishing on time or late, the public list and search, the feed, history kept. */
@YoufuIntegrationTest
class OpenDocumentsIntegrationTest {

    static final String BUDGET = "福州市2026年市级一般公共预算支出表。其中道路养护工程支出3.2亿元，"
            + "联系人电话13812345678，经办人身份证号350102195803120016。";

    @Autowired
    MockMvc mvc;
    @Autowired
    Calendars calendars;
    DisclosureFixture f;

    @BeforeEach
    void people() throws Exception {
        f = new DisclosureFixture(mvc);
    }

    JsonNode publish(String token, String category, String title, String body, LocalDate formedOn, int expected)
            throws Exception {
        var json = DisclosureFixture.JSON.writeValueAsString(java.util.Map.of("category", category, "title", title,
                "documentNumber", "榕财预〔2026〕1号", "body", body, "formedOn", formedOn.toString()));
        var answer = mvc.perform(post("/api/v1/disclosure/documents").header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().is(expected)).andReturn().getResponse().getContentAsString();
        return DisclosureFixture.JSON.readTree(answer);
    }

    @Test
    void publishedInTimeOrLateFoundByItsWordsWithPersonalDataMasked() throws Exception {
        var onTime = publish(f.officer, "budgets", "福州市2026年市级预算", BUDGET, today().minusDays(2), 201);
        var id = onTime.get("id").asString();
        assertThat(onTime.get("late").asBoolean()).isFalse();
        assertThat(onTime.get("dueOn").asString())
                .isEqualTo(calendars.current().deadline(today().minusDays(2), 20).deadline().toString());
        assertThat(onTime.get("body").asString()).contains("138****5678").doesNotContain("13812345678")
                .doesNotContain("350102195803120016");
        var late = publish(f.officer, "budgets", "福州市2025年市级决算", "2025年市级决算表", today().minusDays(60), 201);
        assertThat(late.get("late").asBoolean()).isTrue();
        assertThat(f.get(f.supervisor, "/api/v1/disclosure/documents/late", 200).toString())
                .contains(late.get("id").asString()).doesNotContain("\"" + id + "\"");

        var found = f.get(f.resident, "/api/v1/open/documents?q=道路养护", 200);
        assertThat(found.get("items").findValuesAsString("id")).contains(id)
                .doesNotContain(late.get("id").asString());
        assertThat(f.get(f.resident, "/api/v1/open/documents?q=海底隧道", 200).get("total").asLong()).isZero();
        assertThat(f.get(f.resident, "/api/v1/open/documents?category=budgets&size=100", 200)
                .get("items").findValuesAsString("id")).contains(id, late.get("id").asString());
        assertThat(f.get(f.resident, "/api/v1/open/documents?category=plans&size=100", 200)
                .get("items").findValuesAsString("id")).doesNotContain(id);
        mvc.perform(get("/api/v1/open/documents").param("category", "gossip")).andExpect(status().isBadRequest());
        var page = mvc.perform(get("/api/v1/open/documents/" + id)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("13812345678", "350102195803120016");
    }

    @Test
    void theFeedOfACategoryListsItsDocumentsAtTheirStableAddresses() throws Exception {
        var doc = publish(f.officer, "procurement", "2026年政府集中采购目录", "集中采购目录及标准，咨询13900001111",
                today(), 201);
        var xml = mvc.perform(get("/open/categories/procurement/feed.atom"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/atom+xml"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var feed = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(feed.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        assertThat(feed.getDocumentElement().getLocalName()).isEqualTo("feed");
        var entries = feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
        var titles = new java.util.ArrayList<String>();
        for (int i = 0; i < entries.getLength(); i++) {
            titles.add(((org.w3c.dom.Element) entries.item(i)).getElementsByTagNameNS("http://www.w3.org/2005/Atom",
                    "title").item(0).getTextContent());
        }
        assertThat(titles).contains("2026年政府集中采购目录");
        assertThat(xml).contains("/open/documents/" + doc.get("id").asString()).doesNotContain("13900001111", "th:")
                .containsPattern("<updated>\\d{4}-\\d\\d-\\d\\dT00:00:00\\+08:00</updated>");
        mvc.perform(get("/open/categories/gossip/feed.atom")).andExpect(status().isNotFound());
    }

    @Test
    void replacingKeepsTheHistoryAndWithdrawingTakesItOffTheLists() throws Exception {
        var doc = publish(f.officer, "fees", "行政事业性收费目录", "收费目录2026版", today().minusDays(1), 201);
        var id = doc.get("id").asString();
        publish(f.resident, "fees", "x", "x", today(), 403);
        publish(f.officer, "gossip", "x", "x", today(), 400);
        publish(f.officer, "fees", "x", "x", today().plusDays(3), 400);
        var body = "{\"title\":\"行政事业性收费目录（修订）\",\"body\":\"收费目录2026修订版\",\"formedOn\":\"%s\","
                + "\"changeNote\":\"取消两项收费\"}";
        mvc.perform(post("/api/v1/disclosure/documents/" + id + "/versions").header("Authorization", f.otherOfficer)
                        .contentType(MediaType.APPLICATION_JSON).content(body.formatted(today())))
                .andExpect(status().isForbidden());
        var versions = "/api/v1/disclosure/documents/" + id + "/versions";
        var replaced = DisclosureFixture.JSON.readTree(mvc.perform(post(versions)
                        .header("Authorization", f.officer).contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(today())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(replaced.get("version").asInt()).isEqualTo(2);
        assertThat(replaced.get("history")).hasSize(2);
        assertThat(replaced.get("history").get(1).get("title").asString()).isEqualTo("行政事业性收费目录");

        var withdrawal = "/api/v1/disclosure/documents/" + id + "/withdrawal";
        var withdrawn = DisclosureFixture.JSON.readTree(mvc.perform(post(withdrawal)
                        .header("Authorization", f.officer).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"已被新目录取代\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(withdrawn.get("withdrawnOn").asString()).isEqualTo(today().toString());
        assertThat(f.get(f.resident, "/api/v1/open/documents?category=fees&size=100", 200)
                .get("items").findValuesAsString("id")).doesNotContain(id);
        assertThat(f.get(f.resident, "/api/v1/open/documents/" + id, 200).get("history")).hasSize(2);
        mvc.perform(post("/api/v1/disclosure/documents/" + id + "/versions").header("Authorization", f.officer)
                        .contentType(MediaType.APPLICATION_JSON).content(body.formatted(today())))
                .andExpect(status().isConflict());
    }

    @Test
    void thePortalPagesListSearchAndShowADocumentWithNothingPersonal() throws Exception {
        var doc = publish(f.officer, "public-services", "2026年城乡居民医保缴费指南", "缴费咨询请拨打13712345678，"
                + "示例身份证号350102195803120016不得出现", today(), 201);
        var id = doc.get("id").asString();
        var list = mvc.perform(get("/open").param("q", "医保缴费")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains("2026年城乡居民医保缴费指南", "/open/documents/" + id);
        var fragment = mvc.perform(get("/open").param("q", "医保缴费").header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(fragment).contains("id=\"results\"").doesNotContain("<html");
        var page = mvc.perform(get("/open/documents/" + id)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("137****5678").doesNotContain("13712345678", "350102195803120016", "王政公",
                "disclosure-officer");
        mvc.perform(get("/open/documents/GK-1999-000000")).andExpect(status().isNotFound());
    }
}

package cn.youfu.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.youfu.YoufuIntegrationTest;
import cn.youfu.cases.CaseEngine;
import cn.youfu.cases.CaseEngine.OpenCase;
import cn.youfu.identity.CurrentUser;
import cn.youfu.identity.Role;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

/** The pages' guards, headers, CSRF, server-side validation and escaping. */
@YoufuIntegrationTest
class WebPagesIntegrationTest {

    static final CurrentUser RESIDENT = new CurrentUser("350102195803120016", "陈有福", Set.of(Role.APPLICANT), null,
            "350102195803120016");
    static final CurrentUser OFFICER = new CurrentUser("officer", "林秀英", Set.of(Role.OFFICER), "fz-approval", null);
    static final CurrentUser SUPERVISOR = new CurrentUser("supervisor", "黄督查", Set.of(Role.SUPERVISOR),
            "fz-government-office", null);

    @Autowired
    MockMvc mvc;
    @Autowired
    CaseEngine cases;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired
    cn.youfu.catalog.Catalog catalog;

    static org.springframework.test.web.servlet.request.RequestPostProcessor as(CurrentUser user) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
    }

    @Test
    void securityHeadersOnEveryPage() throws Exception {
        mvc.perform(get("/services"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                .andExpect(header().string("Content-Security-Policy", not(containsString("unsafe-inline"))))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(content().string(not(containsString("<script>"))))
                .andExpect(content().string(not(containsString("style=\""))));
    }

    @Test
    void theAnonymousAreSentToSignInAndOtherRolesRefused() throws Exception {
        mvc.perform(get("/my/cases")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/officer/inbox").with(as(RESIDENT))).andExpect(status().isForbidden())
                .andExpect(content().string(containsString("无权操作")));
        mvc.perform(get("/supervisor/dashboard").with(as(OFFICER))).andExpect(status().isForbidden());
    }

    @Test
    void formsNeedTheirCsrfToken() throws Exception {
        mvc.perform(post("/services/elderly-card/apply").with(as(RESIDENT))).andExpect(status().isForbidden());
        mvc.perform(post("/login").param("username", "officer").param("password", "youfu-demo"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/login").with(csrf()).param("username", "officer").param("password", "youfu-demo"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/"));
        mvc.perform(post("/login").with(csrf()).param("username", "officer").param("password", "wrong"))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void aWrongFieldIsShownNextToTheFieldAndNothingIsDecided() throws Exception {
        mvc.perform(post("/services/elderly-card/apply").with(as(RESIDENT)).with(csrf()).param("phone", "12345"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("aria-describedby=\"f-phone-error\"")))
                .andExpect(content().string(containsString("id=\"f-phone-error\"")))
                .andExpect(content().string(containsString("aria-invalid=\"true\"")));
    }

    @Test
    void scriptInATitleOrCommentShowsAsText() throws Exception {
        var applicant = new CurrentUser("escape-test", "<script>alert(1)</script>", Set.of(Role.APPLICANT), null,
                null);
        var opened = cases.open(new OpenCase("citizen-request", "<script>alert('title')</script>",
                Map.of("text", "<script>alert('details')</script>"), "fz-approval", true), applicant, applicant);
        var page = mvc.perform(get("/officer/cases/" + opened.reference()).with(as(OFFICER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<script>alert("))));
        mvc.perform(get("/officer/inbox").with(as(OFFICER)))
                .andExpect(content().string(containsString("&lt;script&gt;alert(&#39;title&#39;)")))
                .andExpect(content().string(not(containsString("<script>alert("))));
    }

    /** Puts the cases' statutory deadlines in the past, so that they count as overdue. */
    void overdue(java.util.List<String> references) {
        jdbc.sql("UPDATE cases.case SET statutory_deadline = DATE '2020-01-02' WHERE reference IN (:refs)")
                .param("refs", references).update();
    }

    @Test
    void overdueApplicationsAreCountedByCatalogueItemWhateverTheirTitles() throws Exception {
        var applicant = new CurrentUser("overdue-test", "测试", Set.of(Role.APPLICANT), null, null);
        var references = new java.util.ArrayList<String>();
        for (var title : java.util.List.of("旧标题：犬只登记", "犬只登记（改名后）")) {
            references.add(cases.open(new OpenCase("service-application", title,
                    Map.of("item", "dog-registration"), "fz-overdue-test", true), applicant, applicant).reference());
        }
        overdue(references);
        var itemName = catalog.find("dog-registration").orElseThrow().name().zh();
        mvc.perform(get("/supervisor/dashboard").with(as(SUPERVISOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.matchesPattern(
                        "(?s).*fz-overdue-test · " + java.util.regex.Pattern.quote(itemName)
                                + "</th>\\s*<td>[^<]*</td>\\s*<td data-value=\"2\">2</td>.*")))
                .andExpect(content().string(not(containsString("旧标题"))));
    }

    @Test
    void theDashboardNamesDepartmentsInTheTablesAndSoInTheCharts() throws Exception {
        var applicant = new CurrentUser("department-names-test", "测试", Set.of(Role.APPLICANT), null, null);
        var references = new java.util.ArrayList<String>();
        // named by the catalogue (the department that decides the item) and by the bundles (the 12345 centre)
        references.add(cases.open(new OpenCase("service-application", "老年人公交卡",
                Map.of("item", "senior-bus-card"), "fz-civil-affairs", true), applicant, applicant).reference());
        references.add(cases.open(new OpenCase("citizen-request", "路灯不亮", Map.of("text", "路灯不亮"), "fz-12345",
                true), applicant, applicant).reference());
        overdue(references);
        var item = catalog.find("senior-bus-card").orElseThrow();
        // the charts take their labels from the tables' row headers (js/dashboard.js)
        mvc.perform(get("/supervisor/dashboard").with(as(SUPERVISOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<th scope=\"row\">福州市民政局</th>")))
                .andExpect(content().string(containsString("<th scope=\"row\">福州市12345便民服务平台</th>")))
                .andExpect(content().string(containsString("<th scope=\"row\">福州市民政局 · "
                        + item.name().zh() + "</th>")))
                .andExpect(content().string(not(containsString(">fz-civil-affairs"))))
                .andExpect(content().string(not(containsString(">fz-12345"))));
        mvc.perform(get("/supervisor/dashboard").with(as(SUPERVISOR)).param("lang", "en"))
                .andExpect(content().string(containsString("<th scope=\"row\">Fuzhou Civil Affairs Bureau</th>")))
                .andExpect(content().string(containsString(
                        "<th scope=\"row\">Fuzhou 12345 Citizen Service Hotline</th>")))
                .andExpect(content().string(containsString("<th scope=\"row\">Fuzhou Civil Affairs Bureau · "
                        + org.springframework.web.util.HtmlUtils.htmlEscape(item.name().en()) + "</th>")));
    }

    @Test
    void theInboxAndTheCaseShowTheAssigneeAndTheDepartmentByName() throws Exception {
        var applicant = new CurrentUser("assignee-test", "测试", Set.of(Role.APPLICANT), null, null);
        var opened = cases.open(new OpenCase("licensing", "食品经营许可", Map.of("licence", "JY1"), "fz-approval",
                true), applicant, applicant);
        cases.assign(opened.reference(), "officer", OFFICER);
        mvc.perform(get("/officer/inbox").with(as(OFFICER)))
                .andExpect(content().string(containsString("<td>林秀英</td>")));
        mvc.perform(get("/officer/cases/" + opened.reference()).with(as(OFFICER)))
                .andExpect(content().string(containsString("<dd>林秀英</dd>")))
                .andExpect(content().string(containsString("工作人员 林秀英")))
                .andExpect(content().string(containsString("<q>林秀英</q>")))
                .andExpect(content().string(containsString("<dd>福州市行政审批服务局</dd>")))
                .andExpect(content().string(not(containsString(">fz-approval<"))));
    }

    @Test
    void englishOnRequestFromTheBundles() throws Exception {
        mvc.perform(get("/services/elderly-card").param("lang", "en"))
                .andExpect(content().string(containsString("Who may apply")))
                .andExpect(content().string(containsString("Senior citizen")));
    }
}

package cn.youfu.web;

import static cn.youfu.web.WebPagesIntegrationTest.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.youfu.YoufuIntegrationTest;
import cn.youfu.approval.Decision;
import cn.youfu.approval.DecisionView;
import cn.youfu.identity.CurrentUser;
import cn.youfu.identity.Role;
import cn.youfu.materials.TestSetGenerator;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.unit.DataSize;

/**
 * The senior bus card through the pages: the ID card photo is uploaded with the form (refusals shown next to the
 * field, nothing else lost), the decision is made at once, and the officer's case page shows the fields read on it,
 * the form by its labels and the timeline by roles and names.
 */
@YoufuIntegrationTest
class WebMaterialsIntegrationTest {

    /** 郑玉珍, 85, Minhou hukou: old enough for the card (70, the city's rule). */
    static final String NUMBER = "350121194106180720";
    static final CurrentUser RESIDENT = new CurrentUser(NUMBER, "郑玉珍", Set.of(Role.APPLICANT), null, NUMBER);
    static final CurrentUser CIVIL_OFFICER = new CurrentUser("civil-officer", "吴民安", Set.of(Role.OFFICER),
            "fz-civil-affairs", null);
    static final CurrentUser OTHER_OFFICER = new CurrentUser("officer", "林秀英", Set.of(Role.OFFICER),
            "fz-approval", null);
    static final CurrentUser OTHER_RESIDENT = new CurrentUser("350104196505200111", "林春生", Set.of(Role.APPLICANT),
            null, "350104196505200111");

    @Autowired
    cn.youfu.certificates.Certificates certificates;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    static MockMultipartFile ownCard() throws Exception {
        var png = new ByteArrayOutputStream();
        ImageIO.write(TestSetGenerator.idCard("郑玉珍", "汉", "福建省闽侯县甘蔗街道12号", NUMBER), "png", png);
        return new MockMultipartFile("material-id-card-front", "身份证.png", "image/png", png.toByteArray());
    }

    long stored() {
        return jdbc.sql("SELECT count(*) FROM materials.material").query(Long.class).single();
    }

    @Test
    void theFormAsksForTheIdCardPhotoWithItsLimits() throws Exception {
        mvc.perform(get("/services/senior-bus-card/apply").with(as(RESIDENT)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("enctype=\"multipart/form-data\"")))
                .andExpect(content().string(containsString("type=\"file\"")))
                .andExpect(content().string(containsString("id=\"m-id-card-front\"")))
                .andExpect(content().string(containsString("aria-describedby=\"m-id-card-front-hint\"")))
                .andExpect(content().string(containsString("JPEG、PNG 图片或 PDF 文件，不超过 10 MB")));
    }

    @Test
    void aRefusedFileIsExplainedNextToTheFieldAndTheFormKept() throws Exception {
        var before = stored();
        var text = new MockMultipartFile("material-id-card-front", "card.jpg", "image/jpeg",
                "not a photo at all".getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/services/senior-bus-card/apply").file(text).param("phone", "13800000000")
                        .with(as(RESIDENT)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"m-id-card-front-error\"")))
                .andExpect(content().string(containsString("aria-invalid=\"true\"")))
                .andExpect(content().string(containsString("请上传 JPEG、PNG 照片或 PDF 文件")))
                .andExpect(content().string(not(containsString("text/plain"))))
                .andExpect(content().string(containsString("value=\"13800000000\"")));
        assertThat(stored()).as("nothing of a refused upload is stored").isEqualTo(before);
        // no file at all: asked for in words, next to the field
        mvc.perform(multipart("/services/senior-bus-card/apply").param("phone", "13800000000")
                        .with(as(RESIDENT)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请上传“本人居民身份证人像面照片”。")));
    }

    @Test
    void aFileOverTheServletCeilingIsRefusedOnTheFormNotOnAnErrorPage(
            @Value("${spring.servlet.multipart.max-file-size}") DataSize ceiling) throws Exception {
        var session = new MockHttpSession();
        // a body the servlet would not parse (so not even its CSRF token could be read)
        mvc.perform(post("/services/senior-bus-card/apply").session(session).with(as(RESIDENT))
                        .contentType("multipart/form-data; boundary=youfu")
                        .content(new byte[Math.toIntExact(ceiling.toBytes() + 1)]))
                .andExpect(status().isSeeOther())
                .andExpect(redirectedUrl("/services/senior-bus-card/apply"));
        mvc.perform(get("/services/senior-bus-card/apply").session(session).with(as(RESIDENT)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"m-id-card-front-error\"")))
                .andExpect(content().string(containsString(
                        "aria-describedby=\"m-id-card-front-hint m-id-card-front-error\"")))
                .andExpect(content().string(containsString("文件超过 10 MB，请压缩后重新上传")));
        // once: the form asked for again is plain
        mvc.perform(get("/services/senior-bus-card/apply").session(session).with(as(RESIDENT)))
                .andExpect(content().string(not(containsString("m-id-card-front-error"))));
        // a body under the ceiling is the application's own business (here: no CSRF token, refused)
        mvc.perform(post("/services/senior-bus-card/apply").session(session).with(as(RESIDENT))
                        .contentType("multipart/form-data; boundary=youfu").content(new byte[10]))
                .andExpect(status().isForbidden());
    }

    @Test
    void anUploadedPhotoIsKeptWhenAFieldIsWrong() throws Exception {
        var page = mvc.perform(multipart("/services/senior-bus-card/apply").file(ownCard()).param("phone", "12345")
                        .with(as(RESIDENT)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"f-phone-error\"")))
                .andExpect(content().string(containsString("已上传“身份证.png”")))
                .andExpect(content().string(containsString("name=\"material-id-id-card-front\"")))
                .andReturn().getResponse().getContentAsString();
        var id = page.replaceAll("(?s).*name=\"material-id-id-card-front\" value=\"([^\"]+)\".*", "$1");
        var decided = mvc.perform(multipart("/services/senior-bus-card/apply").param("phone", "13800000000")
                        .param("material-id-id-card-front", id).param("material-name-id-card-front", "身份证.png")
                        .with(as(RESIDENT)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        var decision = (DecisionView) decided.getFlashMap().get("decision");
        assertThat(decision.decision()).isNotNull();
    }

    @Test
    void theResidentSeesTheDecisionAndTheOfficerTheFieldsRead() throws Exception {
        cn.youfu.certificates.TestCertificates.revokeAll(certificates, RESIDENT.subjectId());
        var decided = mvc.perform(multipart("/services/senior-bus-card/apply").file(ownCard())
                        .param("phone", "13800000000").with(as(RESIDENT)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        var decision = (DecisionView) decided.getFlashMap().get("decision");
        assertThat(decision.decision()).isEqualTo(Decision.APPROVED);
        mvc.perform(get("/applications/" + decision.reference()).with(as(RESIDENT))
                        .flashAttrs(decided.getFlashMap()))
                .andExpect(content().string(containsString("您提交的材料")))
                .andExpect(content().string(containsString("本人居民身份证人像面照片：作出决定时已识读")));
        // a reading that finished after the decision's wait: the page says what the decision rested on, then now
        var late = new java.util.HashMap<String, Object>(decided.getFlashMap());
        late.put("submitted", java.util.List.of(new ServicePages.Submitted("本人居民身份证人像面照片", "PENDING", "READ")));
        mvc.perform(get("/applications/" + decision.reference()).with(as(RESIDENT)).flashAttrs(late))
                .andExpect(content().string(containsString(
                        "本人居民身份证人像面照片：作出决定时尚未识读完毕，决定没有依据其内容；之后已识读完毕")))
                .andExpect(content().string(not(containsString("：作出决定时已识读"))));
        mvc.perform(get("/applications/" + decision.reference()).with(as(RESIDENT)).param("lang", "en")
                        .flashAttrs(late))
                .andExpect(content().string(containsString("Not yet read when the decision was made: the decision "
                        + "did not rest on its contents; read since")));

        var page = mvc.perform(get("/officer/cases/" + decision.reference()).with(as(CIVIL_OFFICER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("公民身份号码")))
                .andExpect(content().string(containsString("置信度")))
                .andExpect(content().string(containsString("<dt>联系电话</dt>")))
                .andExpect(content().string(not(containsString("<dt>phone</dt>"))))
                .andExpect(content().string(containsString("申请人 郑**")))
                .andReturn().getResponse().getContentAsString();
        var timeline = page.substring(page.indexOf("id=\"timeline-heading\""));
        assertThat(timeline).doesNotContain(NUMBER).contains("有福平台");
        var file = page.replaceAll("(?s).*href=\"(/materials/[^\"]+/file)\".*", "$1");
        assertThat(file).startsWith("/materials/");
        mvc.perform(get(file).with(as(CIVIL_OFFICER)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("Cache-Control", "private, no-store"));
        mvc.perform(get(file).with(as(RESIDENT))).andExpect(status().isOk());
        // the officer's read of the photo is recorded on the case's stream; the resident's own is not
        assertThat(jdbc.sql("""
                        SELECT actor || ' ' || (payload::jsonb ->> 'purpose') FROM audit.entry
                        WHERE stream = ? AND action = 'material.personal-data-viewed'""")
                .param(decision.reference()).query(String.class).list()).containsExactly("civil-officer file");
        // the resident's own case page lists the material and its file, not the officer's table of fields
        mvc.perform(get("/my/cases/" + decision.reference()).with(as(RESIDENT)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"" + file + "\"")))
                .andExpect(content().string(not(containsString("class=\"fields\""))));
        // another department's officer and another resident: the same "not found" as for no material at all
        mvc.perform(get(file).with(as(OTHER_OFFICER))).andExpect(status().isNotFound());
        mvc.perform(get(file).with(as(OTHER_RESIDENT))).andExpect(status().isNotFound());
        mvc.perform(get("/officer/cases/" + decision.reference()).with(as(CIVIL_OFFICER)).param("lang", "en"))
                .andExpect(content().string(containsString("ID number")))
                .andExpect(content().string(containsString("Phone number")))
                .andExpect(content().string(containsString("Applicant 郑**")));
    }
}

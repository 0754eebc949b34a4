package cn.youfu;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** Test helper: signs in demo accounts through the real token endpoint. */
public final class Api {

    public static final String DEMO_PASSWORD = "youfu-demo";

    private Api() {
    }

    public static String token(MockMvc mvc, String username) throws Exception {
        var body = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + username + "\",\"password\":\"" + DEMO_PASSWORD + "\"}"))
                .andReturn().getResponse().getContentAsString();
        return JsonMapper.builder().build().readTree(body).get("access_token").asString();
    }

    public static String bearer(MockMvc mvc, String username) throws Exception {
        return "Bearer " + token(mvc, username);
    }
}

package cn.youfu.platform;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where people reach Youfu from outside, for links printed on paper or sent in messages (QR codes, notifications).
 *
 * @param publicBaseUrl {@code YOUFU_PUBLIC_BASE_URL}: scheme, host and optional path prefix, without a trailing
 *                      slash being required (default {@code http://localhost:8080})
 */
@ConfigurationProperties("youfu")
public record PublicSiteSettings(@DefaultValue("http://localhost:8080") URI publicBaseUrl) {

    /** The absolute public address of {@code path} (which starts with {@code /}). */
    public String link(String path) {
        String base = publicBaseUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }
}

package cn.youfu.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings every module may read.
 *
 * @param mode    {@code YOUFU_MODE}: {@code demo} (default) or {@code production}
 * @param dataDir {@code YOUFU_DATA_DIR}: where the embedded database and generated keys live (default {@code ./data})
 */
@ConfigurationProperties("youfu")
public record YoufuSettings(@DefaultValue("demo") Mode mode, @DefaultValue("./data") Path dataDir) {

    public boolean demo() {
        return mode == Mode.DEMO;
    }
}

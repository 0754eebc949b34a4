package cn.youfu.identity.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param tokenTtl how long a token from the demo issuer stays valid
 */
@ConfigurationProperties("youfu.identity")
record IdentitySettings(@DefaultValue("8h") Duration tokenTtl) {
}

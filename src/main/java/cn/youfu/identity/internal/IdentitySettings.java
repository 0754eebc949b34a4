package cn.youfu.identity.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param tokenTtl             how long a token from the demo issuer stays valid
 * @param failedSignIns        failed password sign-ins (demo token endpoint, demo sign-in form) one client address
 *                             may make per {@code signInWindow}; then its sign-ins are refused (429) until the
 *                             window has passed
 * @param platformSignIns      sign-ins through the identity platform (start and return) one client address may
 *                             begin per {@code signInWindow}: each makes a session
 * @param signInWindow         the window of both limits
 */
@ConfigurationProperties("youfu.identity")
record IdentitySettings(@DefaultValue("8h") Duration tokenTtl, @DefaultValue("10") int failedSignIns,
                        @DefaultValue("30") int platformSignIns, @DefaultValue("1m") Duration signInWindow) {
}

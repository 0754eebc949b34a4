package cn.youfu.platform;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code --youfu.command=…} runs one administrative command (e.g. {@code verify-ledger}) instead of the service:
 * no web server, no timers, only errors on the console besides the command's own output. Explicit
 * arguments still win.
 */
class CommandMode implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        var command = environment.getProperty("youfu.command");
        if (command == null || command.isBlank()) {
            return;
        }
        environment.getPropertySources().addLast(new MapPropertySource("youfu-command-mode", Map.of(
                "spring.main.web-application-type", "none",
                "db-scheduler.enabled", "false",
                "logging.threshold.console", "error")));
    }
}

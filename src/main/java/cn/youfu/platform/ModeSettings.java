package cn.youfu.platform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The one source of truth for the run mode is {@code youfu.mode}; the Spring profile of the same name follows it and
 * may also set it: {@code application.yaml} activates the profile {@code ${youfu.mode}}, and
 * {@code application-production.yaml} sets {@code youfu.mode: production}, so {@code YOUFU_MODE=production} and
 * {@code SPRING_PROFILES_ACTIVE=production} (or {@code prod}, a group that includes it) each mean production.
 * Checked once the configuration is read, before any bean exists:
 * <ul>
 *   <li>a contradiction refuses to start: an explicit {@code YOUFU_MODE=demo} beside a production profile, a
 *       {@code demo} profile in production, or production without its profile (its settings file unread);</li>
 *   <li>production lists every setting it lacks at once ({@link ProductionSettings}).</li>
 *   <li>production's management port of its own ({@code YOUFU_MANAGEMENT_PORT}) listens on loopback unless told
 *       otherwise.</li>
 * </ul>
 */
class ModeSettings implements EnvironmentPostProcessor {

    static final Set<String> PRODUCTION_PROFILES = Set.of("production", "prod");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        var value = environment.getProperty("youfu.mode", "demo");
        var mode = mode(value);
        if (mode == null) {
            return; // not a mode: binding YoufuSettings names the setting and its values
        }
        if (!value.equals(mode.name().toLowerCase(Locale.ROOT))) {
            // the profile of the same name is looked up as written, and application-PRODUCTION.yaml does not exist
            throw new StartupRefusal("YOUFU_MODE=" + value + " is not written as Youfu's modes are",
                    List.of(new StartupRefusal.Reason("The mode doubles as the Spring profile, whose name is exact.",
                            "Write YOUFU_MODE=" + mode.name().toLowerCase(Locale.ROOT) + ".")));
        }
        var profiles = List.of(environment.getActiveProfiles());
        var contradictions = contradictions(mode, profiles);
        if (!contradictions.isEmpty()) {
            throw new StartupRefusal("Youfu's mode is contradictory (youfu.mode=" + mode.name().toLowerCase(Locale.ROOT)
                    + ", Spring profiles " + profiles + ")", contradictions);
        }
        if (mode == Mode.PRODUCTION) {
            managementOnLoopbackUnlessSaid(environment);
            var missing = ProductionSettings.missing(environment);
            if (!missing.isEmpty()) {
                throw new StartupRefusal("YOUFU_MODE=production lacks " + missing.size() + " setting"
                        + (missing.size() == 1 ? "" : "s"), missing);
            }
        }
    }

    /** A management port of its own listens on loopback only, unless {@code MANAGEMENT_SERVER_ADDRESS} says where. */
    private static void managementOnLoopbackUnlessSaid(ConfigurableEnvironment environment) {
        var port = environment.getProperty("management.server.port", "");
        if (!port.isBlank() && environment.getProperty("management.server.address", "").isBlank()) {
            environment.getPropertySources().addFirst(new MapPropertySource("youfu-management-loopback",
                    Map.of("management.server.address", "127.0.0.1")));
        }
    }

    static List<StartupRefusal.Reason> contradictions(Mode mode, List<String> profiles) {
        var reasons = new ArrayList<StartupRefusal.Reason>();
        boolean productionProfile = profiles.stream().anyMatch(PRODUCTION_PROFILES::contains);
        if (mode == Mode.DEMO && productionProfile) {
            reasons.add(new StartupRefusal.Reason("The Spring profile " + profiles
                    + " means production, but YOUFU_MODE (youfu.mode) says demo.",
                    "Remove YOUFU_MODE=demo (the profile then sets production), or set YOUFU_MODE=production."));
        }
        if (mode == Mode.PRODUCTION && profiles.contains("demo")) {
            reasons.add(new StartupRefusal.Reason("The Spring profile demo is active in production.",
                    "Remove demo from SPRING_PROFILES_ACTIVE (spring.profiles.active)."));
        }
        if (mode == Mode.PRODUCTION && !profiles.contains("production")) {
            reasons.add(new StartupRefusal.Reason("YOUFU_MODE=production, but SPRING_PROFILES_ACTIVE=" + profiles
                    + " leaves out the profile production, whose settings (structured logs, proxy headers, "
                    + "the management port) would not be read.",
                    "Add production to SPRING_PROFILES_ACTIVE (e.g. production," + String.join(",", profiles)
                            + "), or leave SPRING_PROFILES_ACTIVE unset."));
        }
        return reasons;
    }

    private static Mode mode(String value) {
        return Arrays.stream(Mode.values()).filter(m -> m.name().equalsIgnoreCase(value.trim())).findFirst()
                .orElse(null);
    }
}

package cn.youfu.sources.internal;

import cn.youfu.sources.SourceAnswers;
import cn.youfu.platform.YoufuSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One connector per source, chosen at start-up: HTTP when {@code youfu.sources.<name>.url} is set, embedded
 * otherwise; both behind the outage switch. Production reads every source from the data-sharing platform: a
 * source without its address refuses the start, for the embedded tables are what an administrator could write.
 */
@Component
class Connectors {

    private static final Logger log = LoggerFactory.getLogger(Connectors.class);

    private final Map<String, SourceConnector<?>> byName = new LinkedHashMap<>();

    Connectors(Environment environment, JdbcClient jdbc, SourceAnswers answers, SourceAvailability availability,
               YoufuSettings youfu) {
        var binder = Binder.get(environment);
        var unconfigured = new ArrayList<String>();
        for (var definition : SourceCatalog.ALL) {
            var settings = binder.bindOrCreate("youfu.sources." + definition.name(), ConnectorSettings.class);
            if (!settings.http()) {
                unconfigured.add("YOUFU_SOURCES_" + definition.name().toUpperCase(Locale.ROOT).replace("-", "")
                        + "_URL");
            }
            byName.put(definition.name(), create(definition, settings, jdbc, answers, availability));
        }
        if (!youfu.demo() && !unconfigured.isEmpty()) {
            throw new InvalidConfigurationPropertyValueException("youfu.sources", String.join(", ", unconfigured),
                    "YOUFU_MODE=production reads every data source from the data-sharing platform; set "
                            + String.join(", ", unconfigured) + " to each source's address (docs/demo-data.md).");
        }
    }

    private static <T> SourceConnector<T> create(SourceDefinition<T> definition, ConnectorSettings settings,
                                                 JdbcClient jdbc, SourceAnswers answers,
                                                 SourceAvailability availability) {
        SourceConnector<T> behind;
        if (settings.http()) {
            log.info("Source {} reads {} over HTTP", definition.name(), settings.url());
            behind = new HttpConnector<>(definition, settings, answers);
        } else {
            behind = new EmbeddedConnector<>(definition, jdbc, answers);
        }
        return new SwitchedConnector<>(definition.name(), behind, availability, answers);
    }

    @SuppressWarnings("unchecked")
    <T> SourceConnector<T> of(SourceDefinition<T> definition) {
        return (SourceConnector<T>) byName.get(definition.name());
    }

    SourceConnector<?> of(String name) {
        return byName.get(name);
    }
}

package cn.youfu.sources;

import cn.youfu.audit.AuditedAction;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** What happens to the sources, as past-tense events recorded in the ledger (stream {@code sources:<name>}). */
public final class SourceEvents {

    private SourceEvents() {
    }

    /** The ledger stream of a source. */
    public static String stream(String source) {
        return "sources:" + source;
    }

    /** An action on one source, recorded in the source's stream. */
    public interface SourceAction extends AuditedAction {

        /** The source's name, e.g. {@code population}. */
        String source();

        @Override
        default String stream() {
            return SourceEvents.stream(source());
        }
    }

    /**
     * An administrator uploaded records (CSV) to an embedded source; all of them were applied.
     *
     * @param sm3 the SM3 hash (hex) of the uploaded bytes
     */
    public record RecordsUploaded(String source, String actor, Instant at, int inserted, int updated, String sm3)
            implements SourceAction {
        @Override
        public String action() {
            return "sources.records-uploaded";
        }

        @Override
        public Object payload() {
            var map = new LinkedHashMap<String, Object>();
            map.put("inserted", inserted);
            map.put("updated", updated);
            map.put("sm3", sm3);
            return map;
        }
    }

    /** An administrator switched a source off (to simulate an outage) or on again. */
    public record AvailabilityChanged(String source, String actor, Instant at, boolean available)
            implements SourceAction {
        @Override
        public String action() {
            return available ? "sources.switched-on" : "sources.switched-off";
        }

        @Override
        public Object payload() {
            return Map.of("available", available);
        }
    }
}

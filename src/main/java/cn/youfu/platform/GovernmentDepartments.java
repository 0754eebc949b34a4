package cn.youfu.platform;

import cn.youfu.platform.definitions.YamlTree;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The government bodies cases are sent to, from {@code departments/departments.yaml}: the city's departments, and
 * for each district and county its departments of the kinds that decide there (a district's market regulation
 * administration, {@code gl-market-regulation}), with the people's government each answers to. Loaded once; a file it
 * cannot use stops start-up with the line. Immutable and thread-safe; Spring offers the one instance as a bean.
 */
public final class GovernmentDepartments {

    static final String FILE = "departments/departments.yaml";

    /** The level a body belongs to: the city, a district, or a county (county-level city included). */
    public enum Level { CITY, DISTRICT, COUNTY }

    /**
     * A body.
     *
     * @param division   the division code of the government it belongs to ({@code 350100} for the city's)
     * @param kind       the kind of body where it exists at every level (e.g. {@code market-regulation}); null for the
     *                   city's other departments
     * @param government the people's government it answers to, which hears a reconsideration of its acts
     */
    public record Department(String code, LocalizedText name, Level level, String division, String kind,
                             LocalizedText government) {
    }

    private final Map<String, Department> byCode;
    private final Map<String, Department> byKindAndDivision;
    private final Map<String, LocalizedText> kinds;

    private GovernmentDepartments(Map<String, Department> byCode, Map<String, Department> byKindAndDivision,
                                  Map<String, LocalizedText> kinds) {
        this.byCode = Collections.unmodifiableMap(byCode);
        this.byKindAndDivision = Collections.unmodifiableMap(byKindAndDivision);
        this.kinds = Map.copyOf(kinds);
    }

    private static final class Holder {
        static final GovernmentDepartments STANDARD = load();
    }

    /** The bodies shipped with Youfu, read on first use. */
    public static GovernmentDepartments standard() {
        return Holder.STANDARD;
    }

    public Optional<Department> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    /** The body of {@code kind} of the district or county {@code division}; empty when it has none. */
    public Optional<Department> of(String kind, String division) {
        return Optional.ofNullable(byKindAndDivision.get(kind + "@" + division));
    }

    /** Whether districts and counties have bodies of {@code kind}. */
    public boolean hasKind(String kind) {
        return kinds.containsKey(kind);
    }

    /** What a body of {@code kind} is called, without its government's name (市场监督管理局); empty if unknown. */
    public Optional<LocalizedText> kindName(String kind) {
        return Optional.ofNullable(kind == null ? null : kinds.get(kind));
    }

    private static GovernmentDepartments load() {
        try (var in = GovernmentDepartments.class.getClassLoader().getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException("the list of government departments " + FILE + " is missing");
            }
            return read(YamlTree.parse(FILE, new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILE, e);
        }
    }

    static GovernmentDepartments read(YamlTree root) {
        root.allowOnly(Set.of("governments", "kinds", "city"));
        var governments = root.get("governments").entries();
        var city = governments.get(DivisionCodes.FUZHOU);
        if (city == null) {
            throw root.get("governments").error("the city's government (" + DivisionCodes.FUZHOU + ") is missing");
        }
        var byCode = new LinkedHashMap<String, Department>();
        root.get("city").entries().forEach((code, node) -> byCode.put(code, new Department(code,
                node.allowOnly(Set.of("zh", "en")).localized(), Level.CITY, DivisionCodes.FUZHOU, null,
                government(city))));
        var byKind = new LinkedHashMap<String, Department>();
        var kinds = root.get("kinds").entries();
        var kindNames = new LinkedHashMap<String, LocalizedText>();
        kinds.forEach((kind, node) -> {
            node.allowOnly(Set.of("zh", "en", "city"));
            kindNames.put(kind, node.localized());
            var cityDepartment = byCode.get(node.text("city"));
            if (cityDepartment == null) {
                throw node.get("city").error("kind '" + kind + "' names the unknown city department '"
                        + node.text("city") + "'");
            }
            byCode.put(cityDepartment.code(), new Department(cityDepartment.code(), cityDepartment.name(),
                    Level.CITY, DivisionCodes.FUZHOU, kind, cityDepartment.government()));
            governments.forEach((division, government) -> local(kind, node, division, government)
                    .ifPresent(d -> {
                        byCode.put(d.code(), d);
                        byKind.put(kind + "@" + division, d);
                    }));
        });
        return new GovernmentDepartments(byCode, byKind, kindNames);
    }

    /** The department of {@code kind} of a district's or county's government; none for the city's own. */
    private static Optional<Department> local(String kind, YamlTree kindNode, String division, YamlTree government) {
        government.allowOnly(Set.of("code", "level", "zh", "en", "names-zh", "names-en"));
        var level = switch (government.text("level")) {
            case "city" -> Level.CITY;
            case "district" -> Level.DISTRICT;
            case "county" -> Level.COUNTY;
            default -> throw government.get("level").error("level must be city, district or county");
        };
        if (level == Level.CITY) {
            return Optional.empty();
        }
        var name = new LocalizedText(government.text("names-zh") + kindNode.text("zh"),
                government.text("names-en") + " " + kindNode.text("en"));
        return Optional.of(new Department(government.text("code") + "-" + kind, name, level, division, kind,
                government(government)));
    }

    private static LocalizedText government(YamlTree node) {
        return new LocalizedText(node.text("zh"), node.text("en"));
    }
}

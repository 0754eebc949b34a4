package cn.youfu.catalog.internal;

import cn.youfu.catalog.ServiceItem;
import cn.youfu.catalog.ServiceItem.ApplicantType;
import cn.youfu.catalog.ServiceItem.CertificateSpec;
import cn.youfu.catalog.ServiceItem.Condition;
import cn.youfu.catalog.ServiceItem.Fee;
import cn.youfu.catalog.ServiceItem.FieldType;
import cn.youfu.catalog.ServiceItem.FormField;
import cn.youfu.catalog.ServiceItem.IssuedBy;
import cn.youfu.catalog.ServiceItem.LegalBasis;
import cn.youfu.catalog.ServiceItem.Material;
import cn.youfu.catalog.ServiceItem.OnFail;
import cn.youfu.catalog.ServiceItem.DayUnit;
import cn.youfu.catalog.ServiceItem.PromisedLimit;
import cn.youfu.catalog.ServiceItem.StatutoryLimit;
import cn.youfu.catalog.ServiceItem.TimeLimit;
import cn.youfu.platform.GovernmentDepartments;
import cn.youfu.platform.LocalizedText;
import cn.youfu.platform.definitions.Citations;
import cn.youfu.platform.definitions.DefinitionException;
import cn.youfu.platform.definitions.YamlTree;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Reads the service items ({@code catalog/*.yaml}) and compiles their rules. The first problem — bad YAML, an unknown
 * key, a rule that does not compile, a source nobody provides — stops start-up with the file and line.
 */
final class CatalogLoader {

    static final String FOLDER = "catalog";

    /** The data sources a condition may require (the {@code sources} module provides them). */
    static final Set<String> KNOWN_SOURCES = Set.of("population", "marriage", "education", "social-insurance",
            "enterprise", "e-licence", "benefits", "real-estate", "credit", "police-records");

    private static final Set<String> TOP = Set.of("code", "version", "name", "department", "department-name",
            "applicant", "category", "summary", "who-may-apply", "legal-basis", "time-limit", "fee", "form",
            "materials", "sources", "conditions", "case-type", "certificate", "issued-by");

    /** An item with its compiled rules, by condition id. */
    record Compiled(ServiceItem item, Map<String, CelRules.Rule> rules, Map<String, CelRules.Rule> explanations) {
    }

    private static final GovernmentDepartments DEPARTMENTS = GovernmentDepartments.standard();

    private final CelRules cel;

    CatalogLoader(CelRules cel) {
        this.cel = cel;
    }

    List<Compiled> loadClasspath() {
        try {
            var items = new ArrayList<Compiled>();
            var codes = new HashSet<String>();
            for (var resource : new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:" + FOLDER + "/*.yaml")) {
                var file = FOLDER + "/" + resource.getFilename();
                try (var reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
                    var compiled = load(file, reader);
                    if (!codes.add(compiled.item().code())) {
                        throw new DefinitionException(file, 1, "item code '" + compiled.item().code()
                                + "' is declared by another file too");
                    }
                    items.add(compiled);
                }
            }
            return items;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the service catalogue", e);
        }
    }

    Compiled load(String file, Reader reader) {
        var root = YamlTree.parse(file, reader).allowOnly(TOP);
        var code = root.text("code");
        if (!code.matches("[a-z][a-z0-9-]{1,60}")) {
            throw root.get("code").error("code must be lower-case letters, digits and hyphens, got '" + code + "'");
        }
        var sources = new LinkedHashSet<>(root.texts("sources"));
        for (var source : sources) {
            if (!KNOWN_SOURCES.contains(source)) {
                throw root.get("sources").error("unknown source '" + source + "' (known: "
                        + String.join(", ", KNOWN_SOURCES.stream().sorted().toList()) + ")");
            }
        }
        var rules = new HashMap<String, CelRules.Rule>();
        var explanations = new HashMap<String, CelRules.Rule>();
        var conditions = new ArrayList<Condition>();
        var ids = new HashSet<String>();
        for (var node : root.get("conditions").items()) {
            node.allowOnly(Set.of("id", "zh", "en", "basis", "requires", "on-fail", "when-absent", "rule",
                    "explain"));
            var id = node.text("id");
            if (!ids.add(id)) {
                throw node.error("condition '" + id + "' is declared twice");
            }
            var requires = new LinkedHashSet<>(node.texts("requires"));
            for (var source : requires) {
                if (!sources.contains(source)) {
                    throw node.get("requires").error("condition '" + id + "' requires source '" + source
                            + "', which the item does not list under 'sources'");
                }
            }
            var onFail = switch (node.textOr("on-fail", "reject")) {
                case "reject" -> OnFail.REJECT;
                case "manual" -> OnFail.MANUAL;
                default -> throw node.get("on-fail").error("on-fail must be 'reject' or 'manual'");
            };
            var rule = node.text("rule");
            try {
                rules.put(id, cel.condition(rule));
            } catch (IllegalArgumentException e) {
                throw node.get("rule").error("rule of condition '" + id + "' does not compile: " + e.getMessage());
            }
            var explain = node.textOr("explain", null);
            if (explain != null) {
                try {
                    explanations.put(id, cel.explanation(explain));
                } catch (IllegalArgumentException e) {
                    throw node.get("explain").error("explanation of condition '" + id + "' does not compile: "
                            + e.getMessage());
                }
            }
            boolean checksPresence = switch (node.textOr("when-absent", "unknown")) {
                case "unknown" -> false;
                case "evaluate" -> true;
                default -> throw node.get("when-absent").error("when-absent must be 'unknown' or 'evaluate'");
            };
            conditions.add(new Condition(id, node.localized(), basis(node.get("basis")), Set.copyOf(requires), onFail,
                    rule, explain, checksPresence));
        }
        if (conditions.isEmpty()) {
            throw root.get("conditions").error("an item needs at least one condition");
        }
        var item = new ServiceItem(code, root.integer("version", 1, 10_000), localized(root.get("name")),
                root.text("department"), localized(root.get("department-name")), applicantType(root.get("applicant")),
                localized(root.get("category")), localized(root.get("summary")), localized(root.get("who-may-apply")),
                root.get("legal-basis").items().stream().map(CatalogLoader::basis).toList(),
                timeLimit(root.get("time-limit")), fee(root.get("fee")), form(root), materials(root),
                Set.copyOf(sources), List.copyOf(conditions), root.textOr("case-type", "service-application"),
                root.optional("certificate").map(CatalogLoader::certificate).orElse(null), issuedBy(root));
        return new Compiled(item, Map.copyOf(rules), Map.copyOf(explanations));
    }

    /**
     * Who issues the item: the city's department (it must be a known government department), or below the city the
     * department of the given kind in each district and county, which must exist there.
     */
    private static IssuedBy issuedBy(YamlTree root) {
        var department = root.get("department");
        if (DEPARTMENTS.find(department.text()).isEmpty()) {
            throw department.error("unknown department '" + department.text() + "' (see "
                    + "departments/departments.yaml)");
        }
        var node = root.optional("issued-by").orElse(null);
        if (node == null) {
            return IssuedBy.CITY;
        }
        node.allowOnly(Set.of("level", "kind", "district-from"));
        return switch (node.text("level")) {
            case "city" -> IssuedBy.CITY;
            case "district" -> {
                var kind = node.text("kind");
                if (!DEPARTMENTS.hasKind(kind)) {
                    throw node.get("kind").error("no district or county has departments of the kind '" + kind + "'");
                }
                var field = node.textOr("district-from", null);
                var fields = form(root).stream().map(FormField::name).toList();
                if (field != null && !fields.contains(field)) {
                    throw node.get("district-from").error("district-from names no field of the form: '" + field + "'");
                }
                yield new IssuedBy(ServiceItem.Level.DISTRICT, kind, field);
            }
            default -> throw node.get("level").error("level must be 'city' or 'district' (districts and counties)");
        };
    }

    private static LocalizedText localized(YamlTree node) {
        return node.allowOnly(Set.of("zh", "en")).localized();
    }

    private static ApplicantType applicantType(YamlTree node) {
        return switch (node.text()) {
            case "resident" -> ApplicantType.RESIDENT;
            case "enterprise" -> ApplicantType.ENTERPRISE;
            default -> throw node.error("applicant must be 'resident' or 'enterprise', got '" + node.text() + "'");
        };
    }

    /** A provision: the law in 《》 and its article (or, for a standard or policy document, its section). */
    private static LegalBasis basis(YamlTree node) {
        node.allowOnly(Set.of("law", "article", "text", "to-confirm"));
        var article = node.optional("article").orElseThrow(() -> node.error("a basis without an article: name the "
                + "article (第…条) of " + node.textOr("law", "the law") + " that says it"));
        boolean toConfirm = node.flag("to-confirm", false);
        var text = node.textOr("text", null);
        if (toConfirm && text != null) {
            throw node.get("text").error("a provision still to be confirmed is cited, never quoted");
        }
        return new LegalBasis(node.text("law"), article.text(), text, toConfirm);
    }

    /**
     * The item's limits. {@code statutory} is the limit the item's law sets, with its article, or {@code none} when no
     * law sets one; every limit says its unit, and a statutory limit's article must be an article (第…条).
     */
    private static TimeLimit timeLimit(YamlTree node) {
        node.allowOnly(Set.of("statutory", "promised", "extension"));
        var statutoryNode = node.get("statutory");
        var statutory = "none".equals(scalar(statutoryNode)) ? null : statutory(statutoryNode, "the statutory limit");
        var promisedNode = node.get("promised").allowOnly(Set.of("days", "unit", "basis"));
        var promised = new PromisedLimit(promisedNode.integer("days", 1, 365), unit(promisedNode, "the promised limit"),
                promisedNode.text("basis"));
        if (statutory != null && promised.days() > statutory.days()
                && (promised.unit() == statutory.unit() || promised.unit() == DayUnit.WORKING_DAYS)) {
            throw promisedNode.error("the promised limit (" + promised.days() + ") is longer than the statutory one ("
                    + statutory.days() + ")");
        }
        var extension = node.optional("extension").map(e -> statutory(e, "the extension")).orElse(null);
        if (extension != null && (statutory == null || extension.unit() != statutory.unit())) {
            throw node.get("extension").error("an extension extends the statutory limit, in its unit");
        }
        return new TimeLimit(statutory, promised, extension);
    }

    private static StatutoryLimit statutory(YamlTree node, String what) {
        node.allowOnly(Set.of("days", "unit", "basis"));
        var unit = unit(node, what);
        var basisNode = node.get("basis");
        var basis = basis(basisNode);
        if (!Citations.namesArticle(basis.article())) {
            throw basisNode.error(what + " has a basis without an article: '" + basis.cite()
                    + "' (a limit a law sets is set by an article, 第…条)");
        }
        return new StatutoryLimit(node.integer("days", 1, 365), unit, basis);
    }

    private static DayUnit unit(YamlTree node, String what) {
        return Citations.inWorkingDays(node, what) ? DayUnit.WORKING_DAYS : DayUnit.DAYS;
    }

    /** The node's text when it is a plain value, else null (a mapping). */
    private static String scalar(YamlTree node) {
        try {
            return node.text();
        } catch (DefinitionException notAValue) {
            return null;
        }
    }

    private static Fee fee(YamlTree node) {
        node.allowOnly(Set.of("amount", "zh", "en"));
        return new Fee(node.integer("amount", 0, 1_000_000), node.localized());
    }

    private static List<FormField> form(YamlTree root) {
        var fields = new ArrayList<FormField>();
        var names = new HashSet<String>();
        for (var node : root.optional("form").map(YamlTree::items).orElse(List.of())) {
            node.allowOnly(Set.of("name", "type", "required", "zh", "en", "options", "max-length"));
            var name = node.text("name");
            if (!name.matches("[a-z][a-z0-9_]{0,40}") || !names.add(name)) {
                throw node.get("name").error("field name '" + name + "' is not a snake_case name or is repeated");
            }
            FieldType type;
            try {
                type = FieldType.valueOf(node.text("type").toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw node.get("type").error("unknown field type '" + node.text("type") + "'");
            }
            var options = node.texts("options");
            if (type == FieldType.CHOICE && options.isEmpty()) {
                throw node.error("a choice field needs its options");
            }
            fields.add(new FormField(name, type, node.flag("required", false), node.localized(), options,
                    node.optional("max-length").isPresent() ? node.integer("max-length", 1, 5000) : 200));
        }
        return List.copyOf(fields);
    }

    private static List<Material> materials(YamlTree root) {
        return root.optional("materials").map(YamlTree::items).orElse(List.of()).stream().map(node -> {
            node.allowOnly(Set.of("code", "zh", "en", "required"));
            return new Material(node.text("code"), node.localized(), node.flag("required", true));
        }).toList();
    }

    private static CertificateSpec certificate(YamlTree node) {
        node.allowOnly(Set.of("type", "title", "issuing-authority", "valid-years", "benefit"));
        return new CertificateSpec(node.text("type"), localized(node.get("title")),
                localized(node.get("issuing-authority")),
                node.optional("valid-years").isPresent() ? node.integer("valid-years", 1, 100) : null,
                node.optional("benefit").map(YamlTree::text).orElse(null));
    }
}

package cn.youfu.cases.internal;

import cn.youfu.platform.definitions.DefinitionException;
import cn.youfu.platform.definitions.YamlTree;
import cn.youfu.cases.internal.CaseType.ClockRules;
import cn.youfu.cases.internal.CaseType.Extension;
import cn.youfu.cases.internal.CaseType.Limit;
import cn.youfu.cases.internal.CaseType.Remedy;
import cn.youfu.cases.internal.CaseType.RemedyStep;
import cn.youfu.cases.internal.CaseType.State;
import cn.youfu.cases.internal.CaseType.Transition;
import cn.youfu.calendar.PeriodUnit;
import cn.youfu.identity.Role;
import cn.youfu.platform.definitions.Citations;
import cn.youfu.platform.LocalizedText;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Reads case type files ({@code case-types/*.yaml}) and checks them whole: every referenced state exists, every
 * role is one Youfu knows, every non-final state can be reached and left, and the clock's rules make sense. The
 * first problem stops start-up with its file and line.
 */
final class CaseTypeLoader {

    static final String FOLDER = "case-types";

    private static final Set<String> TOP = Set.of("code", "version", "name", "department", "direct-creation",
            "initial", "clock", "states", "transitions", "basis", "remedies", "moved-by");
    private static final Set<String> NAME = Set.of("zh", "en");
    private static final Set<String> STATE = Set.of("zh", "en", "pauses-clock", "final", "basis", "remedy");
    private static final Set<String> REMEDY = Set.of("zh", "en", "basis", "steps");
    private static final Set<String> REMEDY_STEP = Set.of("kind", "within", "per", "basis", "zh", "en", "first");
    private static final Set<String> REMEDY_KINDS = Set.of("reconsideration", "litigation", "review", "re-review",
            "human-review");
    /** A final state that is no adverse decision says {@code remedy: none}. */
    static final String NO_REMEDY = "none";
    private static final Set<String> TRANSITION = Set.of("action", "zh", "en", "from", "to", "by",
            "comment-required", "basis", "once", "within", "expected-duration", "reopens", "restarts-clock",
            "through");
    private static final Set<String> CLOCK = Set.of("starts-on", "statutory", "promised", "remind-before",
            "extension");
    private static final Set<String> LIMIT = Set.of("days", "unit", "basis", "set-by");
    private static final Set<String> EXTENSION = Set.of("days", "by", "times", "basis", "set-by");

    List<CaseType> loadClasspath() {
        try {
            var types = new ArrayList<CaseType>();
            var codes = new HashSet<String>();
            for (var resource : new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:" + FOLDER + "/*.yaml")) {
                var file = FOLDER + "/" + resource.getFilename();
                try (var reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
                    var type = load(file, reader);
                    if (!codes.add(type.code())) {
                        throw new DefinitionException(file, 1, "case type code '" + type.code()
                                + "' is declared by another file too");
                    }
                    types.add(type);
                }
            }
            return types;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the case type files", e);
        }
    }

    CaseType load(String file, Reader reader) {
        var root = YamlTree.parse(file, reader);
        root.allowOnly(TOP);
        var code = root.text("code");
        if (!code.matches("[a-z][a-z0-9-]{1,40}")) {
            throw root.get("code").error("code must be lower-case letters, digits and hyphens, got '" + code + "'");
        }
        var remedies = remedies(root);
        var states = states(root.get("states"), remedies);
        var initial = root.get("initial");
        if (!states.containsKey(initial.text())) {
            throw initial.error("initial state '" + initial.text() + "' is not among the states " + states.keySet());
        }
        if (states.get(initial.text()).terminal()) {
            throw initial.error("the initial state '" + initial.text() + "' is final");
        }
        var transitions = transitions(root.get("transitions"), states);
        var clock = clock(root.get("clock"), transitions);
        var type = new CaseType(code, root.integer("version", 1, 10_000), text(root.get("name")),
                Citations.requireProvision(root.get("basis"), "the case type"), root.text("department"),
                roles(root, "direct-creation"), initial.text(), states, transitions, clock, remedies, file,
                root.optional("moved-by").map(YamlTree::text).orElse(null));
        checkReachability(root, type);
        return type;
    }

    private static LocalizedText text(YamlTree node) {
        return node.allowOnly(NAME).localized();
    }

    private static Map<String, State> states(YamlTree node, Map<String, Remedy> remedies) {
        var states = new LinkedHashMap<String, State>();
        node.entries().forEach((code, state) -> {
            state.allowOnly(STATE);
            boolean terminal = state.flag("final", false);
            states.put(code, new State(code,
                    new LocalizedText(state.text("zh"), state.optional("en").map(YamlTree::text).orElse(null)),
                    state.flag("pauses-clock", false), terminal,
                    state.optional("basis").map(b -> Citations.requireProvision(b, "state '" + code + "'"))
                            .orElse(null), remedy(code, state, terminal, remedies)));
        });
        if (states.values().stream().noneMatch(State::terminal)) {
            throw node.error("no state is final: a case of this type could never be closed");
        }
        return states;
    }

    /**
     * The remedy a final state states: every final state says which, or {@code none} when it is no adverse decision,
     * so that a refusal can never be added without its remedy.
     */
    private static String remedy(String code, YamlTree state, boolean terminal, Map<String, Remedy> remedies) {
        var remedy = state.optional("remedy");
        if (!terminal) {
            if (remedy.isPresent()) {
                throw remedy.get().error("state '" + code + "' is not final: only a final decision states a remedy");
            }
            return null;
        }
        var name = remedy.orElseThrow(() -> state.error("final state '" + code + "' does not say its remedy: "
                + "name one of the type's remedies, or 'remedy: none' when it is no adverse decision")).text();
        if (name.equals(NO_REMEDY)) {
            return null;
        }
        if (!remedies.containsKey(name)) {
            throw remedy.get().error("final state '" + code + "' names the unknown remedy '" + name + "' (known: "
                    + String.join(", ", remedies.keySet()) + ")");
        }
        return name;
    }

    private static Map<String, Remedy> remedies(YamlTree root) {
        var remedies = new LinkedHashMap<String, Remedy>();
        root.optional("remedies").map(YamlTree::entries).orElse(Map.of()).forEach((code, node) -> {
            node.allowOnly(REMEDY);
            var steps = new ArrayList<RemedyStep>();
            for (var step : node.optional("steps").map(YamlTree::items).orElse(List.of())) {
                step.allowOnly(REMEDY_STEP);
                var kind = step.text("kind");
                if (!REMEDY_KINDS.contains(kind)) {
                    throw step.get("kind").error("unknown remedy kind '" + kind + "' (known: "
                            + String.join(", ", REMEDY_KINDS.stream().sorted().toList()) + ")");
                }
                var per = step.textOr("per", null);
                if (per != null && !per.equals("days") && !per.equals("months")) {
                    throw step.get("per").error("per must be 'days' or 'months', got '" + per + "'");
                }
                if ((per == null) != step.optional("within").isEmpty()) {
                    throw step.error("a remedy's 'within' and 'per' go together: give both or, when the law sets no "
                            + "time, neither");
                }
                steps.add(new RemedyStep(kind, per == null ? null : step.integer("within", 1, 365), per,
                        Citations.requireProvision(step.get("basis"), "remedy '" + code + "'"), step.localized(),
                        step.flag("first", false)));
            }
            remedies.put(code, new Remedy(code, node.localized(),
                    Citations.requireProvision(node.get("basis"), "remedy '" + code + "'"), List.copyOf(steps)));
        });
        return remedies;
    }

    private static List<Transition> transitions(YamlTree node, Map<String, State> states) {
        var transitions = new ArrayList<Transition>();
        var seen = new HashSet<String>();
        for (var item : node.items()) {
            item.allowOnly(TRANSITION);
            var action = item.text("action");
            if (action.equals(CaseType.EXTEND)) {
                throw item.get("action").error("'extend' is reserved: declare extensions under clock.extension");
            }
            var from = new LinkedHashSet<>(item.texts("from"));
            if (from.isEmpty()) {
                throw item.error("transition '" + action + "' has no 'from' state");
            }
            boolean reopens = item.flag("reopens", false);
            for (var state : from) {
                if (!states.containsKey(state)) {
                    throw item.get("from").error("transition '" + action + "' starts from unknown state '" + state
                            + "'");
                }
                if (states.get(state).terminal() != reopens) {
                    throw item.get("from").error(reopens
                            ? "transition '" + action + "' reopens, but '" + state + "' is not a final state"
                            : "transition '" + action + "' leaves the final state '" + state + "'");
                }
                if (!seen.add(action + "@" + state)) {
                    throw item.error("action '" + action + "' is declared twice from state '" + state + "'");
                }
            }
            var to = item.text("to");
            if (!states.containsKey(to)) {
                throw item.get("to").error("transition '" + action + "' leads to unknown state '" + to + "'");
            }
            if (reopens && states.get(to).terminal()) {
                throw item.get("to").error("transition '" + action + "' reopens the case into the final state '" + to
                        + "'");
            }
            var by = roles(item, "by");
            if (by.isEmpty()) {
                throw item.error("transition '" + action + "' names no role that may take it ('by')");
            }
            var basis = item.optional("basis").map(b -> Citations.requireProvision(b, "transition '" + action + "'"))
                    .orElse(null);
            var within = item.optional("within").map(w -> {
                w.allowOnly(Set.of("days", "unit"));
                return new Limit(w.integer("days", 1, 365), unit(w, "transition '" + action + "''s time"), basis, true);
            }).orElse(null);
            transitions.add(new Transition(action,
                    new LocalizedText(item.text("zh"), item.optional("en").map(YamlTree::text).orElse(null)),
                    Set.copyOf(from), to, by, item.flag("comment-required", false), basis, item.flag("once", false),
                    within, item.flag("expected-duration", false), reopens, item.flag("restarts-clock", false),
                    item.optional("through").map(t -> module(t, action)).orElse(null)));
        }
        return transitions;
    }

    private static ClockRules clock(YamlTree node, List<Transition> transitions) {
        node.allowOnly(CLOCK);
        var startsOn = node.text("starts-on");
        if (!startsOn.equals(ClockRules.ON_CREATION)
                && transitions.stream().noneMatch(t -> t.action().equals(startsOn))) {
            throw node.get("starts-on").error("the clock starts on '" + startsOn
                    + "', which is neither 'created' nor an action of this type");
        }
        var statutory = limit(node.get("statutory"), "the statutory limit", true);
        var promised = node.optional("promised").map(p -> limit(p, "the promised limit", false)).orElse(null);
        if (promised != null && promised.unit() == statutory.unit() && promised.days() > statutory.days()) {
            throw node.get("promised").error("the promised limit (" + promised.days()
                    + ") is longer than the statutory one (" + statutory.days() + ")");
        }
        int remindBefore = node.optional("remind-before").isPresent() ? node.integer("remind-before", 0, 30) : 1;
        var extension = node.optional("extension").map(e -> {
            e.allowOnly(EXTENSION);
            var by = roles(e, "by");
            if (by.isEmpty()) {
                throw e.error("an extension needs the role that approves it ('by')");
            }
            var basis = setByLaw(e, true) ? Citations.requireProvision(e.get("basis"), "the extension")
                    : e.text("basis");
            return new Extension(e.integer("days", 1, 365), by, e.integer("times", 1, 10), basis);
        }).orElse(null);
        return new ClockRules(startsOn, statutory, promised, remindBefore, extension);
    }

    private static String module(YamlTree node, String action) {
        if (!node.text().matches("[a-z][a-z0-9]{1,30}")) {
            throw node.error("transition '" + action + "' is taken through a module named by its package, e.g. "
                    + "'disclosure', got '" + node.text() + "'");
        }
        return node.text();
    }

    /**
     * A limit: its days, its unit (required: only a law that says so counts working days) and its basis — the article
     * that sets it unless it is a commitment ({@code set-by: commitment}).
     */
    private static Limit limit(YamlTree node, String what, boolean byLawUnlessSaid) {
        node.allowOnly(LIMIT);
        var unit = unit(node, what);
        boolean byLaw = setByLaw(node, byLawUnlessSaid);
        var basis = byLaw ? Citations.requireProvision(node.get("basis"), what) : node.text("basis");
        return new Limit(node.integer("days", 1, 3650), unit, basis, byLaw);
    }

    static PeriodUnit unit(YamlTree node, String what) {
        return Citations.inWorkingDays(node, what) ? PeriodUnit.WORKING_DAYS : PeriodUnit.DAYS;
    }

    private static boolean setByLaw(YamlTree node, boolean otherwise) {
        return node.optional("set-by").map(v -> switch (v.text()) {
            case "law" -> true;
            case "commitment" -> false;
            default -> throw v.error("set-by must be 'law' or 'commitment', got '" + v.text() + "'");
        }).orElse(otherwise);
    }

    private static Set<Role> roles(YamlTree node, String key) {
        var roles = EnumSet.noneOf(Role.class);
        for (var name : node.texts(key)) {
            roles.add(Role.named(name).orElseThrow(() -> node.get(key).error("unknown role '" + name
                    + "' (known: applicant, enterprise, officer, reviewer, supervisor, admin, system)")));
        }
        return roles;
    }

    /** Every state can be reached from the initial one, and every non-final state can be left. */
    private static void checkReachability(YamlTree root, CaseType type) {
        var reached = new HashSet<String>();
        var queue = new ArrayDeque<String>(List.of(type.initial()));
        while (!queue.isEmpty()) {
            var state = queue.poll();
            if (reached.add(state)) {
                type.transitionsFrom(state).forEach(t -> queue.add(t.to()));
            }
        }
        var nodes = root.get("states").entries();
        for (var state : type.states().values()) {
            if (!reached.contains(state.code())) {
                throw nodes.get(state.code()).error("state '" + state.code() + "' cannot be reached from '"
                        + type.initial() + "'");
            }
            if (!state.terminal() && type.transitionsFrom(state.code()).isEmpty()) {
                throw nodes.get(state.code()).error("state '" + state.code()
                        + "' is not final but no transition leaves it: a case there would be stuck");
            }
        }
    }
}

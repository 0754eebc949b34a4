package cn.youfu.catalog.internal;

import cn.youfu.catalog.Catalog;
import cn.youfu.catalog.ConditionResult;
import cn.youfu.catalog.ConditionResult.Outcome;
import cn.youfu.catalog.ServiceItem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

@Service
class CatalogService implements Catalog {

    private final Map<String, CatalogLoader.Compiled> items = new LinkedHashMap<>();

    CatalogService() {
        this(new CatalogLoader(new CelRules()).loadClasspath());
    }

    CatalogService(List<CatalogLoader.Compiled> compiled) {
        compiled.forEach(c -> items.put(c.item().code(), c));
    }

    @Override
    public Collection<ServiceItem> items() {
        return items.values().stream().map(CatalogLoader.Compiled::item).toList();
    }

    @Override
    public Optional<ServiceItem> find(String code) {
        return Optional.ofNullable(code == null ? null : items.get(code)).map(CatalogLoader.Compiled::item);
    }

    @Override
    public List<ConditionResult> evaluate(ServiceItem item, Map<String, Object> facts, Set<String> unavailable,
                                          Set<String> absent) {
        var compiled = items.get(item.code());
        if (compiled == null || compiled.item() != item) {
            throw new IllegalArgumentException("not an item of this catalogue: " + item.code());
        }
        facts = CelRules.celValues(facts);
        var results = new ArrayList<ConditionResult>(item.conditions().size());
        for (var condition : item.conditions()) {
            var down = condition.requires().stream().filter(unavailable::contains).sorted().toList();
            if (!down.isEmpty()) {
                results.add(new ConditionResult(condition, Outcome.UNKNOWN, null,
                        "source unavailable: " + String.join(", ", down)));
                continue;
            }
            var missing = condition.requires().stream().filter(absent::contains).sorted().toList();
            if (!missing.isEmpty() && !condition.checksPresence()) {
                results.add(new ConditionResult(condition, Outcome.UNKNOWN, null,
                        "no record in: " + String.join(", ", missing)));
                continue;
            }
            Outcome outcome;
            String unknownBecause = null;
            try {
                var value = compiled.rules().get(condition.id()).eval(facts);
                if (value instanceof Boolean met) {
                    outcome = met ? Outcome.PASS : Outcome.FAIL;
                } else {
                    outcome = Outcome.UNKNOWN; // not a yes or a no (e.g. null): a person decides
                    unknownBecause = "the rule gave no yes or no: " + value;
                }
            } catch (Exception e) {
                outcome = Outcome.UNKNOWN;
                unknownBecause = "the data needed is missing: " + e.getMessage();
            }
            String explanation = null;
            var explain = compiled.explanations().get(condition.id());
            if (explain != null) {
                try {
                    explanation = String.valueOf(explain.eval(facts));
                } catch (Exception e) {
                    explanation = null;
                }
            }
            results.add(new ConditionResult(condition, outcome, explanation, unknownBecause));
        }
        return results;
    }
}

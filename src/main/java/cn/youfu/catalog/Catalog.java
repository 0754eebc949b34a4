package cn.youfu.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The service items, loaded and compiled at start-up. */
public interface Catalog {

    Collection<ServiceItem> items();

    Optional<ServiceItem> find(String code);

    /**
     * Evaluates an item's policy condition by condition.
     *
     * @param facts        the values the rules read (see {@link Facts}); every variable must be present, null or
     *                     empty when its source has nothing
     * @param unavailable  sources that did not answer: every condition requiring one is {@code UNKNOWN}
     * @param absent       sources that answered but hold no record for the applicant (e.g. the population registry
     *                     does not know them): every condition requiring one is {@code UNKNOWN}, except those that
     *                     check the record's presence ({@code when-absent: evaluate})
     * @return one result per condition, in the item's order; a rule that fails to evaluate (e.g. on missing data)
     *         is {@code UNKNOWN}, never {@code PASS}
     */
    List<ConditionResult> evaluate(ServiceItem item, Map<String, Object> facts, Set<String> unavailable,
                                   Set<String> absent);
}

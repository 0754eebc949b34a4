package cn.youfu.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.youfu.catalog.ConditionResult;
import cn.youfu.catalog.ConditionResult.Outcome;
import cn.youfu.catalog.Facts;
import cn.youfu.platform.definitions.DefinitionException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The catalogue's loading and its CEL policies, without Spring. */
class CatalogPolicyTest {

    static final CatalogService CATALOG = new CatalogService();

    static String shipped(String code) throws Exception {
        try (var in = CatalogPolicyTest.class.getResourceAsStream("/catalog/" + code + ".yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Map<String, Object> facts(long age, String hukou, Map<String, Object> permit, boolean alive,
                                     List<Map<String, Object>> licences) {
        var person = new HashMap<String, Object>(Map.of("id_number", "350102195803120016", "name", "陈有福",
                "hukou_division", hukou, "alive", alive, "birth_date", "1958-03-12"));
        person.put("residence_permit_division", permit == null ? null : permit.get("division"));
        person.put("residence_permit_expiry", permit == null ? null : permit.get("expiry"));
        var facts = new HashMap<String, Object>();
        Facts.ALL.forEach(k -> facts.put(k, null));
        facts.put(Facts.APPLICANT, Map.of("id", "350102195803120016", "id_valid", true, "name", "陈有福", "age", age,
                "birth_date", "1958-03-12", "division", "350102"));
        facts.put(Facts.PERSON, person);
        facts.put(Facts.LICENCES, licences);
        facts.put(Facts.BENEFITS, List.of());
        facts.put(Facts.FORM, Map.of());
        facts.put(Facts.TODAY, "2026-11-25");
        return facts;
    }

    static Map<String, Outcome> outcomes(List<ConditionResult> results) {
        var map = new HashMap<String, Outcome>();
        results.forEach(r -> map.put(r.condition().id(), r.outcome()));
        return map;
    }

    @Test
    void theShippedItemsLoadAndCompile() {
        assertThat(CATALOG.find("elderly-card")).isPresent();
        assertThat(CATALOG.find("high-age-allowance")).isPresent();
        assertThat(CATALOG.find("elderly-card").orElseThrow().conditions()).extracting(c -> c.id())
                .containsExactly("resident-id-valid", "in-population-registry", "alive", "name-matches", "aged-60",
                        "fuzhou-resident", "no-card-yet");
    }

    @Test
    void elderlyCardConditionByCondition() {
        var item = CATALOG.find("elderly-card").orElseThrow();
        var all = outcomes(CATALOG.evaluate(item, facts(68, "350102", null, true, List.of()), Set.of(), Set.of()));
        assertThat(all.values()).containsOnly(Outcome.PASS);

        var young = outcomes(CATALOG.evaluate(item, facts(59, "350102", null, true, List.of()), Set.of(), Set.of()));
        assertThat(young).containsEntry("aged-60", Outcome.FAIL);

        var elsewhere = outcomes(CATALOG.evaluate(item, facts(70, "110101", null, true, List.of()), Set.of(), Set.of()));
        assertThat(elsewhere).containsEntry("fuzhou-resident", Outcome.FAIL);

        var permit = outcomes(CATALOG.evaluate(item, facts(70, "110101",
                Map.of("division", "350104", "expiry", "2027-06-30"), true, List.of()), Set.of(), Set.of()));
        assertThat(permit).containsEntry("fuzhou-resident", Outcome.PASS);

        var expired = outcomes(CATALOG.evaluate(item, facts(70, "110101",
                Map.of("division", "350104", "expiry", "2026-11-24"), true, List.of()), Set.of(), Set.of()));
        assertThat(expired).containsEntry("fuzhou-resident", Outcome.FAIL);

        var holder = outcomes(CATALOG.evaluate(item, facts(70, "350102", null, true,
                List.of(Map.of("licence_type", "elderly-card", "status", "valid"))), Set.of(), Set.of()));
        assertThat(holder).containsEntry("no-card-yet", Outcome.FAIL);

        var revoked = outcomes(CATALOG.evaluate(item, facts(70, "350102", null, true,
                List.of(Map.of("licence_type", "elderly-card", "status", "revoked"))), Set.of(), Set.of()));
        assertThat(revoked).containsEntry("no-card-yet", Outcome.PASS);
    }

    @Test
    void unavailableOrMissingDataIsUnknownNeverPass() {
        var item = CATALOG.find("elderly-card").orElseThrow();
        var down = outcomes(CATALOG.evaluate(item, facts(68, "350102", null, true, List.of()), Set.of("population"), Set.of()));
        assertThat(down).containsEntry("in-population-registry", Outcome.UNKNOWN)
                .containsEntry("fuzhou-resident", Outcome.UNKNOWN)
                .containsEntry("aged-60", Outcome.PASS);

        var notFound = facts(68, "350102", null, true, List.of());
        notFound.put(Facts.PERSON, null);
        var missing = outcomes(CATALOG.evaluate(item, notFound, Set.of(), Set.of("population")));
        assertThat(missing).containsEntry("in-population-registry", Outcome.FAIL)
                .containsEntry("alive", Outcome.UNKNOWN)
                .containsEntry("name-matches", Outcome.UNKNOWN)
                .containsEntry("fuzhou-resident", Outcome.UNKNOWN);
        // Even when told nothing is absent, a rule reading a missing record never passes.
        var unguarded = outcomes(CATALOG.evaluate(item, notFound, Set.of(), Set.of()));
        assertThat(unguarded).doesNotContainEntry("fuzhou-resident", Outcome.PASS)
                .doesNotContainEntry("alive", Outcome.PASS);
    }

    @Test
    void aRuleOnAFieldWithoutValueIsAPlainYesOrNo() {
        // No residence permit at all (null fields) and a hukou elsewhere: refused, not unknown.
        var item = CATALOG.find("elderly-card").orElseThrow();
        var results = CATALOG.evaluate(item, facts(70, "110101", null, true, List.of()), Set.of(), Set.of());
        var fuzhou = results.stream().filter(r -> r.condition().id().equals("fuzhou-resident")).findFirst()
                .orElseThrow();
        assertThat(fuzhou.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(fuzhou.unknownBecause()).isNull();
    }

    @Test
    void anExplanationStatesTheFacts() {
        var item = CATALOG.find("elderly-card").orElseThrow();
        var age = CATALOG.evaluate(item, facts(59, "350102", null, true, List.of()), Set.of(), Set.of()).stream()
                .filter(r -> r.condition().id().equals("aged-60")).findFirst().orElseThrow();
        assertThat(age.explanation()).contains("59");
    }

    @Test
    void aRuleThatDoesNotCompileStopsTheLoadNamingItemRuleAndLine() throws Exception {
        var yaml = shipped("elderly-card").replace("rule: applicant.age >= 60", "rule: applicant.age >= ");
        assertThatThrownBy(() -> new CatalogLoader(new CelRules()).load("catalog/elderly-card.yaml",
                new StringReader(yaml)))
                .isInstanceOf(DefinitionException.class)
                .hasMessageContaining("catalog/elderly-card.yaml")
                .hasMessageContaining("rule of condition 'aged-60' does not compile");
        var wrongType = shipped("elderly-card").replace("rule: applicant.age >= 60", "rule: applicant.age + 1");
        assertThatThrownBy(() -> new CatalogLoader(new CelRules()).load("catalog/elderly-card.yaml",
                new StringReader(wrongType)))
                .hasMessageContaining("aged-60");
        var unknownVariable = shipped("elderly-card").replace("rule: applicant.age >= 60", "rule: pets.size() > 0");
        assertThatThrownBy(() -> new CatalogLoader(new CelRules()).load("catalog/elderly-card.yaml",
                new StringReader(unknownVariable)))
                .hasMessageContaining("aged-60");
    }

    @Test
    void aConditionRequiringASourceTheItemDoesNotListIsRefused() throws Exception {
        var yaml = shipped("elderly-card").replace("requires: [e-licence]", "requires: [credit]");
        assertThatThrownBy(() -> new CatalogLoader(new CelRules()).load("catalog/elderly-card.yaml",
                new StringReader(yaml)))
                .hasMessageContaining("requires source 'credit'");
        var unknown = shipped("elderly-card").replace("sources: [population, e-licence]",
                "sources: [population, e-licence, horoscope]");
        assertThatThrownBy(() -> new CatalogLoader(new CelRules()).load("catalog/elderly-card.yaml",
                new StringReader(unknown)))
                .hasMessageContaining("unknown source 'horoscope'");
    }
}

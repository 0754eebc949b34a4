package cn.youfu.cases.internal;

import cn.youfu.platform.definitions.DefinitionException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CaseTypeLoaderTest {

    static final String VALID = """
            code: sample
            version: 1
            name: {zh: 样例, en: Sample}
            basis: 《某法》第一条
            department: fz-approval
            direct-creation: [applicant]
            initial: open
            clock:
              starts-on: created
              statutory: {days: 20, unit: working-days, basis: 《某法》第二条}
            states:
              open: {zh: 办理中}
              waiting: {zh: 等待, pauses-clock: true}
              done: {zh: 办结, final: true, remedy: none}
            transitions:
              - {action: wait, zh: 等待, from: [open], to: waiting, by: [officer]}
              - {action: resume, zh: 继续, from: [waiting], to: open, by: [applicant]}
              - {action: finish, zh: 办结, from: [open], to: done, by: [officer]}
            """;

    static CaseType load(String yaml) {
        return new CaseTypeLoader().load("case-types/sample.yaml", new StringReader(yaml));
    }

    @Test
    void everyShippedCaseTypeLoads() {
        var types = new CaseTypeLoader().loadClasspath();
        assertThat(types).extracting(CaseType::code).contains("licensing", "information-disclosure",
                "administrative-penalty", "citizen-request", "petition");
        var licensing = types.stream().filter(t -> t.code().equals("licensing")).findFirst().orElseThrow();
        assertThat(licensing.clock().statutory().days()).isEqualTo(20);
        assertThat(licensing.clock().extension().days()).isEqualTo(10);
        assertThat(licensing.state("awaiting-supplement").pausesClock()).isTrue();
    }

    @Test
    void aValidFileLoads() {
        var type = load(VALID);
        assertThat(type.transitionsFrom("open")).extracting(CaseType.Transition::action)
                .containsExactly("wait", "finish");
    }

    @Test
    void aTransitionMayRestartTheClockOrBeLeftToItsModule() {
        var type = load(VALID.replace("to: open, by: [applicant]}",
                "to: open, by: [applicant], restarts-clock: true, through: disclosure}"));
        var resume = type.transition("resume", "waiting").orElseThrow();
        assertThat(resume.restartsClock()).isTrue();
        assertThat(resume.through()).isEqualTo("disclosure");
        assertThat(type.transition("wait", "open").orElseThrow().through()).isNull();
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "to: waiting, by: [officer]}|to: nowhere, by: [officer]}|16|transition 'wait' leads to unknown state 'nowhere'",
            "by: [applicant]}|by: [citizen]}|17|unknown role 'citizen'",
            "waiting: {zh: 等待, pauses-clock: true}|waiting: {zh: 等待, pauses-clokc: true}|13|unknown key 'pauses-clokc'",
            "days: 20,|days: twenty,|10|'days' must be a whole number",
            "initial: open|initial: closed|7|initial state 'closed' is not among the states",
            "starts-on: created|starts-on: approval|9|neither 'created' nor an action",
            "to: open, by: [applicant]}|to: open, by: [applicant], through: Dis-closure}|17|module named by its package",
    })
    void aBrokenFileNamesItsLineAndProblem(String original, String broken, int line, String problem) {
        var yaml = VALID.replace(original, broken);
        assertThat(yaml).isNotEqualTo(VALID);
        assertThatThrownBy(() -> load(yaml))
                .isInstanceOf(DefinitionException.class)
                .hasMessageStartingWith("case-types/sample.yaml, line ")
                .hasMessageContaining(problem)
                .satisfies(e -> assertThat(((DefinitionException) e).line()).isEqualTo(line));
    }

    @Test
    void invalidYamlNamesTheLine() {
        var yaml = VALID.replace("states:\n", "states:\n  : : [\n");
        assertThatThrownBy(() -> load(yaml)).isInstanceOf(DefinitionException.class)
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void aStateNoTransitionLeavesIsRefused() {
        var yaml = VALID.replace("  - {action: resume, zh: 继续, from: [waiting], to: open, by: [applicant]}\n", "");
        assertThatThrownBy(() -> load(yaml)).isInstanceOf(DefinitionException.class)
                .hasMessageContaining("state 'waiting' is not final but no transition leaves it")
                .satisfies(e -> assertThat(((DefinitionException) e).line()).isEqualTo(13));
    }

    @Test
    void anUnreachableStateIsRefused() {
        var yaml = VALID.replace("  done: {zh: 办结, final: true, remedy: none}\n",
                "  done: {zh: 办结, final: true, remedy: none}\n  limbo: {zh: 无人可达, final: true, remedy: none}\n");
        assertThatThrownBy(() -> load(yaml)).hasMessageContaining("state 'limbo' cannot be reached");
    }

    @Test
    void aPromiseLongerThanTheLawIsRefused() {
        var yaml = VALID.replace("  statutory: {days: 20, unit: working-days, basis: 《某法》第二条}\n",
                "  statutory: {days: 20, unit: working-days, basis: 《某法》第二条}\n  promised: {days: 30, unit: working-days, basis: 承诺}\n");
        assertThatThrownBy(() -> load(yaml)).hasMessageContaining("longer than the statutory one");
    }

    @Test
    void aLimitWithoutAUnitIsRefused() {
        var yaml = VALID.replace("{days: 20, unit: working-days, basis:", "{days: 20, basis:");
        assertThatThrownBy(() -> load(yaml)).isInstanceOf(DefinitionException.class)
                .hasMessageContaining("the statutory limit has no unit")
                .satisfies(e -> assertThat(((DefinitionException) e).line()).isEqualTo(10));
    }

    @Test
    void aPromiseWithoutAUnitIsRefused() {
        var yaml = VALID.replace("  statutory: {days: 20, unit: working-days, basis: 《某法》第二条}\n",
                "  statutory: {days: 20, unit: working-days, basis: 《某法》第二条}\n  promised: {days: 5, basis: 承诺}\n");
        assertThatThrownBy(() -> load(yaml)).hasMessageContaining("the promised limit has no unit");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "basis: 《某法》第二条}|basis: 《某法》}|the statutory limit has a basis without an article",
            "basis: 《某法》第一条|basis: 某法|the case type has a basis without an article",
            "waiting: {zh: 等待, pauses-clock: true}|waiting: {zh: 等待, pauses-clock: true, basis: 某规定}|state 'waiting' has a basis without an article",
    })
    void aBasisWithoutAnArticleIsRefused(String original, String broken, String problem) {
        var yaml = VALID.replace(original, broken);
        assertThat(yaml).isNotEqualTo(VALID);
        assertThatThrownBy(() -> load(yaml)).isInstanceOf(DefinitionException.class).hasMessageContaining(problem);
    }

    @Test
    void aCommitmentNeedsNoArticleButSaysItIsNotLaw() {
        var type = load(VALID.replace("{days: 20, unit: working-days, basis: 《某法》第二条}",
                "{days: 20, unit: working-days, set-by: commitment, basis: 服务标准}"));
        assertThat(type.clock().statutory().byLaw()).isFalse();
        assertThat(load(VALID).clock().statutory().byLaw()).isTrue();
    }

    @Test
    void everyShippedLimitDeclaresItsUnitAndLawfulLimitsTheirArticle() {
        for (var type : new CaseTypeLoader().loadClasspath()) {
            var clock = type.clock();
            assertThat(clock.statutory().unit()).as(type.code()).isNotNull();
            if (clock.statutory().byLaw()) {
                assertThat(cn.youfu.platform.definitions.Citations.citesProvision(clock.statutory().basis()))
                        .as(type.code()).isTrue();
            }
        }
    }

    @Test
    void aFinalStateThatDoesNotSayItsRemedyIsRefused() {
        var yaml = VALID.replace("done: {zh: 办结, final: true, remedy: none}", "done: {zh: 办结, final: true}");
        assertThatThrownBy(() -> load(yaml)).isInstanceOf(DefinitionException.class)
                .hasMessageContaining("final state 'done' does not say its remedy");
    }

    @Test
    void aRemedyIsNamedDeclaredAndCitesItsArticle() {
        var refusal = VALID.replace("done: {zh: 办结, final: true, remedy: none}",
                "done: {zh: 不予批准, final: true, remedy: refused}").replace("states:\n", """
                remedies:
                  refused:
                    basis: 《某法》第三十八条第二款
                    zh: 可以申请行政复议或者提起行政诉讼。
                    steps:
                      - {kind: reconsideration, within: 60, per: days, basis: 《某法》第二十条, zh: 六十日内申请行政复议}
                states:
                """);
        var type = load(refusal);
        assertThat(type.state("done").remedy()).isEqualTo("refused");
        assertThat(type.remedies().get("refused").steps().get(0).within()).isEqualTo(60);
        assertThatThrownBy(() -> load(refusal.replace("remedy: refused", "remedy: appeal")))
                .hasMessageContaining("unknown remedy 'appeal'");
        assertThatThrownBy(() -> load(refusal.replace("basis: 《某法》第三十八条第二款", "basis: 某法")))
                .hasMessageContaining("remedy 'refused' has a basis without an article");
        assertThatThrownBy(() -> load(refusal.replace("remedy: refused}", "remedy: refused}")
                .replace("waiting: {zh: 等待, pauses-clock: true}", "waiting: {zh: 等待, pauses-clock: true, remedy: refused}")))
                .hasMessageContaining("only a final decision states a remedy");
    }

    @Test
    void everyShippedAdverseDecisionStatesItsRemedy() {
        var adverse = java.util.Map.of("licensing", "refused", "service-application", "rejected-by-the-rules",
                "information-disclosure", "not-disclosed", "administrative-penalty", "decided", "petition", "answered");
        var types = new CaseTypeLoader().loadClasspath();
        adverse.forEach((code, state) -> {
            var type = types.stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow();
            assertThat(type.state(state).remedy()).as(code).isNotNull();
        });
        var disclosure = types.stream().filter(t -> t.code().equals("information-disclosure")).findFirst()
                .orElseThrow();
        assertThat(disclosure.remedies().get(disclosure.state("not-disclosed").remedy()).steps().get(0).first())
                .isTrue();
    }

    @Test
    void onlyATransitionThatReopensLeavesAFinalStateAndNotIntoAnother() {
        var reopening = VALID.replace("  - {action: finish, zh: 办结, from: [open], to: done, by: [officer]}\n",
                "  - {action: finish, zh: 办结, from: [open], to: done, by: [officer]}\n"
                        + "  - {action: review, zh: 人工审核, from: [done], to: open, by: [applicant], reopens: true}\n");
        assertThat(load(reopening).transition("review", "done").orElseThrow().reopens()).isTrue();
        assertThatThrownBy(() -> load(reopening.replace(", reopens: true}", "}")))
                .hasMessageContaining("leaves the final state 'done'");
        assertThatThrownBy(() -> load(reopening.replace("from: [done], to: open", "from: [open], to: waiting")))
                .hasMessageContaining("reopens, but 'open' is not a final state");
        assertThatThrownBy(() -> load(reopening.replace("from: [done], to: open", "from: [done], to: done")))
                .hasMessageContaining("reopens the case into the final state 'done'");
    }

    @Test
    void extendIsReservedForTheClock() {
        var yaml = VALID.replace("action: finish", "action: extend");
        assertThatThrownBy(() -> load(yaml)).hasMessageContaining("'extend' is reserved");
    }
}

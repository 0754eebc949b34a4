package cn.youfu.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.youfu.catalog.ServiceItem.DayUnit;
import cn.youfu.platform.definitions.DefinitionException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the loader asks of an item's time limits and legal bases: a unit for every limit, an article for every basis. */
class CatalogLimitsTest {

    static CatalogLoader.Compiled load(String yaml) {
        return new CatalogLoader(new CelRules()).load("catalog/residence-permit.yaml", new StringReader(yaml));
    }

    static String residencePermit() throws Exception {
        return CatalogPolicyTest.shipped("residence-permit");
    }

    @Test
    void theResidencePermitsLimitIsFifteenCalendarDaysByArticleNine() throws Exception {
        var limit = load(residencePermit()).item().timeLimit();
        assertThat(limit.statutory().days()).isEqualTo(15);
        assertThat(limit.statutory().unit()).isEqualTo(DayUnit.DAYS);
        assertThat(limit.statutory().basis().cite()).isEqualTo("《居住证暂行条例》第九条第六款");
        assertThat(limit.promised().unit()).isEqualTo(DayUnit.WORKING_DAYS);
        assertThat(limit.extension()).isNull();
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
            "{days: 15, unit: days, basis:|{days: 15, basis:|the statutory limit has no unit",
            "{days: 3, unit: working-days, basis:|{days: 3, basis:|the promised limit has no unit",
            "{days: 15, unit: days, basis:|{days: 15, unit: weeks, basis:|unit must be 'working-days' or 'days'",
            "article: 第九条第六款}|article: 总则}|the statutory limit has a basis without an article",
            "{law: 《居住证暂行条例》, article: 第九条第六款}|{law: 《居住证暂行条例》}|a basis without an article",
            "{law: 《居住证暂行条例》, article: 第二条,|{law: 《居住证暂行条例》,|a basis without an article",
    })
    void aLimitWithoutAUnitOrABasisWithoutAnArticleIsRefused(String original, String broken, String problem)
            throws Exception {
        var yaml = residencePermit().replace(original, broken);
        assertThat(yaml).as("the test changes the file").isNotEqualTo(residencePermit());
        assertThatThrownBy(() -> load(yaml)).isInstanceOf(DefinitionException.class)
                .hasMessageStartingWith("catalog/residence-permit.yaml, line ")
                .hasMessageContaining(problem);
    }

    @Test
    void aConditionsBasisWithoutAnArticleIsRefused() throws Exception {
        var yaml = residencePermit().replaceFirst("basis: \\{law: 《居住证暂行条例》, article: [^}]+}",
                "basis: {law: 《居住证暂行条例》}");
        assertThat(yaml).isNotEqualTo(residencePermit());
        assertThatThrownBy(() -> load(yaml)).hasMessageContaining("a basis without an article");
    }

    @Test
    void noLawSetsALimitIsSaidSoAndThePromiseKeepsItsUnit() throws Exception {
        var yaml = CatalogPolicyTest.shipped("elderly-card");
        var limit = new CatalogLoader(new CelRules()).load("catalog/elderly-card.yaml", new StringReader(yaml))
                .item().timeLimit();
        assertThat(limit.statutory()).isNull();
        assertThat(limit.promised().unit()).isEqualTo(DayUnit.WORKING_DAYS);
    }

    @Test
    void aPromiseLongerThanTheLawIsRefused() throws Exception {
        var yaml = residencePermit().replace("promised: {days: 3, unit: working-days", "promised: {days: 16, unit: "
                + "working-days");
        assertThatThrownBy(() -> load(yaml)).hasMessageContaining("longer than the statutory one");
    }

    @Test
    void theIssuingBodyMustBeAGovernmentDepartmentAndItsKindExistInTheDistricts() throws Exception {
        var shipped = CatalogPolicyTest.shipped("individual-business-registration");
        var item = new CatalogLoader(new CelRules()).load("catalog/x.yaml", new StringReader(shipped)).item();
        assertThat(item.issuedBy().level()).isEqualTo(cn.youfu.catalog.ServiceItem.Level.DISTRICT);
        assertThat(item.issuedBy().kind()).isEqualTo("market-regulation");
        assertThatThrownBy(() -> new CatalogLoader(new CelRules()).load("catalog/x.yaml", new StringReader(
                shipped.replace("kind: market-regulation", "kind: fortune-telling"))))
                .hasMessageContaining("no district or county has departments of the kind 'fortune-telling'");
        assertThatThrownBy(() -> new CatalogLoader(new CelRules()).load("catalog/x.yaml", new StringReader(
                shipped.replace("department: fz-market-regulation", "department: fz-nowhere"))))
                .hasMessageContaining("unknown department 'fz-nowhere'");
    }
}

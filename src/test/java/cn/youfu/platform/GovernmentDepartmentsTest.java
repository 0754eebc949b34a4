package cn.youfu.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.youfu.platform.GovernmentDepartments.Level;
import org.junit.jupiter.api.Test;

/** The government bodies as data: the city's departments and each district's and county's bodies of each kind. */
class GovernmentDepartmentsTest {

    static final GovernmentDepartments DEPARTMENTS = GovernmentDepartments.standard();

    @Test
    void everyDistrictAndCountyHasItsBodyOfEachKind() {
        var gulou = DEPARTMENTS.of("market-regulation", "350102").orElseThrow();
        assertThat(gulou.code()).isEqualTo("gl-market-regulation");
        assertThat(gulou.name().zh()).isEqualTo("福州市鼓楼区市场监督管理局");
        assertThat(gulou.level()).isEqualTo(Level.DISTRICT);
        assertThat(gulou.government().zh()).isEqualTo("福州市鼓楼区人民政府");
        var minhou = DEPARTMENTS.find("mh-health").orElseThrow();
        assertThat(minhou.name().zh()).isEqualTo("闽侯县卫生健康局");
        assertThat(minhou.level()).isEqualTo(Level.COUNTY);
        assertThat(DEPARTMENTS.of("civil-affairs", "350181").orElseThrow().name().zh()).isEqualTo("福清市民政局");
        for (var division : new String[] {"350102", "350103", "350104", "350105", "350111", "350112", "350121",
                "350122", "350123", "350124", "350125", "350128", "350181"}) {
            for (var kind : new String[] {"market-regulation", "civil-affairs", "health", "culture-tourism",
                    "urban-management"}) {
                assertThat(DEPARTMENTS.of(kind, division)).as("%s in %s", kind, division).isPresent();
            }
        }
    }

    @Test
    void theCitysDepartmentsAnswerToTheCity() {
        var city = DEPARTMENTS.find("fz-market-regulation").orElseThrow();
        assertThat(city.level()).isEqualTo(Level.CITY);
        assertThat(city.kind()).isEqualTo("market-regulation");
        assertThat(city.government().zh()).isEqualTo("福州市人民政府");
        assertThat(DEPARTMENTS.find("fz-approval")).isPresent();
        assertThat(DEPARTMENTS.of("market-regulation", "350100")).isEmpty();
        assertThat(DEPARTMENTS.of("market-regulation", "350203")).as("Xiamen is not Fuzhou's").isEmpty();
        assertThat(DEPARTMENTS.kindName("health").orElseThrow().zh()).isEqualTo("卫生健康局");
    }
}

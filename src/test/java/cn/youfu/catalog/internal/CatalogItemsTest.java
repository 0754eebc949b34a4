package cn.youfu.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.youfu.catalog.ServiceItem;
import cn.youfu.catalog.ServiceItem.ApplicantType;
import cn.youfu.catalog.ServiceItem.OnFail;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped catalogue as a whole, without Spring: what every item must state for a lawful automatic decision. */
class CatalogItemsTest {

    static final List<ServiceItem> ITEMS = List.copyOf(new CatalogService().items());

    @Test
    void atLeast26ItemsLoadWithCompiledRules() {
        assertThat(ITEMS).hasSizeGreaterThanOrEqualTo(26);
        assertThat(ITEMS).extracting(ServiceItem::code).doesNotHaveDuplicates()
                .contains("elderly-card", "high-age-allowance", "residence-permit", "food-business-licence-renewal");
        assertThat(ITEMS).filteredOn(item -> item.applicantType() == ApplicantType.ENTERPRISE)
                .hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void everyItemRestsOnCitedLaw() {
        for (var item : ITEMS) {
            assertThat(item.legalBasis()).as(item.code()).isNotEmpty();
            assertThat(item.conditions()).as(item.code())
                    .anyMatch(c -> c.basis() != null && c.basis().law().matches("《.+》.*")
                            && !c.basis().article().isBlank());
            // A law is named by its title in 《》; a local document whose title could not be checked is named by issuer
            // and date and marked to be confirmed, and is then cited, never quoted.
            item.conditions().forEach(c -> assertThat(c.basis().law().startsWith("《") || c.basis().toConfirm())
                    .as("%s/%s", item.code(), c.id()).isTrue());
            item.legalBasis().forEach(b -> assertThat(b.toConfirm() && b.text() != null).as(item.code()).isFalse());
        }
    }

    @Test
    void everyItemIssuesSomethingOnApproval() {
        for (var item : ITEMS) {
            assertThat(item.certificate()).as(item.code()).isNotNull();
            assertThat(item.certificate().title().zh()).as(item.code()).isNotBlank();
            assertThat(item.certificate().issuingAuthority().zh()).as(item.code()).startsWith("福州");
        }
    }

    @Test
    void everyItemCanRefuseAndNoneIsDecidedOnADeclaredIdentity() {
        for (var item : ITEMS) {
            assertThat(item.conditions()).as(item.code()).anyMatch(c -> c.onFail() == OnFail.REJECT);
            var identity = item.forResidents() ? "name-matches" : "in-enterprise-registry";
            assertThat(item.conditions()).as(item.code()).anyMatch(c -> c.id().equals(identity)
                    && c.onFail() == OnFail.MANUAL);
        }
    }

    @Test
    void everyLimitSaysItsUnitAndAStatutoryOneItsArticle() {
        for (var item : ITEMS) {
            var limits = item.timeLimit();
            assertThat(limits.promised().unit()).as(item.code()).isNotNull();
            assertThat(limits.promised().basis()).as(item.code()).isNotBlank();
            if (limits.statutory() != null) {
                assertThat(limits.statutory().unit()).as(item.code()).isNotNull();
                assertThat(limits.statutory().basis().article()).as(item.code()).matches("第.+条.*");
                if (limits.promised().unit() == limits.statutory().unit()) {
                    assertThat(limits.promised().days()).as(item.code()).isBetween(1, limits.statutory().days());
                }
            }
        }
    }

    @Test
    void workingDaysOnlyWhereTheLawSaysSo() {
        // 工作日 are the Administrative Licensing Law's (Art. 82), the Market Entity Registration Regulations' (Art. 19)
        // and the Social Insurance Handling Regulations' (Art. 6, 18); a limit written as 日 is in calendar days.
        var workingDayLaws = java.util.Set.of("《中华人民共和国行政许可法》", "《中华人民共和国市场主体登记管理条例》",
                "《社会保险经办条例》");
        for (var item : ITEMS) {
            var statutory = item.timeLimit().statutory();
            if (statutory != null) {
                assertThat(statutory.unit() == ServiceItem.DayUnit.WORKING_DAYS)
                        .as("%s: %s", item.code(), statutory.basis().cite())
                        .isEqualTo(workingDayLaws.contains(statutory.basis().law()));
            }
        }
        var days = ITEMS.stream().filter(i -> i.timeLimit().statutory() != null
                && i.timeLimit().statutory().unit() == ServiceItem.DayUnit.DAYS)
                .collect(java.util.stream.Collectors.toMap(ServiceItem::code, i -> i.timeLimit().statutory().days()));
        assertThat(days).containsEntry("residence-permit", 15).containsEntry("social-insurance-employer-registration", 15)
                .containsEntry("housing-fund-rent-withdrawal", 3).containsEntry("unemployment-insurance-benefit", 10);
    }

    @Test
    void aPromiseToDecideAtOnceIsNotAStatutoryLimit() {
        for (var code : List.of("real-estate-record-query", "cross-region-medical-filing", "social-insurance-certificate")) {
            var item = ITEMS.stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
            assertThat(item.timeLimit().statutory()).as(code).isNull();
            assertThat(item.timeLimit().promised().basis()).as(code).contains("即办");
        }
    }
}

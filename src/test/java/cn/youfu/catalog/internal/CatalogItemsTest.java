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
            item.conditions().forEach(c -> assertThat(c.basis().law()).as("%s/%s", item.code(), c.id())
                    .startsWith("《"));
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
    void timeLimitsAreWithinTheLaw() {
        for (var item : ITEMS) {
            assertThat(item.timeLimit().promised()).as(item.code())
                    .isBetween(1, item.timeLimit().statutory());
            assertThat(item.timeLimit().basis()).as(item.code()).isNotBlank();
        }
    }
}

package cn.youfu.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.youfu.Api;
import cn.youfu.YoufuIntegrationTest;
import cn.youfu.catalog.Catalog;
import cn.youfu.catalog.ServiceItem;
import cn.youfu.catalog.ServiceItem.OnFail;
import cn.youfu.identity.Role;
import cn.youfu.identity.internal.TestTokens;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every item of the catalogue beyond the first two, from outside: for each, an applicant who is approved, one refused
 * for each condition that refuses, and one sent to an officer. The applicants are made up once per run
 * ({@link TestApplicants}) and uploaded through the administrator's CSV endpoint.
 */
@YoufuIntegrationTest
class CatalogItemsIntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    /** Labels whose tokens carry a name other than the registry's, to show a name mismatch goes to an officer. */
    static final String WRONG_NAME = "~wrong-name";

    static final Map<String, String> LICENCE_TYPES = Map.of("food", "food-business", "hygiene",
            "public-place-hygiene", "publication", "publication-business", "dispatch", "labour-dispatch");
    static final String ENTERPRISE_LICENCES = """
            eatery            food         2021-12-01   30  valid
            eatery            hygiene      2022-12-01   30  valid
            eatery            publication  2022-01-01 1000  valid
            eatery            dispatch     2024-01-01   30  valid
            eatery-expired    food         2021-01-01  -10  valid
            eatery-expired    hygiene      2022-01-01  -10  valid
            eatery-expired    dispatch     2023-01-01  -10  valid
            eatery-suspended  food         2022-01-01   30  suspended
            eatery-suspended  publication  2022-01-01 1000  revoked
            revoked-company   food         2022-01-01   30  valid
            revoked-company   hygiene      2022-01-01   30  valid
            revoked-company   publication  2022-01-01 1000  valid
            revoked-company   dispatch     2024-01-01   30  valid
            agency            dispatch     2024-01-01  100  valid
            """;

    static TestApplicants applicants;
    static final Map<String, String> TOKENS = new HashMap<>();
    static final Map<String, String> CERTIFICATES = new HashMap<>();

    @Autowired
    Catalog catalog;
    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;

    /** What one application must come to, and the condition that decides it. */
    record Case(String item, String who, Map<String, Object> form, String decision, String condition,
                String outcome) {
        @Override
        public String toString() {
            return item + " · " + who + " → " + decision + (condition == null ? "" : " (" + condition + " "
                    + outcome + ")");
        }
    }

    static Case approved(String item, String who, Object... form) {
        return new Case(item, who, form(form), "APPROVED", null, null);
    }

    static Case rejected(String item, String who, String condition, Object... form) {
        return new Case(item, who, form(form), "REJECTED", condition, "FAIL");
    }

    static Case manual(String item, String who, String condition, String outcome, Object... form) {
        return new Case(item, who, form(form), "MANUAL_REVIEW", condition, outcome);
    }

    static Map<String, Object> form(Object... pairs) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    static String daysAgo(long days) {
        return TODAY.minusDays(days).toString();
    }

    static LocalDate age(int years) {
        return TODAY.minusYears(years).minusDays(40);
    }

    @BeforeEach
    void makeTheApplicantsOnce() throws Exception {
        if (applicants != null) {
            return;
        }
        var made = new TestApplicants(context.getBean(JdbcClient.class));
        // Residents
        made.resident("worker", "林海峰", LocalDate.of(1988, 4, 12), "350103");
        made.resident("jobless", "陈晓东", LocalDate.of(1985, 9, 3), "350111");
        made.resident("jobless-short", "王丽娟", LocalDate.of(1996, 2, 14), "350111");
        made.resident("jobless-pensioner", "黄金水", LocalDate.of(1962, 8, 8), "350102");
        made.resident("jobless-receiving", "吴晓燕", LocalDate.of(1987, 11, 30), "350104");
        made.resident("insured-xiamen", "许志明", LocalDate.of(1986, 6, 6), "350203");
        made.resident("card-holder", "郑丽萍", LocalDate.of(1989, 10, 1), "350105");
        made.resident("graduate", "刘思远", LocalDate.of(1998, 6, 1), "360102");
        made.resident("graduate-school-only", "张子涵", LocalDate.of(1999, 7, 9), "430102");
        made.resident("graduate-no-record", "李佳怡", LocalDate.of(1997, 3, 21), "360102");
        made.resident("fuzhou-owner", "陈思琪", LocalDate.of(1990, 3, 3), "350102");
        made.resident("mother", "林美玲", LocalDate.of(1994, 5, 5), "350104");
        made.resident("mother-xiamen", "苏雅婷", LocalDate.of(1993, 12, 12), "350203");
        made.resident("migrant", "赵明辉", LocalDate.of(1992, 1, 15), "360102");
        made.resident("migrant-no-job", "钱小红", LocalDate.of(1993, 4, 4), "360102");
        made.resident("permit-holder", "孙建华", LocalDate.of(1984, 8, 18), "430102", "350103",
                LocalDate.of(2030, 12, 31));
        made.resident("teen-15", "周小宇", age(15), "350102");
        made.resident("teen-17", "吴佳琪", age(17), "350102");
        made.resident("driver", "郑国强", LocalDate.of(1975, 2, 2), "350121");
        made.resident("driver-revoked", "冯志刚", LocalDate.of(1978, 3, 3), "350121");
        made.resident("driver-no-licence", "何大勇", LocalDate.of(1980, 4, 4), "350122");
        made.resident("driver-old", "曾福生", LocalDate.of(1960, 5, 5), "350123");
        made.resident("ride-driver", "罗俊杰", LocalDate.of(1990, 6, 16), "350102");
        made.resident("ride-novice", "梁子豪", LocalDate.of(1999, 9, 19), "350103");
        made.resident("ride-holder", "宋文斌", LocalDate.of(1986, 10, 20), "350104");
        made.resident("nurse", "唐静怡", LocalDate.of(1991, 1, 11), "350102");
        made.resident("nurse-suspended", "韩雪梅", LocalDate.of(1989, 2, 22), "350103");
        made.resident("nurse-lapsed", "邓晓琳", LocalDate.of(1987, 3, 13), "350104");
        made.resident("renter", "谢宇航", LocalDate.of(1995, 5, 25), "350181");
        made.resident("renter-new", "彭雨欣", LocalDate.of(1997, 7, 27), "350181");
        made.resident("disabled-poor", "潘德明", LocalDate.of(1970, 1, 1), "350102");
        made.resident("disabled-severe", "蔡秀珍", LocalDate.of(1965, 2, 2), "350105");
        made.resident("disabled-migrant", "田永福", LocalDate.of(1972, 3, 3), "360102");
        made.resident("disabled-receiving", "袁桂兰", LocalDate.of(1968, 4, 4), "350112");
        made.resident("retiree", "蒋秀英", LocalDate.of(1962, 6, 1), "350122");
        made.resident("retiree-xiamen", "沈国华", LocalDate.of(1960, 7, 1), "350203");
        made.resident("retiree-short", "韦金花", LocalDate.of(1961, 8, 1), "350124");
        made.resident("retiree-pensioned", "秦德胜", LocalDate.of(1958, 9, 1), "350125");
        made.resident("gig-worker", "高晓峰", LocalDate.of(1994, 10, 10), "350102");
        made.resident("ride-drunk", "范志鹏", LocalDate.of(1984, 4, 14), "350102");
        made.resident("driver-accident", "龚海生", LocalDate.of(1978, 8, 8), "350121");
        made.resident("retiree-unpaid", "严金凤", LocalDate.of(1965, 3, 1), "350122");
        made.resident("old-gig", "卢寿康", age(75), "350102");
        made.resident("early-pensioner", "石国栋", LocalDate.of(1968, 1, 1), "350102");
        made.stranger("stranger", "路人甲");

        made.benefit("jobless-pensioner", "pension", "paying")
                .benefit("jobless-receiving", "unemployment-insurance", "paying")
                .benefit("retiree-pensioned", "pension", "paying")
                .benefit("disabled-poor", "minimum-living-allowance", "paying")
                .benefit("disabled-receiving", "disability-care-subsidy", "paying");
        made.degree("graduate", "bachelor").degree("graduate-school-only", "high-school")
                .degree("fuzhou-owner", "master");
        made.married("mother").married("mother-xiamen");
        made.single("renter").single("renter-new").single("fuzhou-owner");
        made.estate("fuzhou-owner", "闽(2024)福州市不动产权第0100001号", "350102");
        made.estate("teen-15", "闽(2024)福州市不动产权第0100002号", "350102");
        made.benefit("early-pensioner", "pension", "paying");
        made.licence("permit-holder", "residence-permit", LocalDate.of(2025, 12, 31), LocalDate.of(2030, 12, 31),
                "valid");
        made.licence("card-holder", "social-security-card", LocalDate.of(2021, 1, 1), null, "valid");
        var longAgo = LocalDate.of(2005, 1, 1);
        var later = TODAY.plusYears(3);
        made.licence("driver", "road-transport-qualification", LocalDate.of(2021, 6, 30), TODAY.plusMonths(1),
                "valid");
        made.licence("driver", "driving-licence", longAgo, later, "valid", longAgo);
        made.licence("driver-revoked", "road-transport-qualification", LocalDate.of(2021, 6, 30), later, "revoked");
        made.licence("driver-revoked", "driving-licence", longAgo, later, "valid");
        made.licence("driver-no-licence", "road-transport-qualification", LocalDate.of(2021, 6, 30), later, "valid");
        made.licence("driver-no-licence", "driving-licence", longAgo, TODAY.minusDays(3), "expired");
        made.licence("driver-old", "road-transport-qualification", LocalDate.of(2021, 6, 30), later, "valid");
        made.licence("driver-old", "driving-licence", longAgo, later, "valid");
        made.licence("driver-accident", "road-transport-qualification", LocalDate.of(2021, 6, 30), later, "valid");
        made.licence("driver-accident", "driving-licence", longAgo, later, "valid", longAgo);
        made.offence("driver-accident", "major-accident", TODAY.minusYears(1));
        made.licence("ride-driver", "driving-licence", LocalDate.of(2015, 3, 1), later, "valid",
                LocalDate.of(2015, 3, 1));
        made.licence("ride-driver", "ride-hailing-exam", TODAY.minusMonths(2), null, "valid");
        made.licence("ride-novice", "driving-licence", TODAY.minusYears(2), later, "valid", TODAY.minusYears(2));
        made.licence("ride-novice", "ride-hailing-exam", TODAY.minusMonths(2), null, "valid");
        made.licence("ride-drunk", "driving-licence", LocalDate.of(2012, 5, 1), later, "valid",
                LocalDate.of(2012, 5, 1));
        made.licence("ride-drunk", "ride-hailing-exam", TODAY.minusMonths(2), null, "valid");
        made.offence("ride-drunk", "drink-driving", TODAY.minusYears(4));
        made.licence("ride-holder", "driving-licence", LocalDate.of(2010, 3, 1), later, "valid",
                LocalDate.of(2010, 3, 1));
        made.licence("ride-holder", "ride-hailing-exam", LocalDate.of(2020, 3, 1), null, "valid");
        made.licence("ride-holder", "ride-hailing-driver", LocalDate.of(2020, 4, 1), null, "valid");
        made.licence("nurse", "nurse-practice", LocalDate.of(2021, 12, 20), TODAY.plusDays(20), "valid");
        made.licence("nurse-suspended", "nurse-practice", LocalDate.of(2021, 12, 20), TODAY.plusDays(20),
                "suspended");
        made.licence("nurse-lapsed", "nurse-practice", LocalDate.of(2021, 1, 31), TODAY.minusDays(30), "valid");
        made.licence("renter", "housing-fund-account", LocalDate.of(2023, 1, 1), null, "valid");
        made.licence("renter-new", "housing-fund-account", TODAY.minusMonths(1), null, "valid");
        made.licence("fuzhou-owner", "housing-fund-account", LocalDate.of(2019, 1, 1), null, "valid");
        made.licence("mother", "housing-fund-account", LocalDate.of(2019, 1, 1), null, "valid");
        made.licence("disabled-poor", "disability-certificate-grade-3", LocalDate.of(2019, 1, 1), null, "valid");
        made.licence("disabled-severe", "disability-certificate-grade-1", LocalDate.of(2019, 1, 1), null, "valid");
        made.licence("disabled-migrant", "disability-certificate-grade-2", LocalDate.of(2019, 1, 1), null, "valid");
        made.licence("disabled-receiving", "disability-certificate-grade-2", LocalDate.of(2019, 1, 1), null,
                "valid");

        // Enterprises
        made.enterprise("eatery", "福州测试餐饮有限公司", "350102", 500_000, "active", "worker");
        made.enterprise("eatery-expired", "福州过期餐饮有限公司", "350103", 3_000_000, "active", "worker");
        made.enterprise("eatery-suspended", "福州暂扣餐饮有限公司", "350104", 500_000, "active", "worker");
        made.enterprise("revoked-company", "福州吊销商贸有限公司", "350105", 3_000_000, "revoked", "worker");
        made.enterprise("agency", "福州测试人力资源有限公司", "350103", 3_000_000, "active", "worker");
        made.enterprise("xiamen-company", "厦门测试贸易有限公司", "350203", 1_000_000, "active", "worker");
        made.enterprise("hospital", "福州测试医院有限公司", "350102", 10_000_000, "active", "worker");
        made.enterprise("agency-late", "福州迟延人力资源有限公司", "350104", 3_000_000, "active", "worker");
        made.enterprise("agency-unreported", "福州未报人力资源有限公司", "350111", 3_000_000, "active", "worker");
        // set up after 五证合一 (2016-10-01): its social insurance registration came with its business licence
        made.enterprise("new-company", "福州新设科技有限公司", "350102", 1_000_000, "active", "worker",
                LocalDate.of(2019, 6, 1));
        made.unregistered("ghost", "福州未登记测试公司");
        made.insured("worker", true, true, true, 120, "eatery", "350103");
        var registered = TODAY.minusDays(15);
        made.insured("jobless", true, true, true, 60, null, "350111", registered, "dismissed-by-employer");
        made.insured("jobless-short", true, true, true, 8, null, "350111", registered, "contract-expired");
        made.insured("jobless-pensioner", true, true, true, 300, null, "350102", registered, "economic-layoff");
        made.insured("jobless-receiving", true, true, true, 72, null, "350104", registered, "economic-layoff");
        made.insured("insured-xiamen", true, true, true, 40, null, "350203", registered, "contract-expired");
        made.insured("card-holder", true, true, false, 30, null, "350105");
        made.insured("migrant", true, true, true, 24, "eatery", "350102");
        made.insured("permit-holder", true, true, true, 50, "eatery", "350103");
        made.insured("retiree", true, true, false, 190, null, "350122");
        made.insured("retiree-xiamen", true, true, false, 200, null, "350203");
        made.insured("retiree-short", true, true, false, 100, null, "350124");
        made.insured("retiree-pensioned", true, true, false, 300, null, "350125");
        made.insured("retiree-unpaid", true, true, false, 60, null, "350122");
        made.insured("old-gig", false, true, false, 0, null, "350102");
        made.insured("early-pensioner", false, true, false, 0, null, "350102");
        made.insured("nurse", true, true, true, 96, "hospital", "350102");
        made.insured("gig-worker", false, false, false, 0, null, "350102");
        made.insured("teen-15", false, true, false, 0, null, "350102");
        made.insured("migrant-no-job", false, false, false, 0, null, "350102");
        made.insured("nurse-suspended", true, true, true, 96, "hospital", "350103");
        made.insured("nurse-lapsed", true, true, true, 96, "hospital", "350104");
        // holder, licence kind, valid from, valid until (days from today), status; numbers kept as holder/kind
        ENTERPRISE_LICENCES.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(line -> {
            var f = line.split("\\s+");
            CERTIFICATES.put(f[0] + "/" + f[1], made.licence(f[0], LICENCE_TYPES.get(f[1]), LocalDate.parse(f[2]),
                    TODAY.plusDays(Long.parseLong(f[3])), f[4]));
        });
        CERTIFICATES.put("agency-late/dispatch", made.licence("agency-late", "labour-dispatch", LocalDate.of(2024, 1, 1),
                TODAY.plusDays(30), "valid"));
        CERTIFICATES.put("agency-unreported/dispatch", made.licence("agency-unreported", "labour-dispatch",
                LocalDate.of(2024, 1, 1), TODAY.plusDays(100), "valid"));
        // the annual business reports of the last three years (劳务派遣行政许可实施办法)
        for (var holder : List.of("agency", "agency-late", "eatery", "eatery-expired", "revoked-company")) {
            for (int year = 0; year < 3; year++) {
                made.licence(holder, "labour-dispatch-annual-report", TODAY.minusMonths(1 + 12L * year), null,
                        "valid");
            }
        }
        made.licence("agency", "housing-fund-employer", LocalDate.of(2016, 1, 1), null, "valid");
        made.licence("agency", "social-insurance-employer", LocalDate.of(2016, 1, 1), null, "valid");

        made.upload(mvc, Api.bearer(mvc, "admin"));
        applicants = made;
    }

    static Stream<Case> cases() {
        var certificate = "闽(2024)福州市不动产权第0100001号";
        return Stream.of(licenceRenewal("food-business-licence-renewal", "eatery", "food", "conditions_unchanged", true),
                licenceRenewal("public-place-hygiene-licence-renewal", "eatery", "hygiene", "premises_unaltered", true,
                        "staff_health_certified", true),
                licenceRenewal("labour-dispatch-licence-renewal", "agency", "dispatch", "fixed_premises", true),
                Stream.of(
                approved("graduate-hukou-settlement", "graduate", "settle_into", "talent-collective"),
                rejected("graduate-hukou-settlement", "graduate-school-only", "graduate",
                        "settle_into", "talent-collective"),
                rejected("graduate-hukou-settlement", "fuzhou-owner", "not-yet-fuzhou-hukou",
                        "settle_into", "own-home"),
                rejected("graduate-hukou-settlement", "graduate", "own-home-in-fuzhou", "settle_into", "own-home"),
                manual("graduate-hukou-settlement", "graduate-no-record", "graduate", "UNKNOWN",
                        "settle_into", "employer-collective"),

                approved("birth-registration", "mother", "child_order", 2),
                // a fourth child: the law lets a province allow a further child (Art. 18(2)), so an officer decides
                manual("birth-registration", "mother", "child-order-within-three", "FAIL", "child_order", 4),
                rejected("birth-registration", "mother", "child-order-given", "child_order", 0),
                rejected("birth-registration", "mother-xiamen", "fuzhou-resident", "child_order", 1),
                manual("birth-registration", "worker", "married", "UNKNOWN", "child_order", 1),

                approved("social-security-card", "worker"),
                rejected("social-security-card", "insured-xiamen", "insured-in-fuzhou"),
                rejected("social-security-card", "card-holder", "no-card-yet"),
                manual("social-security-card", "worker" + WRONG_NAME, "name-matches", "FAIL"),

                approved("unemployment-insurance-benefit", "jobless", unemployment("dismissed-by-employer", true)),
                rejected("unemployment-insurance-benefit", "jobless-short", "insured-a-year",
                        unemployment("contract-expired", true)),
                rejected("unemployment-insurance-benefit", "insured-xiamen", "insured-in-fuzhou",
                        unemployment("contract-expired", true)),
                rejected("unemployment-insurance-benefit", "jobless", "involuntary",
                        unemployment("resigned-voluntarily", true)),
                rejected("unemployment-insurance-benefit", "jobless", "seeking-work",
                        unemployment("employer-closed", false)),
                rejected("unemployment-insurance-benefit", "jobless-pensioner", "no-basic-pension",
                        unemployment("economic-layoff", true)),
                rejected("unemployment-insurance-benefit", "jobless-receiving", "not-receiving-yet",
                        unemployment("economic-layoff", true)),
                manual("unemployment-insurance-benefit", "jobless", "separation-date-plausible", "FAIL",
                        "separation_reason", "economic-layoff", "separation_date", TODAY.plusDays(10).toString(),
                        "seeking_work", true),

                approved("residence-permit", "migrant", "living_since", "2024-01-01", "address", "鼓楼区测试路1号"),
                rejected("residence-permit", "worker", "hukou-elsewhere", "living_since", "2024-01-01",
                        "address", "台江区测试路2号"),
                rejected("residence-permit", "migrant", "lived-half-a-year", "living_since", daysAgo(60),
                        "address", "鼓楼区测试路1号"),
                rejected("residence-permit", "permit-holder", "no-valid-permit", "living_since", "2020-01-01",
                        "address", "台江区测试路3号"),
                manual("residence-permit", "migrant-no-job", "stable-job-or-home", "FAIL",
                        "living_since", "2024-01-01", "address", "晋安区测试路4号"),

                approved("individual-business-registration", "worker", business()),
                rejected("individual-business-registration", "teen-15", "at-least-16", business()),
                manual("individual-business-registration", "teen-17", "adult-or-self-supporting", "FAIL",
                        business()),

                approved("road-transport-qualification-renewal", "driver", "kind", "freight"),
                rejected("road-transport-qualification-renewal", "driver-revoked", "holds-qualification",
                        "kind", "passenger"),
                rejected("road-transport-qualification-renewal", "driver-no-licence", "holds-driving-licence",
                        "kind", "freight"),
                rejected("road-transport-qualification-renewal", "driver-accident", "no-major-accident-in-three-years",
                        "kind", "passenger"),
                rejected("road-transport-qualification-renewal", "driver-old", "aged-60-or-under",
                        "kind", "passenger"),
                manual("road-transport-qualification-renewal", "driver" + WRONG_NAME, "name-matches", "FAIL",
                        "kind", "freight"),

                approved("ride-hailing-driver-licence", "ride-driver"),
                rejected("ride-hailing-driver-licence", "ride-novice", "driving-three-years"),
                rejected("ride-hailing-driver-licence", "ride-drunk", "no-disqualifying-record"),
                rejected("ride-hailing-driver-licence", "driver-no-licence", "holds-driving-licence"),
                rejected("ride-hailing-driver-licence", "driver", "examination-passed"),
                rejected("ride-hailing-driver-licence", "ride-holder", "no-certificate-yet"),
                manual("ride-hailing-driver-licence", "ride-driver" + WRONG_NAME, "name-matches", "FAIL"),

                approved("nurse-registration-renewal", "nurse", nurse("nurse-employer", true)),
                rejected("nurse-registration-renewal", "nurse-suspended", "holds-registration",
                        nurse("nurse-employer", true)),
                rejected("nurse-registration-renewal", "nurse-lapsed", "not-expired", nurse("nurse-employer", true)),
                manual("nurse-registration-renewal", "nurse", "works-at-stated-institution", "FAIL",
                        nurse("other-employer", true)),
                manual("nurse-registration-renewal", "nurse", "meets-health-standard", "FAIL",
                        nurse("nurse-employer", false)),

                approved("housing-fund-rent-withdrawal", "renter", rent(2500)),
                rejected("housing-fund-rent-withdrawal", "renter-new", "paid-in-three-months", rent(2500)),
                rejected("housing-fund-rent-withdrawal", "fuzhou-owner", "no-home-in-fuzhou", rent(2500)),
                rejected("housing-fund-rent-withdrawal", "renter", "rent-stated", rent(0)),
                manual("housing-fund-rent-withdrawal", "mother", "spouse-checked", "FAIL", rent(1800)),

                approved("social-insurance-certificate", "worker", "purpose", "home-purchase"),
                rejected("social-insurance-certificate", "insured-xiamen", "insured-in-fuzhou"),
                manual("social-insurance-certificate", "fuzhou-owner", "insured-in-fuzhou", "UNKNOWN"),

                approved("real-estate-record-query", "fuzhou-owner", "certificate_number", certificate),
                approved("real-estate-record-query", "renter"),
                rejected("real-estate-record-query", "renter", "own-records-only", "certificate_number",
                        certificate),
                manual("real-estate-record-query", "stranger", "in-population-registry", "FAIL"),

                approved("disability-subsidies", "disabled-poor", "subsidy", "living"),
                approved("disability-subsidies", "disabled-severe", "subsidy", "care"),
                rejected("disability-subsidies", "worker", "holds-disability-certificate", "subsidy", "living"),
                rejected("disability-subsidies", "disabled-migrant", "fuzhou-hukou", "subsidy", "care"),
                rejected("disability-subsidies", "disabled-severe", "living-subsidy-needs-minimum-allowance",
                        "subsidy", "living"),
                rejected("disability-subsidies", "disabled-poor", "care-subsidy-needs-grade-one-or-two",
                        "subsidy", "care"),
                rejected("disability-subsidies", "disabled-receiving", "not-receiving-yet", "subsidy", "care"),
                manual("disability-subsidies", "disabled-poor" + WRONG_NAME, "name-matches", "FAIL",
                        "subsidy", "living"),

                approved("urban-rural-pension-claim", "retiree"),
                rejected("urban-rural-pension-claim", "worker", "aged-60"),
                rejected("urban-rural-pension-claim", "retiree-xiamen", "insured-in-fuzhou"),
                // 100 months, 60 in 2021: enough if the scheme began there in 2014 (90 needed), not if in 2009 (143)
                manual("urban-rural-pension-claim", "retiree-short", "paid-enough-for-the-earliest-start", "FAIL"),
                rejected("urban-rural-pension-claim", "retiree-unpaid", "paid-enough-even-for-the-latest-start"),
                rejected("urban-rural-pension-claim", "retiree-pensioned", "no-other-basic-pension"),
                manual("urban-rural-pension-claim", "retiree" + WRONG_NAME, "name-matches", "FAIL"),

                approved("dog-registration", "fuzhou-owner", dog("350102", daysAgo(60), "中华田园犬", false)),
                rejected("dog-registration", "teen-15", "at-least-16", dog("350102", daysAgo(60), "中华田园犬", false)),
                rejected("dog-registration", "fuzhou-owner", "in-the-six-districts",
                        dog("other", daysAgo(60), "中华田园犬", false)),
                rejected("dog-registration", "fuzhou-owner", "one-dog-per-household",
                        dog("350102", daysAgo(60), "中华田园犬", true)),
                rejected("dog-registration", "fuzhou-owner", "not-a-banned-breed",
                        dog("350102", daysAgo(60), "藏獒", false)),
                rejected("dog-registration", "fuzhou-owner", "vaccinated-within-a-year",
                        dog("350102", daysAgo(400), "中华田园犬", false)),
                manual("dog-registration", "worker", "dwelling-in-the-district", "FAIL",
                        dog("350103", daysAgo(60), "中华田园犬", false)),
                manual("dog-registration", "teen-17", "full-capacity", "FAIL",
                        dog("350102", daysAgo(60), "中华田园犬", false)),
                manual("dog-registration", "fuzhou-owner" + WRONG_NAME, "name-matches", "FAIL",
                        dog("350102", daysAgo(60), "中华田园犬", false)),

                approved("cross-region-medical-filing", "worker", filing("working-elsewhere", "110101")),
                rejected("cross-region-medical-filing", "insured-xiamen", "medically-insured-in-fuzhou",
                        filing("temporary", "110101")),
                rejected("cross-region-medical-filing", "worker", "destination-outside-fuzhou",
                        filing("temporary", "350102")),
                manual("cross-region-medical-filing", "worker", "referral-checked", "FAIL",
                        filing("referral", "310101")),

                approved("flexible-employment-pension-enrolment", "gig-worker", "occupation", "platform-worker"),
                rejected("flexible-employment-pension-enrolment", "teen-15", "at-least-16", "occupation", "other"),
                rejected("flexible-employment-pension-enrolment", "nurse", "not-enrolled-yet",
                        "occupation", "part-time"),
                rejected("flexible-employment-pension-enrolment", "old-gig", "not-past-retirement-age",
                        "occupation", "freelance"),
                manual("flexible-employment-pension-enrolment", "retiree-unpaid", "under-retirement-age", "FAIL",
                        "occupation", "freelance"),
                rejected("flexible-employment-pension-enrolment", "early-pensioner", "no-basic-pension",
                        "occupation", "sole-trader"),
                manual("flexible-employment-pension-enrolment", "fuzhou-owner", "not-enrolled-yet", "UNKNOWN",
                        "occupation", "freelance"),

                approved("resident-medical-insurance-enrolment", "gig-worker"),
                rejected("resident-medical-insurance-enrolment", "migrant-no-job", "fuzhou-resident"),
                rejected("resident-medical-insurance-enrolment", "worker", "not-insured-yet"),
                manual("resident-medical-insurance-enrolment", "fuzhou-owner", "not-insured-yet", "UNKNOWN"),

                manual("food-business-licence-renewal", "eatery", "conditions-unchanged", "FAIL",
                        licensed("eatery", "food", "conditions_unchanged", false)),
                rejected("public-place-hygiene-licence-renewal", "eatery", "staff-health-certified",
                        licensed("eatery", "hygiene", "premises_unaltered", true, "staff_health_certified", false)),
                manual("public-place-hygiene-licence-renewal", "eatery", "premises-unaltered", "FAIL",
                        licensed("eatery", "hygiene", "premises_unaltered", false, "staff_health_certified", true)),

                approved("publication-business-licence-replacement", "eatery",
                        licensed("eatery", "publication", "loss_declared", true)),
                rejected("publication-business-licence-replacement", "revoked-company", "enterprise-active",
                        licensed("revoked-company", "publication", "loss_declared", true)),
                rejected("publication-business-licence-replacement", "eatery-suspended", "licence-still-valid",
                        licensed("eatery-suspended", "publication", "loss_declared", true)),
                manual("publication-business-licence-replacement", "eatery", "loss-declared", "FAIL",
                        licensed("eatery", "publication", "loss_declared", false)),

                rejected("labour-dispatch-licence-renewal", "agency-late", "applied-sixty-days-before-expiry",
                        licensed("agency-late", "dispatch", "fixed_premises", true)),
                manual("labour-dispatch-licence-renewal", "agency-unreported", "three-years-of-reports", "FAIL",
                        licensed("agency-unreported", "dispatch", "fixed_premises", true)),
                rejected("labour-dispatch-licence-renewal", "eatery", "capital-two-million",
                        licensed("eatery", "dispatch", "fixed_premises", true)),
                rejected("labour-dispatch-licence-renewal", "agency", "fixed-premises",
                        licensed("agency", "dispatch", "fixed_premises", false)),
                manual("labour-dispatch-licence-renewal", "ghost", "in-enterprise-registry", "FAIL",
                        licensed("agency", "dispatch", "fixed_premises", true)),

                approved("housing-fund-employer-registration", "eatery", employer()),
                rejected("housing-fund-employer-registration", "revoked-company", "enterprise-active", employer()),
                rejected("housing-fund-employer-registration", "xiamen-company", "registered-in-fuzhou", employer()),
                rejected("housing-fund-employer-registration", "agency", "not-registered-yet", employer()),
                manual("housing-fund-employer-registration", "eatery" + WRONG_NAME, "name-matches", "FAIL",
                        employer()),

                approved("social-insurance-employer-registration", "eatery", employer()),
                rejected("social-insurance-employer-registration", "revoked-company", "enterprise-active",
                        employer()),
                rejected("social-insurance-employer-registration", "xiamen-company", "registered-in-fuzhou",
                        employer()),
                rejected("social-insurance-employer-registration", "agency", "not-registered-yet", employer()),
                rejected("social-insurance-employer-registration", "new-company",
                        "not-registered-with-the-business-licence", employer()),
                manual("social-insurance-employer-registration", "ghost", "in-enterprise-registry", "FAIL",
                        employer()))).flatMap(group -> group);
    }

    /**
     * What every licence renewal shows: approved for the holder; refused for a revoked business, for a licence number
     * that is not the applicant's, and for a licence past its end date.
     */
    static Stream<Case> licenceRenewal(String item, String holder, String kind, Object... yes) {
        var other = holder.equals("agency") ? "eatery" : "agency";
        return Stream.of(approved(item, holder, licensed(holder, kind, yes)),
                rejected(item, "revoked-company", "enterprise-active", licensed("revoked-company", kind, yes)),
                rejected(item, other, "holds-licence", licensed(holder, kind, yes)),
                rejected(item, "eatery-expired", "not-expired", licensed("eatery-expired", kind, yes)));
    }

    /** A form naming a test enterprise's licence ({@code holder/kind}, resolved when applying) and other fields. */
    static Object[] licensed(String holder, String kind, Object... fields) {
        var form = new Object[fields.length + 2];
        form[0] = "licence_number";
        form[1] = holder + "/" + kind;
        System.arraycopy(fields, 0, form, 2, fields.length);
        return form;
    }

    static Object[] unemployment(String reason, boolean seeking) {
        return new Object[] {"separation_reason", reason, "separation_date", daysAgo(20), "seeking_work", seeking};
    }

    static Object[] business() {
        return new Object[] {"trade_name", "有福小吃店", "business_scope", "retail", "premises_address", "鼓楼区测试路8号"};
    }

    static Object[] nurse(String employer, boolean fit) {
        return new Object[] {"employer_credit_code", employer, "meets_health_standard", fit};
    }

    static Object[] rent(int monthly) {
        return new Object[] {"monthly_rent", monthly, "lease_filed", true};
    }

    static Object[] dog(String district, String vaccinatedOn, String breed, boolean otherDog) {
        return new Object[] {"dog_name", "旺财", "breed", breed, "dog_sex", "male",
                "vaccination_certificate", "FZ-RV-2026-0001", "vaccinated_on", vaccinatedOn,
                "keeping_district", district, "keeping_address", "测试路5号", "other_dog_in_household", otherDog};
    }

    static Object[] filing(String kind, String destination) {
        return new Object[] {"filing_type", kind, "destination_division", destination, "start_date", TODAY.toString()};
    }

    static Object[] employer() {
        return new Object[] {"employees", 12, "contact_phone", "059187654321"};
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachItemDecidesAsTheLawSays(Case expected) throws Exception {
        var decision = apply(expected);
        var outcomes = new HashMap<String, String>();
        decision.get("reasons").forEach(r -> outcomes.put(r.get("condition").asString(), r.get("outcome").asString()));
        assertThat(decision.get("decision").asString()).as("%s: %s", expected, outcomes)
                .isEqualTo(expected.decision());
        if (expected.condition() != null) {
            assertThat(outcomes).containsEntry(expected.condition(), expected.outcome());
        }
        if (expected.decision().equals("APPROVED")) {
            assertThat(outcomes.values()).containsOnly("PASS");
        }
    }

    @Test
    void everyNewItemIsShownApprovedReferredAndRefusedForEachConditionThatRefuses() {
        var all = cases().toList();
        // elderly-card and high-age-allowance: ApprovalIntegrationTest; senior-bus-card (reads an ID card photo):
        // MaterialsApprovalIntegrationTest.
        var items = catalog.items().stream()
                .filter(item -> !List.of("elderly-card", "high-age-allowance", "senior-bus-card")
                        .contains(item.code())).toList();
        assertThat(items).hasSize(24);
        for (ServiceItem item : items) {
            var mine = all.stream().filter(c -> c.item().equals(item.code())).toList();
            assertThat(mine).as(item.code()).anyMatch(c -> c.decision().equals("APPROVED"))
                    .anyMatch(c -> c.decision().equals("MANUAL_REVIEW"));
            item.conditions().stream().filter(c -> c.onFail() == OnFail.REJECT).forEach(condition ->
                    assertThat(mine).as("%s: a refusal for %s", item.code(), condition.id())
                            .anyMatch(c -> c.decision().equals("REJECTED") && condition.id().equals(c.condition())));
        }
    }

    JsonNode apply(Case expected) throws Exception {
        var form = new LinkedHashMap<String, Object>();
        expected.form().forEach((field, value) -> form.put(field,
                field.equals("licence_number") ? CERTIFICATES.get((String) value)
                        : field.equals("employer_credit_code") ? employerCode((String) value) : value));
        var body = JSON.writeValueAsString(Map.of("item", expected.item(), "form", form));
        var answer = mvc.perform(post("/api/v1/applications").header("Authorization", token(expected.who()))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JSON.readTree(answer);
    }

    String employerCode(String label) {
        return applicants.id(label.equals("nurse-employer") ? "hospital" : "eatery");
    }

    String token(String who) throws Exception {
        var cached = TOKENS.get(who);
        if (cached != null) {
            return cached;
        }
        var wrongName = who.endsWith(WRONG_NAME);
        var label = wrongName ? who.substring(0, who.length() - WRONG_NAME.length()) : who;
        var id = applicants.id(label);
        var name = applicants.name(label) + (wrongName ? "某" : "");
        boolean enterprise = id.startsWith("91"); // a credit code: no resident ID starts with province 91
        String token;
        if (enterprise) {
            token = TestTokens.bearer(context, id, name, Role.ENTERPRISE, id);
        } else if (wrongName || label.equals("stranger")) {
            token = TestTokens.bearer(context, id, name, Role.APPLICANT, id);
        } else {
            token = Api.bearer(mvc, id);
        }
        TOKENS.put(who, token);
        return token;
    }
}

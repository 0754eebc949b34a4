package cn.youfu.sources.internal;

import cn.youfu.platform.CreditCode;
import cn.youfu.platform.DivisionCodes;
import cn.youfu.platform.ResidentId;
import cn.youfu.sources.internal.NamedResidents.Named;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A deterministic synthetic Fuzhou for the demo: the same seed gives the same rows, in the column order of each
 * source ({@link SourceCatalog}). About 85 % of residents have their household in a Fuzhou district or county, the
 * rest elsewhere in Fujian and China; ages 0 to 100 (a quarter over 60, one in fifteen over 80) as of 2026; some
 * deceased; non-Fuzhou residents with valid or expired Fuzhou residence permits; enterprises with valid credit
 * codes; and the records approvals check (elderly cards, allowances, marriages, degrees, insurance, property, credit
 * lists). The named residents of {@link NamedResidents} come first. Pure: no database, no clock.
 */
final class SyntheticCity {

    /** Ages are counted to this day; no one is born after {@link #LATEST_BIRTH}. */
    static final LocalDate REFERENCE = LocalDate.of(2026, 11, 25);
    private static final LocalDate LATEST_BIRTH = LocalDate.of(2026, 6, 30);

    private static final String SURNAMES = "陈林黄张李王吴刘郑杨蔡许谢郭洪曾邱廖赖徐周叶苏庄吕江何萧罗高潘简朱钟彭游詹胡施沈"
            + "余卢梁赵颜柯翁魏孙戴范方宋邓杜傅侯曹薛丁卓马阮董唐温蓝蒋石古纪姚连冯欧程汤田康姜白汪邹尤巫钱严韩龚袁童陆柳";
    private static final String MALE = "伟强磊军勇杰涛明超斌华建国志文俊辉鹏宇浩凯峰林平福生祥荣坤海东成德清安金龙榕闽";
    private static final String FEMALE = "芳娜敏静丽燕艳娟霞秀英玲兰萍红梅琳雪婷慧珍凤玉桂莉倩颖洁月琴淑美华榕闽";
    private static final String[] WORDS = {"闽江", "榕城", "鼓山", "三坊", "七巷", "乌山", "于山", "马尾", "海峡", "东街",
            "南门", "西湖", "茉莉", "温泉", "福瑞", "恒信", "鑫源", "华兴", "金桥", "新港", "海丝", "有福", "长乐", "滨海"};
    private static final String[] TRADES = {"科技", "贸易", "餐饮", "建设", "物流", "食品", "电子", "文化", "医药", "茶业",
            "服装", "软件", "咨询", "置业", "水产"};
    private static final String[] STREETS = {"五四路", "八一七北路", "杨桥路", "工业路", "福飞路", "湖东路", "六一路",
            "华林路", "江滨大道", "闽江大道", "福新路", "则徐大道", "金山大道", "连江路", "鼓屏路"};
    private static final String[] INSTITUTIONS = {"福州大学", "福建师范大学", "福建农林大学", "福建医科大学",
            "闽江学院", "福建工程学院", "厦门大学", "华侨大学", "福建江夏学院", "福州职业技术学院"};

    private final SplittableRandom random;
    private final List<String> fuzhou;
    private final List<String> fujian;
    private final List<String> china;
    private final Set<String> ids = new HashSet<>();
    private final Map<SourceDefinition<?>, List<Object[]>> rows = new LinkedHashMap<>();
    private final List<String> adults = new ArrayList<>();
    private final List<String> waitingHusbands = new ArrayList<>();
    private final List<String> waitingWives = new ArrayList<>();
    private final List<String> employers = new ArrayList<>();
    private int licences;
    private int certificates;

    private SyntheticCity(long seed, DivisionCodes divisions) {
        this.random = new SplittableRandom(seed);
        this.fuzhou = divisions.counties("3501");
        this.fujian = divisions.counties("35").stream().filter(c -> !c.startsWith("3501")).toList();
        this.china = divisions.counties("").stream().filter(c -> !c.startsWith("35") && c.compareTo("71") < 0)
                .toList();
        SourceCatalog.ALL.forEach(d -> rows.put(d, new ArrayList<>()));
    }

    /** The rows of every source for {@code residents} + {@code enterprises} generated ones and the named ones. */
    static Map<SourceDefinition<?>, List<Object[]>> generate(long seed, int residents, int enterprises,
                                                             DivisionCodes divisions) {
        var city = new SyntheticCity(seed, divisions);
        NamedResidents.RESIDENTS.forEach(n -> city.ids.add(n.idNumber()));
        city.named();
        for (int i = 0; i < residents; i++) {
            city.resident();
        }
        city.enterprises(enterprises);
        city.socialInsurance();
        return city.rows;
    }

    private void add(SourceDefinition<?> source, Object... values) {
        rows.get(source).add(values);
    }

    // --- the named residents and enterprises ------------------------------------------------------------------

    private void named() {
        for (Named n : NamedResidents.RESIDENTS) {
            if (n.inRegistry()) {
                add(SourceCatalog.POPULATION, n.idNumber(), n.name(), n.birthDate(), n.hukou(), n.alive(),
                        n.permitDivision(), n.permitExpiry());
            }
            if (n.permitDivision() != null) {
                licence(n.idNumber(), "residence-permit", n.permitExpiry().minusYears(3), n.permitExpiry());
            }
        }
        elderlyCard(NamedResidents.HAS_CARD.idNumber(), LocalDate.of(2020, 3, 1));
        elderlyCard(NamedResidents.AGED_85.idNumber(), LocalDate.of(2001, 7, 1));
        elderlyCard(NamedResidents.HAS_ALLOWANCE.idNumber(), LocalDate.of(2004, 2, 1));
        add(SourceCatalog.BENEFITS, NamedResidents.HAS_ALLOWANCE.idNumber(), "high-age-allowance",
                LocalDate.of(2024, 2, 1), "paying");
        add(SourceCatalog.BENEFITS, NamedResidents.AGED_85.idNumber(), "pension", LocalDate.of(1996, 7, 1), "paying");
        add(SourceCatalog.BENEFITS, NamedResidents.APPLICANT.idNumber(), "pension", LocalDate.of(2018, 4, 1),
                "paying");
        String wife = NamedResidents.CREDIT_LISTED.idNumber();
        String husband = NamedResidents.AGED_61.idNumber();
        add(SourceCatalog.MARRIAGE, wife, "married", husband, LocalDate.of(2015, 10, 1));
        add(SourceCatalog.MARRIAGE, husband, "married", wife, LocalDate.of(2015, 10, 1));
        add(SourceCatalog.EDUCATION, wife, "bachelor", "福州大学", LocalDate.of(2012, 7, 1));
        add(SourceCatalog.CREDIT, wife, "dishonest-executee", LocalDate.of(2025, 3, 15),
                "未履行生效判决确定的给付义务");
        property(NamedResidents.APPLICANT.idNumber(), "350102");
        for (var e : NamedResidents.ENTERPRISES) {
            if (e.inRegistry()) {
                add(SourceCatalog.ENTERPRISE, e.creditCode(), e.name(), e.legalRepresentative(), "有限责任公司",
                        "福州市" + address(), new BigDecimal("1000000.00"), LocalDate.of(2019, 5, 20), e.status(),
                        e.division());
                employers.add(e.creditCode());
            }
        }
        licence(NamedResidents.REVOKED.creditCode(), "food-business", LocalDate.of(2021, 1, 1),
                LocalDate.of(2026, 12, 31), "revoked");
        add(SourceCatalog.CREDIT, NamedResidents.LISTED.creditCode(), "dishonest-executee", LocalDate.of(2024, 9, 1),
                "未履行生效判决确定的给付义务");
        namedForCorrectedRules();
    }

    /** The records of the people the corrected rules decide otherwise; fixed values, none drawn at random. */
    private void namedForCorrectedRules() {
        namedProperty(NamedResidents.DOG_KEEPER_FROM_ELSEWHERE.idNumber(), "350102", "鼓楼区五四路18号");
        namedProperty(NamedResidents.DOG_HOLDER.idNumber(), "350103", "台江区工业路66号");
        licence(NamedResidents.DOG_HOLDER.idNumber(), "dog-registration", LocalDate.of(2024, 2, 1),
                LocalDate.of(2027, 12, 31));
        var renewed = NamedResidents.DRIVER_RENEWED.idNumber();
        add(SourceCatalog.E_LICENCE, renewed, "driving-licence", "DL" + renewed.substring(6), LocalDate.of(2024, 3, 1),
                LocalDate.of(2034, 3, 1), "valid", LocalDate.of(2008, 6, 1));
        licence(renewed, "ride-hailing-exam", LocalDate.of(2026, 9, 1), null);
        var drinker = NamedResidents.DRIVER_DRINK_DRIVING.idNumber();
        add(SourceCatalog.E_LICENCE, drinker, "driving-licence", "DL" + drinker.substring(6), LocalDate.of(2019, 1, 1),
                LocalDate.of(2029, 1, 1), "valid", LocalDate.of(2005, 4, 1));
        licence(drinker, "ride-hailing-exam", LocalDate.of(2026, 9, 1), null);
        add(SourceCatalog.POLICE_RECORDS, drinker, "drink-driving", LocalDate.of(2023, 5, 1));
        namedInsurance(NamedResidents.PENSION_AGED_78, true, 0, "350122", null, null);
        namedInsurance(NamedResidents.PENSION_AGED_64, true, 160, "350124", null, null);
        namedInsurance(NamedResidents.PENSION_AGED_64_SHORT, true, 120, "350125", null, null);
        namedInsurance(NamedResidents.AGED_75_UNINSURED, false, 0, "350102", null, null);
        namedInsurance(NamedResidents.JOBLESS_RESIGNED, true, 60, "350103", LocalDate.of(2026, 10, 20),
                "resigned-voluntarily");
        namedInsurance(NamedResidents.JOBLESS_UNREGISTERED, true, 48, "350104", null, "economic-layoff");
        namedInsurance(NamedResidents.JOBLESS, true, 72, "350111", LocalDate.of(2026, 10, 1), "employer-closed");
    }

    private void namedInsurance(Named who, boolean pension, int months, String city, LocalDate unemploymentRegistered,
                                String separationReason) {
        add(SourceCatalog.SOCIAL_INSURANCE, who.idNumber(), pension, true, true, months, null, city,
                unemploymentRegistered, separationReason);
    }

    private void namedProperty(String owner, String division, String address) {
        add(SourceCatalog.REAL_ESTATE, owner, "闽(2020)福州市不动产权第9" + owner.substring(12, 17) + "号", "福州市" + address,
                new BigDecimal("88.00"), division);
    }

    // --- residents ----------------------------------------------------------------------------------------------

    private void resident() {
        double where = random.nextDouble();
        String hukou = where < 0.85 ? pick(fuzhou) : where < 0.92 ? pick(fujian) : pick(china);
        double band = random.nextDouble();
        int age = band < 0.74 ? random.nextInt(60) : band < 0.935 ? 60 + random.nextInt(20) : 80 + random.nextInt(21);
        LocalDate birth = LATEST_BIRTH.minusYears(age).minusDays(random.nextInt(365));
        if (birth.isBefore(LocalDate.of(1926, 1, 1))) {
            birth = LocalDate.of(1926, 1, 1).plusDays(random.nextInt(300));
        }
        boolean male = random.nextBoolean();
        String issued = random.nextDouble() < 0.95 ? hukou : pick(random.nextBoolean() ? fuzhou : china);
        String id = newId(issued, birth, male);
        int realAge = (int) ChronoUnit.YEARS.between(birth, REFERENCE);
        double death = realAge >= 80 ? 0.12 : realAge >= 60 ? 0.03 : 0.003;
        boolean alive = random.nextDouble() >= death;
        boolean fuzhouHukou = hukou.startsWith("3501");
        String permit = null;
        LocalDate expiry = null;
        if (!fuzhouHukou && realAge >= 16 && random.nextDouble() < 0.5) {
            permit = pick(fuzhou);
            expiry = random.nextDouble() < 0.75
                    ? LocalDate.of(2027, 1, 1).plusDays(random.nextInt(3 * 365))
                    : LocalDate.of(2024, 1, 1).plusDays(random.nextInt(2 * 365 + 270));
            licence(id, "residence-permit", expiry.minusYears(3), expiry);
        }
        add(SourceCatalog.POPULATION, id, name(male), birth, hukou, alive, permit, expiry);
        if (!alive) {
            return;
        }
        boolean residesInFuzhou = fuzhouHukou || expiry != null && !expiry.isBefore(REFERENCE);
        if (realAge >= 60 && residesInFuzhou && random.nextDouble() < 0.4) {
            elderlyCard(id, birth.plusYears(60).plusDays(random.nextInt(700)));
        }
        if (realAge >= 80 && fuzhouHukou && random.nextDouble() < 0.55) {
            add(SourceCatalog.BENEFITS, id, "high-age-allowance", birth.plusYears(80).plusMonths(1).withDayOfMonth(1),
                    "paying");
        }
        if (realAge >= 60 && random.nextDouble() < 0.7) {
            add(SourceCatalog.BENEFITS, id, "pension", birth.plusYears(male ? 60 : 55).plusMonths(1).withDayOfMonth(1),
                    "paying");
        }
        if (random.nextDouble() < 0.015) {
            add(SourceCatalog.BENEFITS, id, "disability-subsidy", LocalDate.of(2015, 1, 1)
                    .plusDays(random.nextInt(3650)), random.nextDouble() < 0.9 ? "paying" : "suspended");
        }
        if (realAge >= 18) {
            adults.add(id);
            adult(id, male, birth, realAge, hukou);
        }
    }

    private void adult(String id, boolean male, LocalDate birth, int age, String hukou) {
        if (age >= 22) {
            double m = random.nextDouble();
            if (m < 0.62) {
                (male ? waitingHusbands : waitingWives).add(id);
                marryWaiting();
            } else if (m < 0.80) {
                add(SourceCatalog.MARRIAGE, id, "single", null, null);
            } else {
                var on = birth.plusYears(30).plusDays(random.nextInt(3650));
                add(SourceCatalog.MARRIAGE, id, m < 0.90 || age < 60 ? "divorced" : "widowed", null,
                        on.isAfter(REFERENCE) ? REFERENCE.minusDays(30) : on);
            }
            double e = random.nextDouble();
            String level = e < 0.015 ? "doctor" : e < 0.09 ? "master" : e < 0.38 ? "bachelor" : e < 0.58 ? "college"
                    : e < 0.80 ? "high-school" : null;
            if (level != null) {
                add(SourceCatalog.EDUCATION, id, level, pick(INSTITUTIONS), birth.plusYears(22).withMonth(7)
                        .withDayOfMonth(1));
            }
        }
        if (age >= 25 && random.nextDouble() < 0.4) {
            property(id, hukou.startsWith("3501") ? hukou : pick(fuzhou));
            if (random.nextDouble() < 0.12) {
                property(id, pick(fuzhou));
            }
        }
        if (random.nextDouble() < 0.008) {
            add(SourceCatalog.CREDIT, id, "dishonest-executee", LocalDate.of(2016, 1, 1).plusDays(random.nextInt(3600)),
                    "未履行生效判决确定的给付义务");
        }
    }

    /** Pairs the first waiting husband and wife, once both exist. */
    private void marryWaiting() {
        if (waitingHusbands.isEmpty() || waitingWives.isEmpty()) {
            return;
        }
        String husband = waitingHusbands.remove(waitingHusbands.size() - 1);
        String wife = waitingWives.remove(waitingWives.size() - 1);
        var younger = ResidentId.of(husband).birthDate().isAfter(ResidentId.of(wife).birthDate()) ? husband : wife;
        var on = ResidentId.of(younger).birthDate().plusYears(22 + random.nextInt(8));
        if (on.isAfter(REFERENCE)) {
            on = REFERENCE.minusDays(1 + random.nextInt(300));
        }
        add(SourceCatalog.MARRIAGE, husband, "married", wife, on);
        add(SourceCatalog.MARRIAGE, wife, "married", husband, on);
    }

    private String newId(String division, LocalDate birth, boolean male) {
        while (true) {
            int sequence = random.nextInt(500) * 2 + (male ? 1 : 0);
            var first17 = division + birth.toString().replace("-", "") + String.format("%03d", sequence);
            var id = first17 + ResidentId.checkCharacter(first17);
            if (ids.add(id)) {
                return id;
            }
        }
    }

    private String name(boolean male) {
        double u = random.nextDouble();
        char surname = SURNAMES.charAt((int) (SURNAMES.length() * u * u));
        String pool = male ? MALE : FEMALE;
        var name = new StringBuilder().append(surname).append(pool.charAt(random.nextInt(pool.length())));
        if (random.nextDouble() < 0.6) {
            name.append(pool.charAt(random.nextInt(pool.length())));
        }
        return name.toString();
    }

    // --- enterprises ------------------------------------------------------------------------------------------

    private void enterprises(int count) {
        var codes = new HashSet<String>();
        NamedResidents.ENTERPRISES.forEach(e -> codes.add(e.creditCode()));
        for (int i = 0; i < count; i++) {
            double kind = random.nextDouble();
            String prefix = kind < 0.85 ? "91" : kind < 0.95 ? "92" : "93";
            String division = random.nextDouble() < 0.85
                    ? (random.nextDouble() < 0.3 ? "350100" : pick(fuzhou)) : pick(fujian);
            String code;
            do {
                var organisation = new StringBuilder();
                for (int c = 0; c < 9; c++) {
                    organisation.append(CreditCode.ALPHABET.charAt(random.nextInt(CreditCode.ALPHABET.length())));
                }
                var first17 = prefix + division + organisation;
                code = first17 + CreditCode.checkCharacter(first17);
            } while (!codes.add(code));
            String type = prefix.equals("91") ? (random.nextDouble() < 0.9 ? "有限责任公司" : "股份有限公司")
                    : prefix.equals("92") ? "个体工商户" : "农民专业合作社";
            String name = "福州" + pick(WORDS) + pick(TRADES) + switch (prefix) {
                case "92" -> "商行";
                case "93" -> "专业合作社";
                default -> type.equals("股份有限公司") ? "股份有限公司" : "有限公司";
            };
            double s = random.nextDouble();
            String status = s < 0.92 ? "active" : s < 0.97 ? "revoked" : "cancelled";
            add(SourceCatalog.ENTERPRISE, code, name, pick(adults), type, "福州市" + address(),
                    BigDecimal.valueOf(10_000L * (1 + random.nextInt(5000)), 0).setScale(2),
                    LocalDate.of(1995, 1, 1).plusDays(random.nextInt(11_300)), status, division);
            if (status.equals("active")) {
                employers.add(code);
            }
            if (random.nextDouble() < 0.25) {
                var from = LocalDate.of(2021, 1, 1).plusDays(random.nextInt(1800));
                licence(code, "food-business", from, from.plusYears(5), status.equals("active") ? null : "revoked");
            }
            if (random.nextDouble() < 0.015) {
                add(SourceCatalog.CREDIT, code, "dishonest-executee", LocalDate.of(2018, 1, 1)
                        .plusDays(random.nextInt(3000)), "未履行生效判决确定的给付义务");
            }
            if (random.nextDouble() < 0.1) {
                property(code, division.startsWith("3501") && !division.equals("350100") ? division : pick(fuzhou));
            }
        }
    }

    /** Social insurance for most working-age adults, employed by active enterprises. */
    private void socialInsurance() {
        for (var id : adults) {
            var resident = ResidentId.of(id);
            int age = resident.ageOn(REFERENCE);
            if (age > 75 || random.nextDouble() >= 0.75) {
                continue;
            }
            boolean working = age < 60;
            int months = Math.min((age - 18) * 12, random.nextInt(Math.max(1, (age - 17) * 12)));
            add(SourceCatalog.SOCIAL_INSURANCE, id, true, true, working && random.nextDouble() < 0.8, months,
                    working ? pick(employers) : null, random.nextDouble() < 0.9 ? "350100" : pick(fuzhou), null, null);
        }
    }

    // --- shared pieces -------------------------------------------------------------------------------------------

    private void elderlyCard(String id, LocalDate from) {
        licence(id, "elderly-card", from.isAfter(REFERENCE) ? REFERENCE.minusDays(10) : from, null);
    }

    private void licence(String holder, String type, LocalDate from, LocalDate until) {
        licence(holder, type, from, until, null);
    }

    private void licence(String holder, String type, LocalDate from, LocalDate until, String status) {
        String prefix = switch (type) {
            case "elderly-card" -> "FZLN";
            case "residence-permit" -> "JZZ";
            case "food-business" -> "JY1";
            default -> "LIC";
        };
        String number = prefix + String.format("%09d", ++licences);
        String state = status != null ? status : until != null && until.isBefore(REFERENCE) ? "expired" : "valid";
        add(SourceCatalog.E_LICENCE, holder, type, number, from, until, state, null);
    }

    private void property(String owner, String division) {
        int year = 2005 + random.nextInt(21);
        add(SourceCatalog.REAL_ESTATE, owner, "闽(" + year + ")福州市不动产权第" + String.format("%07d", ++certificates)
                + "号", "福州市" + address(), BigDecimal.valueOf(3000 + random.nextInt(15_000), 2), division);
    }

    private String address() {
        return pick(STREETS) + (1 + random.nextInt(300)) + "号";
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private String pick(String[] array) {
        return array[random.nextInt(array.length)];
    }
}

package cn.youfu.sources.internal;

import cn.youfu.platform.CreditCode;
import cn.youfu.platform.ResidentId;
import java.time.LocalDate;
import java.util.List;

/**
 * The synthetic city's fixed residents and enterprises, one for each case an approval must handle; listed with
 * their purpose in {@code docs/demo-data.md}. Ages are as of 2026-11-25 and hold until at least mid-2027.
 */
final class NamedResidents {

    private NamedResidents() {
    }

    /** A named resident; {@code inRegistry} false: a valid number the population registry does not know. */
    record Named(String idNumber, String name, LocalDate birthDate, String hukou, boolean alive, String permitDivision,
                 LocalDate permitExpiry, boolean inRegistry, String purpose) {
    }

    /** A named enterprise; {@code inRegistry} false: a valid code the enterprise registry does not know. */
    record NamedEnterprise(String creditCode, String name, String status, String division, String legalRepresentative,
                           boolean inRegistry, String purpose) {
    }

    static final Named APPLICANT = resident("350102195803120016", "陈有福", "350102", true, null, null,
            "the demo account applicant: 68, Gulou hukou, no elderly card yet — passes the elderly card");
    static final Named AGED_61 = resident(id("350104", "19650520", 11), "林春生", "350104", true, null, null,
            "61, Cangshan hukou, no card — passes the elderly card");
    static final Named AGED_59 = resident(id("350111", "19670808", 22), "王秀兰", "350111", true, null, null,
            "59, Jin'an hukou — too young for the elderly card");
    static final Named PERMIT_VALID = resident(id("360102", "19560401", 31), "张建国", "360102", true, "350103",
            LocalDate.of(2028, 12, 31), "70, hukou in Nanchang, valid Fuzhou residence permit — passes the card");
    static final Named PERMIT_EXPIRED = resident(id("430102", "19560915", 42), "刘桂英", "430102", true, "350104",
            LocalDate.of(2026, 3, 31), "70, hukou in Changsha, Fuzhou residence permit expired 2026-03-31 — fails");
    static final Named NOT_FUZHOU = resident(id("350203", "19581010", 53), "周国平", "350203", true, null, null,
            "68, hukou in Xiamen, no permit — fails residence in Fuzhou");
    static final Named HAS_CARD = resident(id("350105", "19600202", 61), "黄志强", "350105", true, null, null,
            "66, Mawei hukou, already holds a valid elderly card — refused as a duplicate");
    static final Named AGED_85 = resident(id("350121", "19410618", 72), "郑玉珍", "350121", true, null, null,
            "85, Minhou hukou, elderly card, no high-age allowance yet — passes the high-age allowance");
    static final Named HAS_ALLOWANCE = resident(id("350181", "19440109", 81), "吴德福", "350181", true, null, null,
            "82, Fuqing hukou, high-age allowance already paid — refused as a duplicate");
    static final Named DECEASED = resident(id("350102", "19480707", 92), "陈淑芬", "350102", false, null, null,
            "78, Gulou hukou, deceased — every application fails");
    static final Named ABSENT = new Named(id("350102", "19800101", 13), "李明", LocalDate.of(1980, 1, 1), "350102",
            true, null, null, false, "valid ID number, not in the population registry — NOT_FOUND");
    static final Named CREDIT_LISTED = resident(id("350103", "19900404", 24), "赵雪梅", "350103", true, null, null,
            "36, Taijiang hukou, married, bachelor's degree, on the dishonest-executee list");

    // The people the catalogue's corrected rules decide otherwise than the old ones did (docs/demo-data.md).
    static final Named DOG_KEEPER_FROM_ELSEWHERE = resident(id("360102", "19850412", 115), "叶清远", "360102", true,
            null, null, "41, hukou in Nanchang, no permit, owns a home in Gulou — may register a dog kept there");
    static final Named DOG_HOLDER = resident(id("350103", "19880909", 126), "邱丽娟", "350103", true, null, null,
            "38, Taijiang hukou and home, already holds a dog registration — a second dog is refused");
    static final Named AGED_17 = resident(id("350102", "20090815", 137), "潘子轩", "350102", true, null, null,
            "17, Gulou hukou — a dog registration goes to an officer (full capacity at 16 if self-supporting)");
    static final Named DRIVER_RENEWED = resident(id("350104", "19800303", 141), "郑建华", "350104", true, null,
            null, "46, driving licence first issued 2008, renewed 2024, passed the ride-hailing exam — approved");
    static final Named DRIVER_DRINK_DRIVING = resident(id("350111", "19830707", 153), "林志勇", "350111", true,
            null, null, "43, licence since 2005, passed the exam, a drink-driving record — refused");
    static final Named PENSION_AGED_78 = resident(id("350122", "19480510", 162), "吴秀珍", "350122", true, null,
            null, "78, Lianjiang, was 60 when the residents' pension began: no contributions needed — approved");
    static final Named PENSION_AGED_64 = resident(id("350124", "19620618", 171), "陈德旺", "350124", true, null,
            null, "64, Minqing, 160 months paid: enough for the transition cohort — approved");
    static final Named PENSION_AGED_64_SHORT = resident(id("350125", "19620620", 182), "黄月英", "350125", true,
            null, null, "64, Yongtai, 120 months paid: depends on when the scheme began there — an officer decides");
    static final Named AGED_75_UNINSURED = resident(id("350102", "19510202", 193), "何福来", "350102", true, null,
            null, "75, Gulou, never insured for a pension — refused flexible-employment enrolment");
    static final Named JOBLESS_RESIGNED = resident(id("350103", "19901010", 205), "李晓峰", "350103", true, null,
            null, "36, unemployment registered, the employer reported a resignation — an officer decides");
    static final Named JOBLESS_UNREGISTERED = resident(id("350104", "19921212", 216), "张丽芳", "350104", true,
            null, null, "34, laid off, no 失业登记 on record — an officer decides");
    static final Named JOBLESS = resident(id("350111", "19860505", 227), "王建平", "350111", true, null, null,
            "40, employer closed, unemployment registered — approved");

    static final List<Named> RESIDENTS = List.of(APPLICANT, AGED_61, AGED_59, PERMIT_VALID, PERMIT_EXPIRED,
            NOT_FUZHOU, HAS_CARD, AGED_85, HAS_ALLOWANCE, DECEASED, ABSENT, CREDIT_LISTED, DOG_KEEPER_FROM_ELSEWHERE,
            DOG_HOLDER, AGED_17, DRIVER_RENEWED, DRIVER_DRINK_DRIVING, PENSION_AGED_78, PENSION_AGED_64,
            PENSION_AGED_64_SHORT, AGED_75_UNINSURED, JOBLESS_RESIGNED, JOBLESS_UNREGISTERED, JOBLESS);

    static final NamedEnterprise DEMO_ENTERPRISE = new NamedEnterprise("91350100MA2Y0F0U0N", "福州有福科技有限公司",
            "active", "350100", APPLICANT.idNumber(), true, "the demo account enterprise: active, in Fuzhou");
    static final NamedEnterprise REVOKED = new NamedEnterprise(code("91350102MA2Y0F1K0"), "福州闽江餐饮有限公司",
            "revoked", "350102", AGED_61.idNumber(), true, "business licence revoked; its food-business licence too");
    static final NamedEnterprise LISTED = new NamedEnterprise(code("91350103MA2Y0F2L0"), "福州榕城贸易有限公司",
            "active", "350103", CREDIT_LISTED.idNumber(), true, "active, on the dishonest-executee list");
    static final NamedEnterprise UNREGISTERED = new NamedEnterprise(code("91350104MA2Y0F3M0"), "福州未登记商行",
            "active", "350104", AGED_61.idNumber(), false, "valid credit code, not in the enterprise registry");

    static final List<NamedEnterprise> ENTERPRISES = List.of(DEMO_ENTERPRISE, REVOKED, LISTED, UNREGISTERED);

    private static Named resident(String id, String name, String hukou, boolean alive, String permitDivision,
                                  LocalDate permitExpiry, String purpose) {
        return new Named(id, name, ResidentId.of(id).birthDate(), hukou, alive, permitDivision, permitExpiry, true,
                purpose);
    }

    private static String id(String division, String birth, int sequence) {
        var first17 = division + birth + String.format("%03d", sequence);
        return first17 + ResidentId.checkCharacter(first17);
    }

    private static String code(String first17) {
        return first17 + CreditCode.checkCharacter(first17);
    }
}

package cn.youfu.sources.internal;

import static cn.youfu.sources.internal.Column.Kind.AMOUNT;
import static cn.youfu.sources.internal.Column.Kind.BOOLEAN;
import static cn.youfu.sources.internal.Column.Kind.COUNT;
import static cn.youfu.sources.internal.Column.Kind.CREDIT_CODE;
import static cn.youfu.sources.internal.Column.Kind.DATE;
import static cn.youfu.sources.internal.Column.Kind.DIVISION;
import static cn.youfu.sources.internal.Column.Kind.RESIDENT_ID;
import static cn.youfu.sources.internal.Column.Kind.SUBJECT_ID;
import static cn.youfu.sources.internal.Column.Kind.TEXT;
import static cn.youfu.sources.internal.Column.Kind.TOKEN;

import cn.youfu.platform.ResidentId;
import cn.youfu.sources.BenefitRegistry;
import cn.youfu.sources.CreditList;
import cn.youfu.sources.EducationRegistry;
import cn.youfu.sources.EnterpriseRegistry;
import cn.youfu.sources.LicenceLibrary;
import cn.youfu.sources.MarriageRegistry;
import cn.youfu.sources.PoliceRecords;
import cn.youfu.sources.PopulationRegistry;
import cn.youfu.sources.RealEstateRegistry;
import cn.youfu.sources.SocialInsuranceRegistry;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The ten sources and their contracts (column names and rules), in the order they are listed. */
final class SourceCatalog {

    private SourceCatalog() {
    }

    static final SourceDefinition<PopulationRegistry.Person> POPULATION = new SourceDefinition<>(
            PopulationRegistry.SOURCE, "人口库", "population", List.of(
                    Column.required("id_number", RESIDENT_ID),
                    Column.required("name", TEXT),
                    Column.required("birth_date", DATE),
                    Column.required("hukou_division", DIVISION),
                    Column.required("alive", BOOLEAN),
                    Column.optional("residence_permit_division", DIVISION),
                    Column.optional("residence_permit_expiry", DATE)),
            List.of("id_number"), "id_number", false, SourceJson.one(PopulationRegistry.Person.class),
            SourceCatalog::populationRule);

    static final SourceDefinition<MarriageRegistry.Marriage> MARRIAGE = new SourceDefinition<>(
            MarriageRegistry.SOURCE, "婚姻登记", "marriage", List.of(
                    Column.required("id_number", RESIDENT_ID),
                    Column.choice("status", true, "single", "married", "divorced", "widowed"),
                    Column.optional("spouse_id_number", RESIDENT_ID),
                    Column.optional("registered_on", DATE)),
            List.of("id_number"), "id_number", false, SourceJson.one(MarriageRegistry.Marriage.class),
            SourceCatalog::marriageRule);

    static final SourceDefinition<EducationRegistry.Degree> EDUCATION = new SourceDefinition<>(
            EducationRegistry.SOURCE, "学历", "education", List.of(
                    Column.required("id_number", RESIDENT_ID),
                    Column.choice("level", true, "high-school", "college", "bachelor", "master", "doctor"),
                    Column.required("institution", TEXT),
                    Column.required("graduated_on", DATE)),
            List.of("id_number"), "id_number", false, SourceJson.one(EducationRegistry.Degree.class), row -> null);

    static final SourceDefinition<SocialInsuranceRegistry.Insurance> SOCIAL_INSURANCE = new SourceDefinition<>(
            SocialInsuranceRegistry.SOURCE, "社保", "social_insurance", List.of(
                    Column.required("id_number", RESIDENT_ID),
                    Column.required("pension_insured", BOOLEAN),
                    Column.required("medical_insured", BOOLEAN),
                    Column.required("unemployment_insured", BOOLEAN),
                    Column.required("contribution_months", COUNT),
                    Column.optional("employer_credit_code", CREDIT_CODE),
                    Column.required("city_division", DIVISION),
                    Column.optional("unemployment_registered_on", DATE),
                    Column.choice("separation_reason", false, "contract-expired", "dismissed-by-employer",
                            "economic-layoff", "employer-closed", "resigned-for-employer-fault",
                            "resigned-voluntarily")),
            List.of("id_number"), "id_number", false, SourceJson.one(SocialInsuranceRegistry.Insurance.class),
            row -> null);

    static final SourceDefinition<EnterpriseRegistry.Enterprise> ENTERPRISE = new SourceDefinition<>(
            EnterpriseRegistry.SOURCE, "法人库", "enterprise", List.of(
                    Column.required("credit_code", CREDIT_CODE),
                    Column.required("name", TEXT),
                    Column.required("legal_representative_id", RESIDENT_ID),
                    Column.required("type", TEXT),
                    Column.required("address", TEXT),
                    Column.required("registered_capital", AMOUNT),
                    Column.required("established_on", DATE),
                    Column.choice("status", true, "active", "revoked", "cancelled"),
                    Column.required("division", DIVISION)),
            List.of("credit_code"), "credit_code", false, SourceJson.one(EnterpriseRegistry.Enterprise.class),
            row -> null);

    static final SourceDefinition<List<LicenceLibrary.Licence>> E_LICENCE = new SourceDefinition<>(
            LicenceLibrary.SOURCE, "电子证照库", "e_licence", List.of(
                    Column.required("holder_id", SUBJECT_ID),
                    Column.required("licence_type", TOKEN),
                    Column.required("number", TEXT),
                    Column.required("valid_from", DATE),
                    Column.optional("valid_until", DATE),
                    Column.choice("status", true, "valid", "suspended", "revoked", "expired"),
                    Column.optional("first_issued_on", DATE)),
            List.of("number"), "holder_id", true, SourceJson.listOf(LicenceLibrary.Licence.class),
            SourceCatalog::licenceRule);

    static final SourceDefinition<List<BenefitRegistry.Benefit>> BENEFITS = new SourceDefinition<>(
            BenefitRegistry.SOURCE, "民政社保待遇", "benefits", List.of(
                    Column.required("id_number", RESIDENT_ID),
                    Column.required("benefit", TOKEN),
                    Column.required("since", DATE),
                    Column.choice("status", true, "paying", "suspended", "ended")),
            List.of("id_number", "benefit"), "id_number", true, SourceJson.listOf(BenefitRegistry.Benefit.class),
            row -> null);

    static final SourceDefinition<List<RealEstateRegistry.Holding>> REAL_ESTATE = new SourceDefinition<>(
            RealEstateRegistry.SOURCE, "不动产登记", "real_estate", List.of(
                    Column.required("owner_id", SUBJECT_ID),
                    Column.required("certificate_number", TEXT),
                    Column.required("address", TEXT),
                    Column.required("area_m2", AMOUNT),
                    Column.required("division", DIVISION)),
            List.of("certificate_number"), "owner_id", true, SourceJson.listOf(RealEstateRegistry.Holding.class),
            row -> null);

    static final SourceDefinition<List<CreditList.Listing>> CREDIT = new SourceDefinition<>(
            CreditList.SOURCE, "失信名单", "credit", List.of(
                    Column.required("subject_id", SUBJECT_ID),
                    Column.required("list", TOKEN),
                    Column.required("listed_on", DATE),
                    Column.required("reason", TEXT)),
            List.of("subject_id", "list"), "subject_id", true, SourceJson.listOf(CreditList.Listing.class),
            row -> null);

    static final SourceDefinition<List<PoliceRecords.Offence>> POLICE_RECORDS = new SourceDefinition<>(
            PoliceRecords.SOURCE, "公安违法犯罪记录", "police_record", List.of(
                    Column.required("id_number", RESIDENT_ID),
                    Column.choice("kind", true, "traffic-crime", "dangerous-driving-crime", "drug-use",
                            "drink-driving", "violent-crime", "twelve-points", "major-accident"),
                    Column.required("recorded_on", DATE)),
            List.of("id_number", "kind", "recorded_on"), "id_number", true,
            SourceJson.listOf(PoliceRecords.Offence.class), row -> null);

    static final List<SourceDefinition<?>> ALL = List.of(POPULATION, MARRIAGE, EDUCATION, SOCIAL_INSURANCE,
            ENTERPRISE, E_LICENCE, BENEFITS, REAL_ESTATE, CREDIT, POLICE_RECORDS);

    static Optional<SourceDefinition<?>> find(String name) {
        return ALL.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    static List<String> names() {
        return ALL.stream().map(SourceDefinition::name).toList();
    }

    private static String populationRule(Map<String, Object> row) {
        var id = ResidentId.of((String) row.get("id_number"));
        if (!id.birthDate().equals(row.get("birth_date"))) {
            return "birth_date " + row.get("birth_date") + " differs from the ID number's birth date "
                    + id.birthDate();
        }
        if ((row.get("residence_permit_division") == null) != (row.get("residence_permit_expiry") == null)) {
            return "residence_permit_division and residence_permit_expiry go together: give both or neither";
        }
        return null;
    }

    private static String marriageRule(Map<String, Object> row) {
        boolean married = "married".equals(row.get("status"));
        Object spouse = row.get("spouse_id_number");
        if (married && spouse == null) {
            return "status married needs spouse_id_number";
        }
        if (!married && spouse != null) {
            return "spouse_id_number is only for status married";
        }
        if (Objects.equals(spouse, row.get("id_number"))) {
            return "spouse_id_number is the person's own ID number";
        }
        return null;
    }

    private static String licenceRule(Map<String, Object> row) {
        var until = (LocalDate) row.get("valid_until");
        if (until != null && until.isBefore((LocalDate) row.get("valid_from"))) {
            return "valid_until " + until + " is before valid_from " + row.get("valid_from");
        }
        return null;
    }
}

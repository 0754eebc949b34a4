package cn.youfu.approval;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.youfu.platform.CreditCode;
import cn.youfu.platform.ResidentId;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Residents and enterprises made up for the catalogue's tests, each under a label, with the records the sources hold
 * about them. Identifiers are fresh valid numbers (never one the synthetic city already uses); everything is uploaded
 * through the administrator's CSV endpoint, one upload per source.
 */
final class TestApplicants {

    private static final Map<String, String> HEADERS = Map.of(
            "population", "id_number,name,birth_date,hukou_division,alive,residence_permit_division,"
                    + "residence_permit_expiry",
            "marriage", "id_number,status,spouse_id_number,registered_on",
            "education", "id_number,level,institution,graduated_on",
            "social-insurance", "id_number,pension_insured,medical_insured,unemployment_insured,contribution_months,"
                    + "employer_credit_code,city_division,unemployment_registered_on,separation_reason",
            "enterprise", "credit_code,name,legal_representative_id,type,address,registered_capital,established_on,"
                    + "status,division",
            "e-licence", "holder_id,licence_type,number,valid_from,valid_until,status,first_issued_on",
            "police-records", "id_number,kind,recorded_on",
            "benefits", "id_number,benefit,since,status",
            "real-estate", "owner_id,certificate_number,address,area_m2,division");

    private final JdbcClient jdbc;
    private final Map<String, String> ids = new HashMap<>();
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, StringBuilder> rows = new LinkedHashMap<>();
    private int sequence = 801;
    private int organisation = 1;
    private int number = 1;

    TestApplicants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The ID number or credit code of a label. */
    String id(String label) {
        var id = ids.get(label);
        if (id == null) {
            throw new IllegalArgumentException("no test applicant labelled " + label);
        }
        return id;
    }

    String name(String label) {
        return names.get(label);
    }

    /** A living resident born on {@code born} with household registration in {@code hukou}. */
    String resident(String label, String name, LocalDate born, String hukou) {
        return resident(label, name, born, hukou, null, null);
    }

    String resident(String label, String name, LocalDate born, String hukou, String permitDivision,
                    LocalDate permitExpiry) {
        var id = freshResidentId(hukou, born);
        ids.put(label, id);
        names.put(label, name);
        row("population", id, name, born, hukou, true, permitDivision, permitExpiry);
        return id;
    }

    /** A valid resident ID number the population registry does not know. */
    String stranger(String label, String name) {
        var id = freshResidentId("350102", LocalDate.of(1991, 7, 7));
        ids.put(label, id);
        names.put(label, name);
        return id;
    }

    String enterprise(String label, String name, String division, long capital, String status, String representative) {
        return enterprise(label, name, division, capital, status, representative, LocalDate.of(2015, 3, 1));
    }

    String enterprise(String label, String name, String division, long capital, String status, String representative,
                      LocalDate established) {
        var code = freshCreditCode(division);
        ids.put(label, code);
        names.put(label, name);
        row("enterprise", code, name, id(representative), "有限责任公司", "福州市测试路" + organisation + "号", capital,
                established, status, division);
        return code;
    }

    /** A valid credit code the enterprise registry does not know. */
    String unregistered(String label, String name) {
        var code = freshCreditCode("350102");
        ids.put(label, code);
        names.put(label, name);
        return code;
    }

    TestApplicants married(String label) {
        row("marriage", id(label), "married", freshResidentId("350104", LocalDate.of(1990, 1, 1)),
                LocalDate.of(2018, 5, 20));
        return this;
    }

    TestApplicants single(String label) {
        row("marriage", id(label), "single", null, null);
        return this;
    }

    TestApplicants degree(String label, String level) {
        row("education", id(label), level, "福州大学", LocalDate.of(2020, 6, 30));
        return this;
    }

    TestApplicants insured(String label, boolean pension, boolean medical, boolean unemployment, int months,
                           String employer, String city) {
        return insured(label, pension, medical, unemployment, months, employer, city, null, null);
    }

    /**
     * @param registeredUnemployed the day of the 失业登记, or null
     * @param separationReason     the end of the last job as the employer reported it, or null
     */
    TestApplicants insured(String label, boolean pension, boolean medical, boolean unemployment, int months,
                           String employer, String city, LocalDate registeredUnemployed, String separationReason) {
        row("social-insurance", id(label), pension, medical, unemployment, months,
                employer == null ? null : id(employer), city, registeredUnemployed, separationReason);
        return this;
    }

    /** An e-licence; returns its number. */
    String licence(String label, String type, LocalDate from, LocalDate until, String status) {
        return licence(label, type, from, until, status, null);
    }

    /** An e-licence first issued on {@code firstIssued} (a driving licence's 初次领证日期); returns its number. */
    String licence(String label, String type, LocalDate from, LocalDate until, String status, LocalDate firstIssued) {
        var licenceNumber = "T-ITEMS-" + type + "-" + number++;
        row("e-licence", id(label), type, licenceNumber, from, until, status, firstIssued);
        return licenceNumber;
    }

    /** A record of the police's (e.g. {@code drink-driving}). */
    TestApplicants offence(String label, String kind, LocalDate on) {
        row("police-records", id(label), kind, on);
        return this;
    }

    TestApplicants benefit(String label, String benefit, String status) {
        row("benefits", id(label), benefit, LocalDate.of(2020, 1, 1), status);
        return this;
    }

    TestApplicants estate(String label, String certificate, String division) {
        row("real-estate", id(label), certificate, "福州市测试小区" + number++ + "号", "89.5", division);
        return this;
    }

    /** Uploads every source's rows as the administrator, one CSV upload per source. */
    void upload(MockMvc mvc, String adminToken) throws Exception {
        for (var entry : rows.entrySet()) {
            var csv = HEADERS.get(entry.getKey()) + "\n" + entry.getValue();
            mvc.perform(put("/api/v1/sources/" + entry.getKey() + "/records").header("Authorization", adminToken)
                            .contentType("text/csv").content(csv.getBytes(StandardCharsets.UTF_8)))
                    .andExpect(status().isOk());
        }
    }

    private void row(String source, Object... values) {
        var line = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            line.append(i == 0 ? "" : ",").append(values[i] == null ? "" : values[i]);
        }
        rows.computeIfAbsent(source, s -> new StringBuilder()).append(line).append('\n');
    }

    private String freshResidentId(String division, LocalDate born) {
        while (true) {
            if (sequence > 999) {
                throw new IllegalStateException("out of sequence numbers for test residents");
            }
            var first17 = division + born.toString().replace("-", "") + sequence;
            sequence += 1;
            var id = first17 + ResidentId.checkCharacter(first17);
            if (!ids.containsValue(id) && !known("sources.population", "id_number", id)) {
                return id;
            }
        }
    }

    private String freshCreditCode(String division) {
        while (true) {
            var first17 = "91" + division + "MA2YT" + "%04d".formatted(organisation++);
            var code = first17 + CreditCode.checkCharacter(first17);
            if (!known("sources.enterprise", "credit_code", code)) {
                return code;
            }
        }
    }

    private boolean known(String table, String column, String value) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE " + column + " = ?").param(value)
                .query(Long.class).single() > 0;
    }
}

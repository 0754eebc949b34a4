package cn.youfu.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.youfu.Api;
import cn.youfu.YoufuIntegrationTest;
import cn.youfu.audit.Ledger;
import cn.youfu.platform.ResidentId;
import cn.youfu.platform.Sm3;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** {@code PUT /api/v1/sources/{source}/records}: CSV upserts, all or nothing. */
@YoufuIntegrationTest
class SourcesUploadIntegrationTest {

    static final String HEADER = "id_number,name,birth_date,hukou_division,alive,residence_permit_division,"
            + "residence_permit_expiry\n";
    static final String ONE = id("35012820000229997");
    static final String TWO = id("35012820000229998");
    static final String THREE = id("36010220000229999");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Ledger ledger;

    static String id(String first17) {
        return first17 + ResidentId.checkCharacter(first17);
    }

    @BeforeEach
    void forgetTheTestResidents() {
        jdbc.sql("DELETE FROM sources.population WHERE id_number IN (?, ?, ?)").params(ONE, TWO, THREE).update();
    }

    ResultActions upload(String source, String csv, String user) throws Exception {
        var request = put("/api/v1/sources/" + source + "/records").contentType("text/csv")
                .content(csv.getBytes(StandardCharsets.UTF_8));
        return mvc.perform(user == null ? request : request.header("Authorization", Api.bearer(mvc, user)));
    }

    String good() {
        return HEADER
                + ONE + ",林平安,2000-02-29,350128,true,,\n"
                + TWO + ",\"林,平\",2000-02-29,350128,false,,\n"
                + THREE + ",张三,2000-02-29,360102,true,350104,2028-06-30\n";
    }

    @Test
    void aSourceWhoseEveryColumnIsItsKeyTakesARepeatedUpload() throws Exception {
        // police records are (person, kind, day): a repeated row has nothing to update and is kept as it is
        var csv = "id_number,kind,recorded_on\n" + ONE + ",drink-driving,2023-05-01\n";
        jdbc.sql("DELETE FROM sources.police_record WHERE id_number = ?").param(ONE).update();
        upload("police-records", csv, "admin").andExpect(status().isOk())
                .andExpect(jsonPath("$.inserted").value(1)).andExpect(jsonPath("$.updated").value(0));
        upload("police-records", csv, "admin").andExpect(status().isOk())
                .andExpect(jsonPath("$.inserted").value(0)).andExpect(jsonPath("$.updated").value(1));
        jdbc.sql("DELETE FROM sources.police_record WHERE id_number = ?").param(ONE).update();
    }

    @Test
    void anUploadInsertsThenARepeatedUploadUpdatesAndBothAreRecorded() throws Exception {
        upload("population", good(), "admin").andExpect(status().isOk())
                .andExpect(jsonPath("$.source").value("population"))
                .andExpect(jsonPath("$.inserted").value(3))
                .andExpect(jsonPath("$.updated").value(0));
        var changed = good().replace("林平安", "林安平");
        upload("population", changed, "admin").andExpect(status().isOk())
                .andExpect(jsonPath("$.inserted").value(0))
                .andExpect(jsonPath("$.updated").value(3));
        assertThat(jdbc.sql("SELECT name, sex, alive FROM sources.population WHERE id_number = ?").param(ONE)
                .query((rs, n) -> rs.getString(1) + rs.getString(2) + rs.getBoolean(3)).single())
                .isEqualTo("林安平femaletrue".replace("female", ResidentId.of(ONE).male() ? "male" : "female"));
        assertThat(jdbc.sql("SELECT name FROM sources.population WHERE id_number = ?").param(TWO)
                .query(String.class).single()).isEqualTo("林,平");
        var entries = ledger.entries("sources:population").stream()
                .filter(e -> e.action().equals("sources.records-uploaded")).toList();
        assertThat(entries).hasSizeGreaterThanOrEqualTo(2);
        assertThat(entries.get(entries.size() - 1).actor()).isEqualTo("admin");
        assertThat(entries.get(entries.size() - 1).payload())
                .contains(Sm3.hex(changed.getBytes(StandardCharsets.UTF_8))).contains("\"updated\":3");
    }

    @Test
    void columnsMayComeInAnyOrderAndOptionalOnesMayBeLeftOut() throws Exception {
        upload("population", "alive,name,id_number,hukou_division,birth_date\ntrue,林平安," + ONE
                + ",350128,2000-02-29\n", "admin")
                .andExpect(status().isOk()).andExpect(jsonPath("$.inserted").value(1));
    }

    @Test
    void everyBadRowIsNamedAndNothingIsApplied() throws Exception {
        var csv = HEADER
                + ONE + ",林平安,2000-02-29,350128,true,,\n"                               // row 2: fine
                + ONE.substring(0, 17) + "0,错校验,2000-02-29,350128,true,,\n"              // 3: check character
                + TWO + ",坏日期,2000/02/29,350128,true,,\n"                               // 4: date form
                + TWO + ",无区划,2000-02-29,350199,true,,\n"                               // 5: division
                + TWO + ",坏布尔,2000-02-29,350128,yes,,\n"                                // 6: boolean
                + TWO + ",,2000-02-29,350128,true,,\n"                                    // 7: required
                + TWO + ",生日错,2000-03-01,350128,true,,\n"                               // 8: birth date vs ID
                + ONE + ",重复,2000-02-29,350128,true,,\n"                                 // 9: duplicate key
                + THREE + ",缺到期,2000-02-29,360102,true,350104,\n"                       // 10: permit pair
                + THREE + ",少一列,2000-02-29,360102,true\n";                              // 11: width
        upload("population", csv, "admin").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:youfu:problem:source-upload-rows"))
                .andExpect(jsonPath("$.badRowCount").value(9))
                .andExpect(jsonPath("$.rowNumbering").value("header-is-row-1"))
                .andExpect(jsonPath("$.detail").value(containsString("第 1 行")))
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].column").value("id_number"))
                .andExpect(jsonPath("$.errors[0].reason").value(containsString("check character")))
                .andExpect(jsonPath("$.errors[1].row").value(4))
                .andExpect(jsonPath("$.errors[1].reason").value(containsString("yyyy-MM-dd")))
                .andExpect(jsonPath("$.errors[2].row").value(5))
                .andExpect(jsonPath("$.errors[2].reason").value(containsString("GB/T 2260")))
                .andExpect(jsonPath("$.errors[3].row").value(6))
                .andExpect(jsonPath("$.errors[3].reason").value(containsString("true or false")))
                .andExpect(jsonPath("$.errors[4].row").value(7))
                .andExpect(jsonPath("$.errors[4].column").value("name"))
                .andExpect(jsonPath("$.errors[5].row").value(8))
                .andExpect(jsonPath("$.errors[5].reason").value(containsString("birth date")))
                .andExpect(jsonPath("$.errors[6].row").value(9))
                .andExpect(jsonPath("$.errors[6].reason").value(containsString("as row 2")))
                .andExpect(jsonPath("$.errors[7].row").value(10))
                .andExpect(jsonPath("$.errors[8].row").value(11));
        assertThat(jdbc.sql("SELECT count(*) FROM sources.population WHERE id_number IN (?, ?, ?)")
                .params(ONE, TWO, THREE).query(Long.class).single()).isZero();
    }

    @Test
    void wrongColumnsAreNamed() throws Exception {
        upload("population", "id_number,name,birth_day,hukou_division,alive\n" + ONE + ",x,2000-02-29,350128,true\n",
                "admin")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:youfu:problem:source-upload-columns"))
                .andExpect(jsonPath("$.unknownColumns[0]").value("birth_day"))
                .andExpect(jsonPath("$.missingColumns[0]").value("birth_date"));
    }

    @Test
    void emptyUnknownAndOversizedUploadsAreRefused() throws Exception {
        upload("population", "", "admin").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:youfu:problem:source-upload-empty"));
        upload("population", HEADER, "admin").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:youfu:problem:source-upload-empty"));
        upload("weather", good(), "admin").andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:youfu:problem:source-unknown"))
                .andExpect(jsonPath("$.knownSources").value(hasItem("population")));
        var huge = new StringBuilder(HEADER);
        huge.append("x,y,z,a,b,c,d\n".repeat(200_001));
        upload("population", huge.toString(), "admin").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:youfu:problem:source-upload-too-many-rows"))
                .andExpect(jsonPath("$.maxRows").value(200_000));
    }

    @Test
    void onlyAnAdministratorMayUpload() throws Exception {
        upload("population", good(), "officer").andExpect(status().isForbidden());
        upload("population", good(), null).andExpect(status().isUnauthorized());
        assertThat(jdbc.sql("SELECT count(*) FROM sources.population WHERE id_number = ?").param(ONE)
                .query(Long.class).single()).isZero();
    }

    @Test
    void otherSourcesTakeTheirOwnColumns() throws Exception {
        upload("e-licence", "holder_id,licence_type,number,valid_from,valid_until,status\n"
                + "91350100MA2Y0F0U0N,food-business,JY-TEST-0001,2026-01-01,2030-12-31,valid\n", "admin")
                .andExpect(status().isOk()).andExpect(jsonPath("$.source").value("e-licence"));
        upload("benefits", "id_number,benefit,since,status\n350102195803120016,pension,2018-04-01,paying\n", "admin")
                .andExpect(status().isOk()).andExpect(jsonPath("$.updated").value(1));
    }
}

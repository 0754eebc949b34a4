package cn.youfu.dispatch.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.youfu.Api;
import cn.youfu.YoufuIntegrationTest;
import cn.youfu.identity.Role;
import cn.youfu.identity.internal.TestTokens;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reporters' contact details are SM4-encrypted in the database; the handling officer still reads them. */
@YoufuIntegrationTest
class ReporterContactEncryptionIntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String OTHER_KEY = "00112233445566778899aabbccddeeff";

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    /** The schema owner's connections: the migration runs as the owner, as at start-up. */
    @Autowired
    @FlywayDataSource
    DataSource dataSource;
    @Autowired
    ContactCipher cipher;
    @Autowired
    JsonMapper json;

    @Test
    void theDatabaseHoldsNoPlainTextAndTheHandlingOfficerStillSeesTheContact() throws Exception {
        var resident = Api.bearer(mvc, "applicant");
        var housing = TestTokens.bearer(context, "housing-lin", "林住建", Role.OFFICER, null, "fz-housing");
        var event = call(resident, "/api/v1/dispatch/events", JSON.writeValueAsString(Map.of("kind", "complaint",
                "text", "投诉小区物业公司未经业主同意乱收停车费，还擅自停水停电，请住建部门督促物业整改。",
                "contact", Map.of("name", "林清泉", "phone", "13912345678", "email", "lin@example.cn"))), 201);
        var ref = event.get("reference").asString();

        var stored = jdbc.sql("SELECT contact_name, contact_phone, contact_email FROM dispatch.event WHERE reference = ?")
                .param(ref).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .single();
        for (var value : stored) {
            assertThat(value).startsWith(ContactCipher.PREFIX).doesNotContain("13912345678", "林清泉", "lin@",
                    "example", "5678");
        }
        var raw = jdbc.sql("SELECT CAST(e AS text) FROM dispatch.event e WHERE reference = ?").param(ref)
                .query(String.class).single();
        assertThat(raw).doesNotContain("13912345678", "林清泉", "lin@example.cn");
        // a random IV per value: the same phone encrypts differently each time
        assertThat(cipher.encrypt("contact_phone", "13912345678"))
                .isNotEqualTo(cipher.encrypt("contact_phone", "13912345678"));

        assertThat(event.get("reporter").get("phone").asString()).isEqualTo("139****5678");
        var taken = call(housing, "/api/v1/dispatch/events/" + ref + "/accept", null, 200);
        assertThat(taken.get("reporter").get("phone").asString()).isEqualTo("13912345678");
        assertThat(taken.get("reporter").get("name").asString()).isEqualTo("林清泉");
        assertThat(taken.get("reporter").get("email").asString()).isEqualTo("lin@example.cn");
        assertThat(taken.get("reporter").get("masked").asBoolean()).isFalse();

        // plain text cannot be written past the repository either
        assertThatThrownBy(() -> jdbc.sql("UPDATE dispatch.event SET contact_phone = '13912345678' WHERE reference = ?")
                .param(ref).update()).hasMessageContaining("event_contact_phone_encrypted");

        // a wrong key fails clearly: reading the event, and at start-up
        var wrong = new ContactCipher(OTHER_KEY);
        assertThatThrownBy(() -> new CitizenEvents(jdbc, json, wrong).find(ref))
                .isInstanceOf(ContactCipher.WrongKey.class).hasMessageContaining("youfu.dispatch.contact-key");
        assertThatThrownBy(() -> new ContactKeyCheck(jdbc, wrong).verify())
                .isInstanceOf(ContactCipher.WrongKey.class).hasMessageContaining("YOUFU_DISPATCH_CONTACT_KEY");
        new ContactKeyCheck(jdbc, cipher).verify();
    }

    @Test
    void theMigrationEncryptsContactsStoredInPlainTextBefore() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (var undo = connection.createStatement()) {
                undo.execute("""
                        ALTER TABLE dispatch.event DROP CONSTRAINT event_contact_name_encrypted,
                          DROP CONSTRAINT event_contact_phone_encrypted, DROP CONSTRAINT event_contact_email_encrypted;
                        DROP TABLE dispatch.contact_key_check;
                        INSERT INTO dispatch.event (reference, token, channel, kind, description, anonymous, state,
                          created_at, updated_at, contact_name, contact_phone, contact_email)
                        VALUES ('OLD-PLAIN-1', 'old-token-1', 'web', 'help', '路灯坏了', false, 'received', now(), now(),
                          '郑老伯', '13700001111', NULL)""");
            }
            new V20261203_1000__EncryptReporterContacts(cipher).migrate(context(connection));
            try (var check = connection.prepareStatement(
                    "SELECT contact_name, contact_phone, contact_email FROM dispatch.event WHERE reference = ?")) {
                check.setString(1, "OLD-PLAIN-1");
                try (var rs = check.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).startsWith(ContactCipher.PREFIX);
                    assertThat(cipher.decrypt("contact_name", rs.getString(1))).isEqualTo("郑老伯");
                    assertThat(cipher.decrypt("contact_phone", rs.getString(2))).isEqualTo("13700001111");
                    assertThat(rs.getString(3)).isNull();
                }
            }
            try (var others = connection.createStatement();
                 var rs = others.executeQuery("SELECT count(*) FROM dispatch.event WHERE contact_phone NOT LIKE "
                         + "'sm4gcm:%'")) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }
            connection.rollback(); // PostgreSQL's DDL is transactional: the database is as it was
        }
    }

    private static Context context(Connection connection) {
        return new Context() {
            @Override
            public Configuration getConfiguration() {
                return null;
            }

            @Override
            public Connection getConnection() {
                return connection;
            }
        };
    }

    private JsonNode call(String token, String path, String body, int expected) throws Exception {
        var request = post(path).header("Authorization", token);
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return JSON.readTree(mvc.perform(request).andExpect(status().is(expected)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }
}

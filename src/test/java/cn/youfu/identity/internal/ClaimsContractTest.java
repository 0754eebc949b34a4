package cn.youfu.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.youfu.identity.CurrentUser;
import cn.youfu.identity.Role;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

/** Where Youfu reads a person in the identity platform's claims: Youfu's own client roles, the named claims. */
class ClaimsContractTest {

    static final ClaimsContract DEFAULTS = new ClaimsContract(OidcSettings.defaults());

    static Jwt jwt(Map<String, Object> claims) {
        var builder = Jwt.withTokenValue("t").header("alg", "RS256").subject("5f0c2a1e");
        claims.forEach(builder::claim);
        return builder.build();
    }

    static OidcSettings settings(boolean realmRoles, OidcSettings.ClaimNames claims) {
        return new OidcSettings("https://idp.example/realms/fujian", "youfu", null, null, List.of(),
                Duration.ofSeconds(30), realmRoles, claims);
    }

    static final Map<String, Object> REALM_ADMIN = Map.of("realm_access", Map.of("roles", List.of("admin")));
    static final Map<String, Object> PORTAL_ADMIN = Map.of("resource_access",
            Map.of("fz-portal", Map.of("roles", List.of("admin"))));

    @Test
    void rolesAreYoufusOwnClientRolesUnknownNamesAndSystemIgnored() {
        var claims = Map.<String, Object>of("resource_access", Map.of(
                "youfu", Map.of("roles", List.of("officer", "reviewer", "unknown", "system")),
                "fz-portal", Map.of("roles", List.of("admin"))));
        assertThat(DEFAULTS.roles(jwt(claims))).containsExactlyInAnyOrder(Role.OFFICER, Role.REVIEWER);
    }

    @Test
    void aRealmWideRoleOrAnotherApplicationsRoleIsNoRoleOfYoufus() {
        assertThat(DEFAULTS.roles(jwt(REALM_ADMIN))).isEmpty();
        assertThat(DEFAULTS.roles(jwt(PORTAL_ADMIN))).isEmpty();
        // the top-level "roles" claim is read only when configured
        assertThat(DEFAULTS.roles(jwt(Map.of("roles", List.of("admin"))))).isEmpty();
    }

    @Test
    void realmRolesCountOnlyWhenTheSettingSaysSo() {
        var withRealm = new ClaimsContract(settings(true, OidcSettings.defaults().claims()));
        assertThat(withRealm.roles(jwt(REALM_ADMIN))).containsExactly(Role.ADMIN);
    }

    @Test
    void aConfiguredClaimPathIsReadAsAListOrAsOneStringOfNames() {
        var configured = new ClaimsContract(settings(false,
                new OidcSettings.ClaimNames("youfu.roles", "org", "id_number", "cn")));
        assertThat(configured.roles(jwt(Map.of("youfu", Map.of("roles", List.of("supervisor"))))))
                .containsExactly(Role.SUPERVISOR);
        assertThat(configured.roles(jwt(Map.of("youfu", Map.of("roles", "officer reviewer")))))
                .containsExactlyInAnyOrder(Role.OFFICER, Role.REVIEWER);
        var user = configured.user(jwt(Map.of("org", "fz-approval", "id_number", "350102195803120016",
                "cn", "陈有福")), Set.of(Role.APPLICANT));
        assertThat(user).isEqualTo(new CurrentUser("5f0c2a1e", "陈有福", Set.of(Role.APPLICANT), "fz-approval",
                "350102195803120016"));
    }

    @Test
    void theRegisteredNameIsReadNotKeycloaksGivenAndFamilyName() {
        var user = DEFAULTS.user(jwt(Map.of("name", "有福 陈", "registered_name", "陈有福",
                "subject_id", "350102195803120016")), Set.of(Role.APPLICANT));
        assertThat(user.displayName()).isEqualTo("陈有福");
        assertThat(user.subjectId()).isEqualTo("350102195803120016");
        // a platform without the claim: its standard name, else the user name, else the subject
        assertThat(DEFAULTS.user(jwt(Map.of("name", "Lin Xiuying")), Set.of()).displayName()).isEqualTo("Lin Xiuying");
        assertThat(DEFAULTS.user(jwt(Map.of("preferred_username", "lxy")), Set.of()).displayName()).isEqualTo("lxy");
        assertThat(DEFAULTS.user(jwt(Map.of()), Set.of()).displayName()).isEqualTo("5f0c2a1e");
    }

    @Test
    void theClaimsItWritesAreTheClaimsItReads() {
        var claims = DEFAULTS.claimsOf(Set.of(Role.OFFICER), "林秀英", "fz-approval", null);
        var jwt = jwt(claims);
        assertThat(DEFAULTS.user(jwt, DEFAULTS.roles(jwt))).isEqualTo(new CurrentUser("5f0c2a1e", "林秀英",
                Set.of(Role.OFFICER), "fz-approval", null));
    }
}

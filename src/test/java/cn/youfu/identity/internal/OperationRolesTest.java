package cn.youfu.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The roles of an operation are read from its {@code @PreAuthorize} expression, as Spring Security reads it. */
class OperationRolesTest {

    @Test
    void hasRoleAndHasAnyRoleNameTheRolesInTheRolesOrder() {
        assertThat(OperationRoles.roles("hasRole('ADMIN')")).containsExactly("admin");
        assertThat(OperationRoles.roles("hasAnyRole('ADMIN','SUPERVISOR')")).containsExactly("supervisor", "admin");
        assertThat(OperationRoles.roles("hasAnyRole('APPLICANT','ENTERPRISE') or hasRole('OFFICER')"))
                .containsExactly("applicant", "enterprise", "officer");
    }

    @Test
    void isAuthenticatedIsAnyOfYoufusRoles() {
        assertThat(OperationRoles.roles("isAuthenticated()")).isEqualTo(List.of(OperationRoles.ANY_ROLE));
    }

    @Test
    void anExpressionThatNamesNoRoleSaysNone() {
        assertThat(OperationRoles.roles("@guard.check(#id)")).isEmpty();
    }
}

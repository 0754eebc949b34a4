package cn.youfu.identity.internal;

import cn.youfu.identity.CurrentUser;
import cn.youfu.identity.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Identity")
class MeController {

    private final Accounts accounts;

    MeController(Accounts accounts) {
        this.accounts = accounts;
    }

    record AccountView(String username, String displayName, List<String> roles, String department) {
    }

    @GetMapping("/auth/me")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Who the bearer token says you are")
    CurrentUser me(Authentication authentication) {
        return CurrentUser.of(authentication);
    }

    @GetMapping("/identity/accounts")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "The password accounts (administrators only; no password hashes)")
    List<AccountView> accounts() {
        return accounts.all().stream().map(a -> new AccountView(a.username(), a.displayName(),
                a.roles().stream().map(Role::claim).sorted().toList(), a.department())).toList();
    }
}

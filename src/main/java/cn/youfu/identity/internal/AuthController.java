package cn.youfu.identity.internal;

import cn.youfu.identity.Role;
import cn.youfu.platform.DemoOnly;
import cn.youfu.platform.InvalidParameterException;
import cn.youfu.platform.PublicEndpoint;
import cn.youfu.platform.ResidentId;
import cn.youfu.sources.PopulationRegistry;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Demo mode's token endpoint, standing in for the province's unified identity authentication platform. */
@RestController
@DemoOnly
@RequestMapping(path = "/api/v1/auth", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Identity")
class AuthController {

    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final DemoIssuer issuer;
    private final PopulationRegistry population;
    /** The hash of the demo password, which residents of the synthetic city sign in with. */
    private final String residentPassword;

    AuthController(Accounts accounts, PasswordEncoder passwords, DemoIssuer issuer, PopulationRegistry population) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.issuer = issuer;
        this.population = population;
        this.residentPassword = passwords.encode(DemoAccounts.PASSWORD);
    }

    record TokenRequest(String username, String password) {
    }

    record TokenResponse(@JsonProperty("access_token") String accessToken,
                         @JsonProperty("token_type") String tokenType,
                         @JsonProperty("expires_in") long expiresIn,
                         List<String> roles) {
    }

    @PostMapping(path = "/token", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PublicEndpoint
    @Operation(summary = "Sign in with a demo account and receive a bearer token (demo mode only)")
    TokenResponse token(@RequestBody TokenRequest request) {
        if (request.username() == null || request.username().isBlank()) {
            throw InvalidParameterException.missing("username");
        }
        if (request.password() == null || request.password().isEmpty()) {
            throw InvalidParameterException.missing("password");
        }
        var username = request.username().trim();
        var account = accounts.find(username).or(() -> resident(username));
        // The hash is checked even for unknown names, so that timing does not tell which names exist.
        String hash = account.map(Account::passwordHash).orElse(residentPassword);
        boolean matches = passwords.matches(request.password(), hash);
        if (account.isEmpty() || !matches) {
            throw IdentityProblems.invalidCredentials();
        }
        var token = issuer.issue(account.get());
        return new TokenResponse(token.value(), "Bearer", token.expiresInSeconds(),
                account.get().roles().stream().map(Role::claim).sorted().toList());
    }

    /**
     * Standing in for the province's real-name authentication: any living resident of the population registry
     * signs in with their ID number and the demo password, as an applicant.
     */
    private java.util.Optional<Account> resident(String username) {
        if (!ResidentId.isValid(username)) {
            return java.util.Optional.empty();
        }
        var answer = population.lookup(ResidentId.of(username));
        if (!answer.found() || !answer.value().alive()) {
            return java.util.Optional.empty();
        }
        var person = answer.value();
        return java.util.Optional.of(new Account(person.idNumber(), residentPassword, person.name(),
                java.util.Set.of(Role.APPLICANT), null, person.idNumber()));
    }
}

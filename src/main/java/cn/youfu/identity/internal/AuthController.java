package cn.youfu.identity.internal;

import cn.youfu.identity.Role;
import cn.youfu.platform.DemoOnly;
import cn.youfu.platform.InvalidParameterException;
import cn.youfu.platform.PublicEndpoint;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
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

    private final PasswordSignIn signIn;
    private final DemoIssuer issuer;

    AuthController(PasswordSignIn signIn, DemoIssuer issuer) {
        this.signIn = signIn;
        this.issuer = issuer;
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
        var account = signIn.authenticate(request.username(), request.password())
                .orElseThrow(IdentityProblems::invalidCredentials);
        var token = issuer.issue(account);
        return new TokenResponse(token.value(), "Bearer", token.expiresInSeconds(),
                account.roles().stream().map(Role::claim).sorted().toList());
    }
}

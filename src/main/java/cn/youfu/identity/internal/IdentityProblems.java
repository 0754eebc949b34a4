package cn.youfu.identity.internal;

import cn.youfu.platform.ProblemException;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The identity module's named failures. */
final class IdentityProblems extends ProblemException {

    private IdentityProblems(HttpStatus status, String code) {
        super(status, code, new Object[0], Map.of());
    }

    /** Wrong user name or password; which of the two is not said. */
    static IdentityProblems invalidCredentials() {
        return new IdentityProblems(HttpStatus.UNAUTHORIZED, "invalid-credentials");
    }
}

package cn.youfu.identity.internal;

import cn.youfu.identity.Role;
import cn.youfu.platform.DemoOnly;
import cn.youfu.platform.ResidentId;
import cn.youfu.sources.PopulationRegistry;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks a name and password, for the demo token endpoint and the web pages' sign-in alike: a password account, or
 * any living resident of the population registry with their ID number and the demo password (standing in for the
 * province's real-name authentication). Demo mode only.
 */
@Component
@DemoOnly
class PasswordSignIn {

    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final PopulationRegistry population;
    /** The hash of the demo password, which residents of the synthetic city sign in with. */
    private final String residentPassword;

    PasswordSignIn(Accounts accounts, PasswordEncoder passwords, PopulationRegistry population) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.population = population;
        this.residentPassword = passwords.encode(DemoAccounts.PASSWORD);
    }

    /**
     * The account the name and password belong to; empty when either is wrong. The hash is checked even for unknown
     * names, so that timing does not tell which names exist.
     *
     * @param username an account name or a resident ID number, surrounding blanks ignored; not null
     * @param password not null
     */
    Optional<Account> authenticate(String username, String password) {
        var name = username.trim();
        var account = accounts.find(name).or(() -> resident(name));
        String hash = account.map(Account::passwordHash).orElse(residentPassword);
        boolean matches = passwords.matches(password, hash);
        return matches ? account : Optional.empty();
    }

    private Optional<Account> resident(String username) {
        if (!ResidentId.isValid(username)) {
            return Optional.empty();
        }
        var answer = population.lookup(ResidentId.of(username));
        if (!answer.found() || !answer.value().alive()) {
            return Optional.empty();
        }
        var person = answer.value();
        return Optional.of(new Account(person.idNumber(), residentPassword, person.name(), Set.of(Role.APPLICANT),
                null, person.idNumber()));
    }
}

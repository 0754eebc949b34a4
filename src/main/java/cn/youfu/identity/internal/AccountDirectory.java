package cn.youfu.identity.internal;

import cn.youfu.identity.Directory;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The {@link Directory} over the accounts table. */
@Component
class AccountDirectory implements Directory {

    private final Accounts accounts;

    AccountDirectory(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<String> displayName(String username) {
        return username == null ? Optional.empty() : accounts.find(username).map(Account::displayName);
    }
}

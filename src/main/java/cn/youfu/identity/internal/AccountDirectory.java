package cn.youfu.identity.internal;

import cn.youfu.identity.Directory;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The {@link Directory} over the accounts (demo) and the staff who signed in through the identity platform. */
@Component
class AccountDirectory implements Directory {

    private final Accounts accounts;
    private final StaffNames staff;

    AccountDirectory(Accounts accounts, StaffNames staff) {
        this.accounts = accounts;
        this.staff = staff;
    }

    @Override
    public Optional<String> displayName(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return accounts.find(username).map(Account::displayName).or(() -> staff.find(username));
    }
}

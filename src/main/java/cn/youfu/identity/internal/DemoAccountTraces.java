package cn.youfu.identity.internal;

import cn.youfu.platform.DemoTraces;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Password accounts are demo mode's: production signs people in through the identity platform only, so any account
 * in {@code identity.account} was made by a demo instance (the demo accounts' password is published).
 */
@Component
class DemoAccountTraces implements DemoTraces {

    private final Accounts accounts;

    DemoAccountTraces(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public List<String> find() {
        var names = accounts.all().stream().map(Account::username).toList();
        if (names.isEmpty()) {
            return List.of();
        }
        return List.of("identity.account has " + names.size() + " password account" + (names.size() == 1 ? "" : "s")
                + " of demo mode (" + String.join(", ", names.subList(0, Math.min(names.size(), 8)))
                + (names.size() > 8 ? ", …" : "") + "), whose password youfu-demo is published");
    }
}

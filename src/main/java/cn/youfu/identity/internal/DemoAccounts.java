package cn.youfu.identity.internal;

import cn.youfu.identity.Role;
import cn.youfu.platform.DemoOnly;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * One demo account per role, password {@code youfu-demo} (listed in the README). Added at start-up in demo mode
 * only, before the server takes requests; existing accounts are left as they are.
 */
@Component
@DemoOnly
class DemoAccounts implements SmartInitializingSingleton {

    static final String PASSWORD = "youfu-demo";

    /** The demo resident: born 1958-03-12, household registered in Gulou district, Fuzhou. */
    static final String APPLICANT_ID_NUMBER = "350102195803120016";
    /** The demo enterprise's unified social credit code. */
    static final String ENTERPRISE_CREDIT_CODE = "91350100MA2Y0F0U0N";

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private final Accounts accounts;
    private final PasswordEncoder passwords;

    DemoAccounts(Accounts accounts, PasswordEncoder passwords) {
        this.accounts = accounts;
        this.passwords = passwords;
    }

    static List<Account> accounts(String hash) {
        return List.of(
                new Account("applicant", hash, "陈有福", Set.of(Role.APPLICANT), null, APPLICANT_ID_NUMBER),
                new Account("enterprise", hash, "福州有福科技有限公司", Set.of(Role.ENTERPRISE), null,
                        ENTERPRISE_CREDIT_CODE),
                new Account("officer", hash, "林秀英", Set.of(Role.OFFICER), "fz-approval", null),
                // The catalogue's items for older people are decided by the civil affairs bureau.
                new Account("civil-officer", hash, "吴民安", Set.of(Role.OFFICER), "fz-civil-affairs", null),
                // Answers requests for government information addressed to the city government's office.
                new Account("disclosure-officer", hash, "王政公", Set.of(Role.OFFICER), "fz-government-office", null),
                new Account("reviewer", hash, "郑法审", Set.of(Role.REVIEWER), "fz-justice", null),
                new Account("supervisor", hash, "黄督查", Set.of(Role.SUPERVISOR), "fz-government-office", null),
                new Account("admin", hash, "系统管理员", Set.of(Role.ADMIN), null, null));
    }

    @Override
    public void afterSingletonsInstantiated() {
        var missing = accounts(null).stream().filter(a -> !accounts.exists(a.username())).toList();
        if (missing.isEmpty()) {
            return;
        }
        String hash = passwords.encode(PASSWORD);
        for (var account : accounts(hash)) {
            if (missing.stream().anyMatch(m -> m.username().equals(account.username()))) {
                accounts.addIfAbsent(account);
            }
        }
        log.info("Demo accounts added: {}", missing.stream().map(Account::username).toList());
    }
}
